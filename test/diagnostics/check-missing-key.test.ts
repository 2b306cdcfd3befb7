// check/missing-key: a required key is absent.
import { test } from 'node:test';
import { BASE, miniSpec } from '../helpers.js';
import { expectDiagnostics, THING, v2, withApi } from './_util.js';

test('an operation without a summary', async () => {
  await expectDiagnostics(v2('  - kind: operation.add\n    where: GET /stuff\n    operation:\n      operationId: listStuff\n      tags: [things]\n      responses: { "200": { description: OK. } }\n'), [
    'spec/versions/2.2.yaml:8:7 error check/missing-key: 2.2: changes[0].operation: missing key "summary"',
  ]);
});

test('a delta without a description', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "2.2"\nsummary: S\nchanges: []\n' }), [
    'spec/versions/2.2.yaml:1:1 error check/missing-key: 2.2: (the file): missing key "description"',
  ]);
});

test('a change without a kind', async () => {
  await expectDiagnostics(v2('  - where: GET /stuff\n'), [
    'spec/versions/2.2.yaml:5:5 error check/missing-key: 2.2: changes[0] has no kind; expected one of the change kinds (spec/README.md)',
  ]);
});

test('response.add with neither response nor error: true', async () => {
  await expectDiagnostics(v2(`  - kind: response.add\n    where: ${THING} response 404\n`), [
    'spec/versions/2.2.yaml:5:5 error check/missing-key: 2.2: changes[0]: response.add needs "response" (a response) or "error: true" (an error from api.yaml)',
  ]);
});

test('api.yaml without tags', async () => {
  await expectDiagnostics(withApi(miniSpec({ '2.1.yaml': BASE }), (t) => t.replace('tags: [ { name: things } ]\n', '')), [
    'spec/api.yaml:1:1 error check/missing-key: api.yaml: (the file): missing key "tags"',
  ]);
});
