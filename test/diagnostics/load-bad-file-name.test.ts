// load/bad-file-name: a file in versions/ is not named 2.N.yaml.
import { test } from 'node:test';
import { BASE, miniSpec } from '../helpers.js';
import { expectClean, expectDiagnostics } from './_util.js';

test('a stray text file beside the version files', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, 'notes.txt': 'todo\n' }), [
    'spec/versions/notes.txt:1:1 error load/bad-file-name: "notes.txt" in /spec/versions is not a version file; expected a name like 2.26.yaml',
  ]);
});

test('a minor with a leading zero (2.02.yaml)', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.02.yaml': BASE }), [
    'spec/versions/2.02.yaml:1:1 error load/bad-file-name: "2.02.yaml" in /spec/versions is not a version file; expected a name like 2.26.yaml',
  ]);
});

test('a prefixed name (v2.2.yaml)', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, 'v2.2.yaml': BASE }), [
    'spec/versions/v2.2.yaml:1:1 error load/bad-file-name: "v2.2.yaml" in /spec/versions is not a version file; expected a name like 2.26.yaml',
  ]);
});

test('hidden files are ignored', async () => {
  await expectClean(miniSpec({ '2.1.yaml': BASE, '.DS_Store': '' }));
});
