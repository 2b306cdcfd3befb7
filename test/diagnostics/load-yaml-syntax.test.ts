// load/yaml-syntax: the file is not valid YAML.
import { test } from 'node:test';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectDiagnostics, THING, withApi } from './_util.js';

test('an unquoted ": " inside a value', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "2.2"\nsummary: Tags: added\ndescription: D.\nchanges: []\n' }), [
    'spec/versions/2.2.yaml:2:10 error load/yaml-syntax: 2.2: Nested mappings are not allowed in compact mappings; expected valid YAML\n    yaml: BLOCK_AS_IMPLICIT_KEY',
  ]);
});

test('an unclosed quote', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "2.2"\nsummary: "Tags\ndescription: D.\nchanges: []\n' }), [
    'spec/versions/2.2.yaml:5:1 error load/yaml-syntax: 2.2: Missing closing "quote; expected valid YAML\n    yaml: MISSING_CHAR',
  ]);
});

test('tabs as indentation', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "2.2"\nsummary: S\ndescription: D\nchanges:\n\t- kind: servers.change\n' }), [
    'spec/versions/2.2.yaml:5:1 error load/yaml-syntax: 2.2: Tabs are not allowed as indentation; expected valid YAML\n    yaml: TAB_AS_INDENT',
  ]);
});

test('in api.yaml (no version to name)', async () => {
  await expectDiagnostics(withApi(miniSpec({ '2.1.yaml': BASE }), (t) => t.replace('info: { title: Mini }', 'info: { title: Mini')), [
    'spec/api.yaml:2:1 error load/yaml-syntax: Flow map in block collection must be sufficiently indented and end with a }; expected valid YAML\n    yaml: BAD_INDENT',
  ]);
});

test('every file is reported in one run', async () => {
  await expectDiagnostics(miniSpec({
    '2.1.yaml': BASE,
    '2.2.yaml': 'version: "2.2"\nsummary: Tags: added\ndescription: D.\nchanges: []\n',
    '2.3.yaml': 'version: "2.3"\nsummary: S\ndescription: Why: because\nchanges: []\n',
  }), [
    'spec/versions/2.2.yaml:2:10 error load/yaml-syntax: 2.2: Nested mappings are not allowed in compact mappings; expected valid YAML\n    yaml: BLOCK_AS_IMPLICIT_KEY',
    'spec/versions/2.3.yaml:3:14 error load/yaml-syntax: 2.3: Nested mappings are not allowed in compact mappings; expected valid YAML\n    yaml: BLOCK_AS_IMPLICIT_KEY',
  ]);
});

test('a later version that builds on the broken one is not folded without it', async () => {
  await expectDiagnostics(miniSpec({
    '2.1.yaml': BASE,
    '2.2.yaml': delta('2.2', `  - kind: parameter.add\n    where: ${THING} query q\n    parameter: { description: Q., schema: { type: string } }\n`).replace('summary: Test', 'summary: Test: q'),
    '2.3.yaml': delta('2.3', `  - kind: parameter.remove\n    where: ${THING} query q\n`),
  }), [
    'spec/versions/2.2.yaml:2:10 error load/yaml-syntax: 2.2: Nested mappings are not allowed in compact mappings; expected valid YAML\n    yaml: BLOCK_AS_IMPLICIT_KEY',
  ]);
});
