// check/unknown-kind: a change kind outside the vocabulary; the nearest kind is suggested.
import { test } from 'node:test';
import { expectDiagnostics, v2 } from './_util.js';

const KINDS = '    kinds: operation.add, operation.remove, operation.change, action.add, action.remove, action.change, parameter.add, parameter.remove, parameter.change, body.add, body.remove, body.replace, property.add, property.remove, property.rename, property.change, response.add, response.remove, response.change, status.change, header.add, header.remove, servers.change, schema.add, schema.remove';

test('a misspelt kind, with a suggestion', async () => {
  await expectDiagnostics(v2('  - kind: operation.ad\n    where: GET /stuff\n'), [
    `spec/versions/2.2.yaml:5:11 error check/unknown-kind: 2.2: changes[0]: unknown change kind "operation.ad"; expected "operation.add" or one of the kinds in spec/README.md\n${KINDS}`,
  ]);
});

test('a kind in the wrong case', async () => {
  await expectDiagnostics(v2('  - kind: Property.Rename\n    where: schema X /a\n    to: b\n'), [
    `spec/versions/2.2.yaml:5:11 error check/unknown-kind: 2.2: changes[0]: unknown change kind "Property.Rename"; expected "property.rename" or one of the kinds in spec/README.md\n${KINDS}`,
  ]);
});

test('a kind nothing is near', async () => {
  await expectDiagnostics(v2('  - kind: frobnicate\n    where: GET /stuff\n'), [
    `spec/versions/2.2.yaml:5:11 error check/unknown-kind: 2.2: changes[0]: unknown change kind "frobnicate"; expected one of the kinds in spec/README.md\n${KINDS}`,
  ]);
});
