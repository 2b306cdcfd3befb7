// check/version-duplicate: two files declare the same microversion.
import { test } from 'node:test';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectDiagnostics } from './_util.js';

test('2.1.yaml and 2.1.yml', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.1.yml': BASE }), [
    'spec/versions/2.1.yml:1:1 error check/version-duplicate: 2.1: /spec/versions/2.1.yml and /spec/versions/2.1.yaml both hold microversion 2.1; expected one file per version',
  ]);
});

test('a later version twice', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', '  []\n'), '2.2.yml': delta('2.2', '  []\n') }), [
    'spec/versions/2.2.yml:1:1 error check/version-duplicate: 2.2: /spec/versions/2.2.yml and /spec/versions/2.2.yaml both hold microversion 2.2; expected one file per version',
  ]);
});
