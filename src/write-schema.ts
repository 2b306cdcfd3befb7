// npm run schema: regenerates spec/delta.schema.json from the checker's shapes.
import fs from 'node:fs';
import { deltaJsonSchemaText } from './compiler/check/delta-json-schema.js';

fs.writeFileSync(process.argv[2] ?? "spec/delta.schema.json", deltaJsonSchemaText());
console.log('wrote spec/delta.schema.json');
