// check/bad-value: a value is not one of the allowed values or does not match the required form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, delta, miniSpec, rendered } from '../helpers.js';
import { compile } from '../../src/compiler/pipeline.js';
import { memoryHost } from '../../src/compiler/host.js';
import { expectDiagnostics, stuffOp, THING, v2 } from './_util.js';

test('answers: 403 (only 404 or 410)', async () => {
  await expectDiagnostics(v2(`  - kind: operation.remove\n    where: ${THING}\n    answers: 403\n`), [
    'spec/versions/2.2.yaml:7:14 error check/bad-value: 2.2: changes[0].answers: expected one of 404, 410, got number 403',
  ]);
});

test('an operationId that is not camelCase', async () => {
  await expectDiagnostics(v2(stuffOp('', 'ListStuff')), [
    'spec/versions/2.2.yaml:8:20 error check/bad-value: 2.2: changes[0].operation.operationId: expected a camelCase operationId, got the string "ListStuff"',
  ]);
});

test('a response keyed by something that is not a status code', async () => {
  await expectDiagnostics(v2(stuffOp().replace('"200"', '"20"')), [
    'spec/versions/2.2.yaml:11:20 error check/bad-value: 2.2: changes[0].operation.responses.20: expected a key that is a status code such as "200", got the string "20"',
  ]);
});

test('a parameter in a cookie', async () => {
  await expectDiagnostics(v2(stuffOp('      parameters: [ { in: cookie, name: c, description: C., schema: { type: string } } ]\n')), [
    'spec/versions/2.2.yaml:11:27 error check/bad-value: 2.2: changes[0].operation.parameters[0].in: expected one of "query", "path", "header", got the string "cookie"',
  ]);
});

test('a $ref that is a JSON pointer, not a schema name', async () => {
  await expectDiagnostics(v2(`  - kind: body.replace\n    where: ${THING} response 200\n    schema: { $ref: "#/components/schemas/Thing" }\n`), [
    'spec/versions/2.2.yaml:7:21 error check/bad-value: 2.2: changes[0].schema.$ref: expected a shared schema name, got the string "#/components/schemas/Thing"',
  ]);
});

test('a version that is not a microversion', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "v2.2"\nsummary: S\ndescription: D\nchanges: []\n' }), [
    'spec/versions/2.2.yaml:1:10 error check/bad-value: 2.2: version: expected a quoted microversion such as "2.26", got the string "v2.2"',
  ]);
});

test('--versions naming a version the spec does not have', async () => {
  const files = miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', '  []\n') });
  for (const [versions, v] of [[{ from: '2.9' }, '2.9'], [{ from: '2.1', to: '2.3' }, '2.3']] as const) {
    const r = await compile({ specDir: '/spec', host: memoryHost(files), workers: 1, versions });
    assert.deepEqual(rendered(r), [
      `<spec> error check/bad-value: --versions names ${v}, which is not in the spec; expected a version from 2.1 to 2.2`,
    ]);
  }
});
