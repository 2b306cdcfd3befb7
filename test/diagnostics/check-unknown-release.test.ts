// check/unknown-release: a release not declared in api.yaml.
import { test } from 'node:test';
import { BASE, miniSpec } from '../helpers.js';
import { expectClean, expectDiagnostics } from './_util.js';

const d = (release: string) => `version: "2.2"\nsummary: S\ndescription: D\nrelease: ${release}\nchanges: []\n`;

test('a misspelt release, with a suggestion', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': d('Alpah') }), [
    'spec/versions/2.2.yaml:4:10 error check/unknown-release: 2.2: release "Alpah" is not declared in api.yaml; expected one of its releases (did you mean "Alpha"?)',
  ]);
});

test('one unknown name in a list, located at that item', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': d('[Alpha, Omega]') }), [
    'spec/versions/2.2.yaml:4:18 error check/unknown-release: 2.2: release "Omega" is not declared in api.yaml; expected one of its releases',
  ]);
});

test('a declared release is fine', async () => {
  await expectClean(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': d('Alpha') }));
});
