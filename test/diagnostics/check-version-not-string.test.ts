// check/version-not-string: version is a YAML number; 2.10 would read as 2.1.
import { test } from 'node:test';
import { BASE, miniSpec } from '../helpers.js';
import { expectDiagnostics } from './_util.js';

test('an unquoted version', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: 2.2\nsummary: S\ndescription: D\nchanges: []\n' }), [
    'spec/versions/2.2.yaml:1:10 error check/version-not-string: 2.2: version is the YAML number 2.2; expected the quoted string "2.2" (an unquoted 2.10 reads as 2.1)',
  ]);
});

test('an unquoted base version', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE.replace('version: "2.1"', 'version: 2.1') }), [
    'spec/versions/2.1.yaml:1:10 error check/version-not-string: 2.1: version is the YAML number 2.1; expected the quoted string "2.1" (an unquoted 2.10 reads as 2.1)',
  ]);
});
