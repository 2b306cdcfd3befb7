// npm run docs: regenerates the generated parts of the docs (the diagnostics table in README.md).
import fs from 'node:fs';
import { diagnosticsTable } from './compiler/diagnostics/table.js';
import { withSeverityTable } from './compiler/diff/severity.js';

const file = process.argv[2] ?? 'README.md';
const text = fs.readFileSync(file, 'utf8');
const next = withSeverityTable(text.replace(/<!-- codes:start -->[\s\S]*<!-- codes:end -->/, `<!-- codes:start -->\n${diagnosticsTable()}<!-- codes:end -->`));
fs.writeFileSync(file, next);
console.log(`updated ${file}`);
