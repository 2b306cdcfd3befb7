// check/version-gap: a microversion is missing from the sequence.
import { test } from 'node:test';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectDiagnostics } from './_util.js';

test('2.2 missing between 2.1 and 2.3', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.3.yaml': delta('2.3', '  []\n') }), [
    'spec/versions/2.3.yaml:1:1 error check/version-gap: 2.3: the version after 2.1 is 2.3; expected 2.2',
  ]);
});

test('no base', async () => {
  await expectDiagnostics(miniSpec({ '2.2.yaml': delta('2.2', '  []\n') }), [
    'spec/versions/2.2.yaml:1:1 error check/version-gap: 2.2: the version after (nothing) is 2.2; expected 2.1 (the base)',
  ]);
});

test('a different major version', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '3.1.yaml': delta('3.1', '  []\n') }), [
    'spec/versions/3.1.yaml:1:1 error check/version-gap: 3.1: the version after 2.1 is 3.1; expected 2.2',
  ]);
});

test('versions sort numerically: 2.10 after 2.9, so 2.1..2.9 and 2.11 miss 2.10', async () => {
  const files: Record<string, string> = { '2.1.yaml': BASE };
  for (let i = 2; i <= 9; i++) files[`2.${i}.yaml`] = delta(`2.${i}`, '  []\n');
  files['2.11.yaml'] = delta('2.11', '  []\n');
  await expectDiagnostics(miniSpec(files), [
    'spec/versions/2.11.yaml:1:1 error check/version-gap: 2.11: the version after 2.9 is 2.11; expected 2.10',
  ]);
});
