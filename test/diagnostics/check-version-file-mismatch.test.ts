// check/version-file-mismatch: the file name and its version differ.
import { test } from 'node:test';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectDiagnostics } from './_util.js';

test('2.2.yaml declaring 2.3', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.3', '  []\n') }), [
    'spec/versions/2.2.yaml:1:10 error check/version-file-mismatch: 2.2: the file is named 2.2.yaml but declares version "2.3"; expected version "2.2"',
  ]);
});

test('2.10.yaml with an unquoted 2.10 also reads as 2.1', async () => {
  const files: Record<string, string> = { '2.1.yaml': BASE };
  for (let i = 2; i <= 9; i++) files[`2.${i}.yaml`] = delta(`2.${i}`, '  []\n');
  files['2.10.yaml'] = 'version: 2.10\nsummary: S\ndescription: D\nchanges: []\n';
  await expectDiagnostics(miniSpec(files), [
    'spec/versions/2.10.yaml:1:10 error check/version-not-string: 2.10: version is the YAML number 2.1; expected the quoted string "2.10" (an unquoted 2.10 reads as 2.1)',
    'spec/versions/2.10.yaml:1:10 error check/version-file-mismatch: 2.10: the file is named 2.10.yaml but declares version "2.1"; expected version "2.10"',
  ]);
});
