// Golden files for the widgets fixture: every emitted document and the index, byte for byte.
// UPDATE_GOLDEN=1 rewrites them; a missing or stale golden file fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '../../src/compiler/pipeline.js';
import { FIXTURE, ROOT } from '../helpers.js';
import { buildIndex } from '../../src/compiler/write/index-file.js';
import { sha256 } from '../../src/compiler/util/hash.js';
import os from 'node:os';

const GOLDEN = path.join(ROOT, 'test/golden/widgets');

test('the widgets fixture compiles to its golden documents', async () => {
  const r = await compile({ specDir: FIXTURE, workers: 1 });
  assert.deepEqual(r.diagnostics, []);
  await filesAsWritten(r.versions.map((v) => [v.version, v.json, v.yaml]));
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

/**
 * The files a build writes are assembled on the validating thread from pieces (emit/document-pieces.ts):
 * with a worker and without one, they are the documents' texts exactly, and `written` tells their hash and size.
 */
async function filesAsWritten(want: readonly (readonly [string, string, string])[]): Promise<void> {
  for (const workers of [1, 0]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-golden-'));
    try {
      const r = await compile({ specDir: FIXTURE, workers, output: (v) => ({ json: path.join(dir, `${v}.json`), yaml: path.join(dir, `${v}.yaml`) }) });
      assert.deepEqual(r.diagnostics, []);
      for (const [v, json, yaml] of want) {
        const got = r.versions.find((x) => x.version === v)!;
        assert.equal(fs.readFileSync(path.join(dir, `${v}.json`), 'utf8'), json, `${v}.json as written (workers: ${workers})`);
        assert.equal(fs.readFileSync(path.join(dir, `${v}.yaml`), 'utf8'), yaml, `${v}.yaml as written (workers: ${workers})`);
        assert.deepEqual(got.written, { json: { sha256: sha256(json), size: Buffer.byteLength(json) }, yaml: { sha256: sha256(yaml), size: Buffer.byteLength(yaml) } });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
