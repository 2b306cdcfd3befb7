// fold/duplicate-operation-id: two operations share an operationId.
import { test } from 'node:test';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectClean, expectDiagnostics, stuffOp, THING, v2 } from './_util.js';

test('an operationId already used', async () => {
  await expectDiagnostics(v2(stuffOp('', 'showThing')), [
    `spec/versions/2.2.yaml:6:12 error fold/duplicate-operation-id: 2.2: operation.add at "GET /stuff": operationId "showThing" of GET /stuff is already used by ${THING}; expected a unique operationId`,
  ]);
});

test('two new operations with one operationId in one delta', async () => {
  await expectDiagnostics(v2(stuffOp('', 'listStuff') + stuffOp('', 'listStuff').replace('GET /stuff', 'GET /more')), [
    'spec/versions/2.2.yaml:13:12 error fold/duplicate-operation-id: 2.2: operation.add at "GET /more": operationId "listStuff" of GET /more is already used by GET /stuff; expected a unique operationId',
  ]);
});

test('an operationId freed by a 404 removal may be used again', async () => {
  await expectClean(miniSpec({
    '2.1.yaml': BASE,
    '2.2.yaml': delta('2.2', `  - kind: operation.remove\n    where: ${THING}\n    answers: 404\n`),
    '2.3.yaml': delta('2.3', stuffOp('', 'showThing')),
  }));
});
