// load/read-failed: a spec file or folder could not be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, delta, miniSpec, rendered } from '../helpers.js';
import { compile } from '../../src/compiler/pipeline.js';
import { expectDiagnostics } from './_util.js';

test('a missing api.yaml', async () => {
  const files = miniSpec({ '2.1.yaml': BASE });
  delete files['/spec/api.yaml'];
  await expectDiagnostics(files, [
    "<spec> error load/read-failed: cannot read /spec/api.yaml: ENOENT: no such file '/spec/api.yaml'; expected the API-wide file spec/api.yaml",
  ]);
});

test('a missing versions folder', async () => {
  await expectDiagnostics(miniSpec({}), [
    "<spec> error load/read-failed: cannot read the folder /spec/versions: ENOENT: no such folder '/spec/versions'; expected a folder of 2.N.yaml files",
  ]);
});

test('a version file that cannot be read (it is a folder)', async () => {
  await expectDiagnostics({ ...miniSpec({ '2.1.yaml': BASE }), '/spec/versions/2.2.yaml/inside.txt': 'x' }, [
    "spec/versions/2.2.yaml:1:1 error load/read-failed: 2.2: cannot read /spec/versions/2.2.yaml: ENOENT: no such file '/spec/versions/2.2.yaml'; expected a readable YAML file",
  ]);
});

test('an unreadable version file is not also reported as a gap', async () => {
  await expectDiagnostics({ ...miniSpec({ '2.1.yaml': BASE, '2.3.yaml': delta('2.3', '  []\n') }), '/spec/versions/2.2.yaml/inside.txt': 'x' }, [
    "spec/versions/2.2.yaml:1:1 error load/read-failed: 2.2: cannot read /spec/versions/2.2.yaml: ENOENT: no such file '/spec/versions/2.2.yaml'; expected a readable YAML file",
  ]);
});

test('on disk: a spec folder that does not exist reports both api.yaml and versions/', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-read-failed-'));
  try {
    const spec = path.join(dir, 'nope');
    const r = await compile({ specDir: spec, workers: 1 });
    assert.deepEqual(rendered(r), [
      `<spec> error load/read-failed: cannot read ${spec}/api.yaml: ENOENT: no such file or directory, open '${spec}/api.yaml'; expected the API-wide file spec/api.yaml`,
      `<spec> error load/read-failed: cannot read the folder ${spec}/versions: ENOENT: no such file or directory, scandir '${spec}/versions'; expected a folder of 2.N.yaml files`,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('on disk: versions is a file, not a folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-read-failed-'));
  try {
    fs.writeFileSync(path.join(dir, 'api.yaml'), miniSpec({})['/spec/api.yaml']!);
    fs.writeFileSync(path.join(dir, 'versions'), 'not a folder\n');
    const r = await compile({ specDir: dir, workers: 1 });
    assert.deepEqual(rendered(r), [
      `<spec> error load/read-failed: cannot read the folder ${dir}/versions: ENOTDIR: not a directory, scandir '${dir}/versions'; expected a folder of 2.N.yaml files`,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
