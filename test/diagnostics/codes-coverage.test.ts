// Every diagnostic code in the registry has its own test file here: test/diagnostics/<code with / as ->.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CODES } from '../../src/compiler/diagnostics/codes.js';
import { ROOT } from '../helpers.js';

test('one test file per diagnostic code, and none for a code that does not exist', () => {
  const dir = path.join(ROOT, 'test/diagnostics');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts') && f !== 'codes-coverage.test.ts').sort();
  const want = Object.keys(CODES).map((c) => `${c.replace('/', '-')}.test.ts`).sort();
  assert.deepEqual(files, want);
});

test('each file names its code and asserts it', () => {
  for (const code of Object.keys(CODES)) {
    const text = fs.readFileSync(path.join(ROOT, 'test/diagnostics', `${code.replace('/', '-')}.test.ts`), 'utf8');
    assert.ok(text.startsWith(`// ${code}: `), `${code}: the file should start with "// ${code}: …"`);
    assert.ok(text.includes(` ${code}: `), `${code}: no rendered diagnostic with this code is asserted`);
  }
});
