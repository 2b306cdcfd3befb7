// fold/already-exists: an add of something that already exists at that version.
import { test } from 'node:test';
import { ACTION_OP, expectDiagnostics, THING, v2 } from './_util.js';

const ACT = '"POST /things/{thing_id}/action #poke"';
const at = (line: number) => `spec/versions/2.2.yaml:${line}:12 error fold/already-exists: 2.2:`;

test('operation.add of an operation that exists', async () => {
  await expectDiagnostics(v2(`  - kind: operation.add\n    where: ${THING}\n    operation: { operationId: other, summary: S, tags: [things], parameters: [ { in: path, name: thing_id, description: D., schema: { type: string } } ], responses: { "200": { description: OK. } } }\n`), [
    `${at(6)} operation.add at "${THING}": operation ${THING} already exists; expected operation.change, or operation.remove first`,
  ]);
});

test('operation.remove answers: 410 twice', async () => {
  await expectDiagnostics(v2(`  - kind: operation.remove\n    where: ${THING}\n    answers: 410\n  - kind: operation.remove\n    where: ${THING}\n    answers: 410\n`), [
    `${at(9)} operation.remove at "${THING}": operation ${THING} was already retired (410) in 2.2`,
  ]);
});

test('action.add of an action that exists', async () => {
  await expectDiagnostics(v2(ACTION_OP + `  - kind: action.add\n    where: ${ACT}\n    action: { summary: P, request: { type: object }, responses: { "202": { description: A. } } }\n`), [
    `${at(19)} action.add at "POST /things/{thing_id}/action #poke": POST /things/{thing_id}/action already has action "poke"; expected action.change, or action.remove first`,
  ]);
});

test('action.remove answers: 410 twice', async () => {
  await expectDiagnostics(v2(ACTION_OP + `  - kind: action.remove\n    where: ${ACT}\n    answers: 410\n  - kind: action.remove\n    where: ${ACT}\n    answers: 410\n`), [
    `${at(22)} action.remove at "POST /things/{thing_id}/action #poke": action "poke" was already retired (410) in 2.2`,
  ]);
});

test('body.add of a request body that exists', async () => {
  await expectDiagnostics(v2(`  - kind: body.add\n    where: ${THING} request\n    schema: { type: object }\n  - kind: body.add\n    where: ${THING} request\n    schema: { type: object }\n`), [
    `${at(9)} body.add at "${THING} request": ${THING} already has a request body; expected body.replace`,
  ]);
});

test('body.add of a response body that exists', async () => {
  await expectDiagnostics(v2(`  - kind: body.add\n    where: ${THING} response 200\n    schema: { type: object }\n`), [
    `${at(6)} body.add at "${THING} response 200": ${THING} response 200 already has a body; expected body.replace`,
  ]);
});

test('parameter.add of a parameter that exists', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.add\n    where: ${THING} path thing_id\n    parameter: { description: D., schema: { type: string } }\n`), [
    `${at(6)} parameter.add at "${THING} path thing_id": ${THING} path parameter thing_id already exists; expected parameter.change`,
  ]);
});

test('parameter.add of an API-wide header that exists', async () => {
  const add = '  - kind: parameter.add\n    where: "* header X-V"\n    parameter: { description: D., schema: { type: string } }\n';
  await expectDiagnostics(v2(add + add), [
    `${at(9)} parameter.add at "* header X-V": every operation's header parameter X-V already exists; expected parameter.change`,
  ]);
});

test('property.add of a property that exists', async () => {
  await expectDiagnostics(v2(`  - kind: property.add\n    where: ${THING} response 200 /thing/name\n    schema: { type: string, description: D. }\n`), [
    `${at(6)} property.add at "${THING} response 200 /thing/name": ${THING} response 200: property "name" already exists in /thing; expected property.change`,
  ]);
});

test('property.rename onto a name that exists', async () => {
  await expectDiagnostics(v2(`  - kind: property.add\n    where: ${THING} response 200 /thing/label\n    schema: { type: string, description: D. }\n  - kind: property.rename\n    where: ${THING} response 200 /thing/name\n    to: label\n`), [
    `${at(9)} property.rename at "${THING} response 200 /thing/name": ${THING} response 200: cannot rename "name" to "label": /thing already has "label"`,
  ]);
});

test('response.add of a status that exists', async () => {
  await expectDiagnostics(v2(`  - kind: response.add\n    where: ${THING} response 200\n    response: { description: D. }\n`), [
    `${at(6)} response.add at "${THING} response 200": ${THING} already has a 200 response; expected response.change`,
  ]);
});

test('status.change onto a status that exists', async () => {
  await expectDiagnostics(v2(`  - kind: response.add\n    where: ${THING} response 404\n    error: true\n  - kind: status.change\n    where: ${THING} response 200\n    to: 404\n`), [
    `${at(9)} status.change at "${THING} response 200": ${THING} already has a 404 response; expected response.remove of it first`,
  ]);
});

test('header.add of a response header that exists', async () => {
  const add = `  - kind: header.add\n    where: ${THING} response 200 header X-Id\n    header: { description: D., schema: { type: string } }\n`;
  await expectDiagnostics(v2(add + add), [
    `${at(9)} header.add at "${THING} response 200 header X-Id": ${THING} response 200 already has header X-Id`,
  ]);
});

test('header.add of an API-wide response header that exists', async () => {
  const add = '  - kind: header.add\n    where: "* response header X-Id"\n    header: { description: D., schema: { type: string } }\n';
  await expectDiagnostics(v2(add + add), [
    `${at(9)} header.add at "* response header X-Id": every response already carries header X-Id`,
  ]);
});

test('schema.add of a schema that exists', async () => {
  const add = '  - kind: schema.add\n    where: schema Thing\n    schema: { type: object }\n';
  await expectDiagnostics(v2(add + add), [
    `${at(9)} schema.add at "schema Thing": shared schema Thing already exists; expected body.replace on "schema Thing", or a new name`,
  ]);
});

test('an operation header parameter with the name of an API-wide one', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.add\n    where: "* header X-V"\n    parameter: { description: D., schema: { type: string } }\n  - kind: parameter.add\n    where: ${THING} header X-V\n    parameter: { description: D., schema: { type: string } }\n`), [
    'spec/versions/2.2.yaml:9:12 error fold/already-exists: 2.2: parameter.add at "GET /things/{thing_id} header X-V": every operation already takes header X-V; expected no per-operation copy',
  ]);
});
