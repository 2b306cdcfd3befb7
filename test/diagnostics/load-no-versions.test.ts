// load/no-versions: the spec folder holds no version files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { miniSpec, rendered } from '../helpers.js';
import { compile } from '../../src/compiler/pipeline.js';
import { expectDiagnostics } from './_util.js';

test('a versions folder holding only a hidden file', async () => {
  await expectDiagnostics(miniSpec({ '.keep': '' }), [
    '<spec> error load/no-versions: /spec/versions holds no version files; expected 2.1.yaml and later',
  ]);
});

test('a versions folder holding only files that are not version files', async () => {
  await expectDiagnostics(miniSpec({ 'README.md': '# notes\n' }), [
    '<spec> error load/no-versions: /spec/versions holds no version files; expected 2.1.yaml and later',
    'spec/versions/README.md:1:1 error load/bad-file-name: "README.md" in /spec/versions is not a version file; expected a name like 2.26.yaml',
  ]);
});

test('on disk: an empty versions folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-no-versions-'));
  try {
    fs.writeFileSync(path.join(dir, 'api.yaml'), miniSpec({})['/spec/api.yaml']!);
    fs.mkdirSync(path.join(dir, 'versions'));
    const r = await compile({ specDir: dir, workers: 1 });
    assert.deepEqual(rendered(r), [
      `<spec> error load/no-versions: ${dir}/versions holds no version files; expected 2.1.yaml and later`,
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
