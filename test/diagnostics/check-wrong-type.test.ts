// check/wrong-type: a value has the wrong type.
import { test } from 'node:test';
import { BASE, miniSpec } from '../helpers.js';
import { expectDiagnostics, THING, v2 } from './_util.js';

test('a list where a string belongs', async () => {
  await expectDiagnostics(v2(`  - kind: operation.change\n    where: ${THING}\n    set: { summary: [a] }\n`), [
    'spec/versions/2.2.yaml:7:21 error check/wrong-type: 2.2: changes[0].set.summary: expected a string, got a list',
  ]);
});

test('a string where an integer belongs', async () => {
  await expectDiagnostics(v2(`  - kind: property.change\n    where: ${THING} response 200 /thing/name\n    set: { maxLength: "255" }\n`), [
    'spec/versions/2.2.yaml:7:23 error check/wrong-type: 2.2: changes[0].set.maxLength: expected an integer, got the string "255"',
  ]);
});

test('changes as a mapping', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "2.2"\nsummary: S\ndescription: D\nchanges: { kind: servers.change }\n' }), [
    'spec/versions/2.2.yaml:4:10 error check/wrong-type: 2.2: changes: expected a list, got a mapping',
  ]);
});

test('a change that is a list', async () => {
  await expectDiagnostics(v2('  - [a]\n'), [
    'spec/versions/2.2.yaml:5:5 error check/wrong-type: 2.2: changes[0] is a list; expected a mapping with kind and where',
  ]);
});

test('a change that is empty (null)', async () => {
  await expectDiagnostics(v2('  -\n'), [
    'spec/versions/2.2.yaml:5:4 error check/wrong-type: 2.2: changes[0] is null; expected a mapping with kind and where',
  ]);
});

test('a change that is a string', async () => {
  await expectDiagnostics(v2('  - operation.add\n'), [
    'spec/versions/2.2.yaml:5:5 error check/wrong-type: 2.2: changes[0] is the string "operation.add"; expected a mapping with kind and where',
  ]);
});
