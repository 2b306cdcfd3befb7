// fold/not-an-action-operation: an action change on an operation that takes no actions.
import { test } from 'node:test';
import { expectDiagnostics, THING, v2 } from './_util.js';

const at = `spec/versions/2.2.yaml:6:12 error fold/not-an-action-operation: 2.2:`;

test('action.add', async () => {
  await expectDiagnostics(v2(`  - kind: action.add\n    where: "${THING} #poke"\n    action: { summary: P, request: { type: object }, responses: { "202": { description: A. } } }\n`), [
    `${at} action.add at "${THING} #poke": ${THING} takes no actions; expected an operation added with actions: {}`,
  ]);
});

test('action.change', async () => {
  await expectDiagnostics(v2(`  - kind: action.change\n    where: "${THING} #poke"\n    set: { summary: P }\n`), [
    `${at} action.change at "${THING} #poke": ${THING} takes no actions; expected an operation added with actions`,
  ]);
});

test('action.remove answers: 404', async () => {
  await expectDiagnostics(v2(`  - kind: action.remove\n    where: "${THING} #poke"\n    answers: 404\n`), [
    `${at} action.remove at "${THING} #poke": ${THING} takes no actions`,
  ]);
});

test('action.remove answers: 410', async () => {
  await expectDiagnostics(v2(`  - kind: action.remove\n    where: "${THING} #poke"\n    answers: 410\n`), [
    `${at} action.remove at "${THING} #poke": ${THING} takes no actions; expected an operation added with actions`,
  ]);
});

test('a body of an action', async () => {
  await expectDiagnostics(v2(`  - kind: body.add\n    where: "${THING} #poke response 200"\n    schema: { type: object }\n`), [
    `${at} body.add at "${THING} #poke response 200": ${THING} takes no actions; expected an operation added with actions`,
  ]);
});
