// Generated text that is committed must match what the code generates now:
// the README's tables (npm run docs) and spec/delta.schema.json (npm run schema).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { diagnosticsTable } from '../../src/compiler/diagnostics/table.js';
import { withSeverityTable } from '../../src/compiler/diff/severity.js';
import { deltaJsonSchemaText } from '../../src/compiler/check/delta-json-schema.js';
import { CODES } from '../../src/compiler/diagnostics/codes.js';

test('README.md carries the current diagnostics and severity tables (npm run docs)', () => {
  const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const want = withSeverityTable(text.replace(/<!-- codes:start -->[\s\S]*<!-- codes:end -->/, `<!-- codes:start -->\n${diagnosticsTable()}<!-- codes:end -->`));
  assert.equal(text, want, 'run npm run docs');
  for (const code of Object.keys(CODES)) assert.ok(text.includes(`\`${code}\``), `${code} is in the README`);
});

test('spec/delta.schema.json is generated from the checker\'s shapes (npm run schema)', () => {
  assert.equal(fs.readFileSync(path.join(ROOT, 'spec/delta.schema.json'), 'utf8'), deltaJsonSchemaText(), 'run npm run schema');
});

test('every delta names the schema on its first line', () => {
  const dir = path.join(ROOT, 'spec/versions');
  for (const f of fs.readdirSync(dir)) {
    assert.equal(fs.readFileSync(path.join(dir, f), 'utf8').split('\n')[0], '# yaml-language-server: $schema=../delta.schema.json', f);
  }
});
