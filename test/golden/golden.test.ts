// Golden files for the widgets fixture: every emitted document and the index, byte for byte.
// UPDATE_GOLDEN=1 rewrites them; a missing or stale golden file fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '../../src/compiler/pipeline.js';
import { FIXTURE, ROOT } from '../helpers.js';
import { buildIndex } from '../../src/compiler/write/index-file.js';

const GOLDEN = path.join(ROOT, 'test/golden/widgets');

test('the widgets fixture compiles to its golden documents', async () => {
  const r = await compile({ specDir: FIXTURE, workers: 1 });
  assert.deepEqual(r.diagnostics, []);
  const want = new Map<string, string>();
  for (const v of r.versions) {
    want.set(`${v.version}.yaml`, v.yaml);
    want.set(`${v.version}.json`, v.json);
  }
  want.set('index.json', buildIndex(r.versions));
  if (process.env['UPDATE_GOLDEN']) {
    fs.rmSync(GOLDEN, { recursive: true, force: true });
    fs.mkdirSync(GOLDEN, { recursive: true });
    for (const [name, text] of want) fs.writeFileSync(path.join(GOLDEN, name), text);
  }
  const have = fs.existsSync(GOLDEN) ? fs.readdirSync(GOLDEN).sort() : [];
  assert.deepEqual(have, [...want.keys()].sort(), 'golden files are missing or stale: run with UPDATE_GOLDEN=1');
  for (const [name, text] of want) assert.equal(fs.readFileSync(path.join(GOLDEN, name), 'utf8'), text, `${name} differs from its golden file`);
});
