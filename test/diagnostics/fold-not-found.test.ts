// fold/not-found: a remove, rename or change of something that does not exist at that version.
import { test } from 'node:test';
import { ACTION_OP, expectDiagnostics, stuffOp, THING, v2 } from './_util.js';

const at = (line = 6) => `spec/versions/2.2.yaml:${line}:12 error fold/not-found: 2.2:`;
const ACT = 'POST /things/{thing_id}/action';
const EMPTY_204 = `  - kind: response.add\n    where: ${THING} response 204\n    response: { description: Empty. }\n`;

// Operations

test('an operation: another method on the same path is suggested', async () => {
  await expectDiagnostics(v2('  - kind: operation.change\n    where: DELETE /things/{thing_id}\n    set: { summary: S }\n'), [
    `${at()} operation.change at "DELETE /things/{thing_id}": no operation DELETE /things/{thing_id}; expected one of: ${THING}`,
  ]);
});

test('an operation on a path nothing is on', async () => {
  await expectDiagnostics(v2('  - kind: operation.change\n    where: GET /nothing\n    set: { summary: S }\n'), [
    `${at()} operation.change at "GET /nothing": no operation GET /nothing; expected an operation that exists at this version`,
  ]);
});

test('an operation to remove', async () => {
  await expectDiagnostics(v2('  - kind: operation.remove\n    where: GET /nothing\n    answers: 404\n'), [
    `${at()} operation.remove at "GET /nothing": no operation GET /nothing to remove; expected an operation that exists at this version`,
  ]);
});

test('an operation removed (404) in an earlier version', async () => {
  await expectDiagnostics({
    ...v2(`  - kind: operation.remove\n    where: ${THING}\n    answers: 404\n`),
    '/spec/versions/2.3.yaml': `version: "2.3"\nsummary: S\ndescription: D\nchanges:\n  - kind: operation.change\n    where: ${THING}\n    set: { summary: S }\n`,
  }, [
    `spec/versions/2.3.yaml:6:12 error fold/not-found: 2.3: operation.change at "${THING}": no operation ${THING}; expected an operation that exists at this version`,
  ]);
});

test('operation.add without any response', async () => {
  await expectDiagnostics(v2(stuffOp().replace('      responses: { "200": { description: OK. } }\n', '')), [
    `${at()} operation.add at "GET /stuff": operation GET /stuff has no responses; expected at least one under responses or errors`,
  ]);
});

// Actions

test('an action to change', async () => {
  await expectDiagnostics(v2(ACTION_OP + `  - kind: action.change\n    where: "${ACT} #prod"\n    set: { summary: S }\n`), [
    `${at(19)} action.change at "${ACT} #prod": ${ACT} has no action "prod"; expected one of: poke`,
  ]);
});

test('an action to remove (404)', async () => {
  await expectDiagnostics(v2(ACTION_OP + `  - kind: action.remove\n    where: "${ACT} #prod"\n    answers: 404\n`), [
    `${at(19)} action.remove at "${ACT} #prod": ${ACT} has no action "prod" to remove; expected one of: poke`,
  ]);
});

test('an action to retire (410)', async () => {
  await expectDiagnostics(v2(ACTION_OP + `  - kind: action.remove\n    where: "${ACT} #prod"\n    answers: 410\n`), [
    `${at(19)} action.remove at "${ACT} #prod": ${ACT} has no action "prod"; expected one of: poke`,
  ]);
});

test("an action's request body cannot be removed", async () => {
  await expectDiagnostics(v2(ACTION_OP + `  - kind: body.remove\n    where: "${ACT} #poke request"\n`), [
    `${at(19)} body.remove at "${ACT} #poke request": an action's request body cannot be removed; expected action.remove for ${ACT} #poke`,
  ]);
});

// Properties

test('a property on the way (property.change)', async () => {
  await expectDiagnostics(v2(`  - kind: property.change\n    where: ${THING} response 200 /thing/size\n    set: { description: S. }\n`), [
    `${at()} property.change at "${THING} response 200 /thing/size": no property "size" in /thing; expected one of: name`,
  ]);
});

test('a property to remove', async () => {
  await expectDiagnostics(v2(`  - kind: property.remove\n    where: ${THING} response 200 /thing/size\n`), [
    `${at()} property.remove at "${THING} response 200 /thing/size": ${THING} response 200: no property "size" in /thing to remove; expected one of: name`,
  ]);
});

test('a property to rename', async () => {
  await expectDiagnostics(v2(`  - kind: property.rename\n    where: ${THING} response 200 /thing/size\n    to: bulk\n`), [
    `${at()} property.rename at "${THING} response 200 /thing/size": ${THING} response 200: no property "size" in /thing to rename; expected one of: name`,
  ]);
});

test('a key to unset', async () => {
  await expectDiagnostics(v2(`  - kind: property.change\n    where: ${THING} response 200 /thing/name\n    unset: [format]\n`), [
    `${at()} property.change at "${THING} response 200 /thing/name": ${THING} response 200 /thing/name has no "format" to unset; expected one of its keys: type, description`,
  ]);
});

// Bodies

test('a request body to add a property to', async () => {
  await expectDiagnostics(v2(`  - kind: property.add\n    where: ${THING} request /size\n    schema: { type: integer, description: S. }\n`), [
    `${at()} property.add at "${THING} request /size": ${THING} has no request body; expected body.add first`,
  ]);
});

test('a response body to add a property to', async () => {
  await expectDiagnostics(v2(EMPTY_204 + `  - kind: property.add\n    where: ${THING} response 204 /size\n    schema: { type: integer, description: S. }\n`), [
    `${at(9)} property.add at "${THING} response 204 /size": ${THING} response 204 has no body; expected body.add first`,
  ]);
});

test('a request body to remove', async () => {
  await expectDiagnostics(v2(`  - kind: body.remove\n    where: ${THING} request\n`), [
    `${at()} body.remove at "${THING} request": ${THING} has no request body to remove`,
  ]);
});

test('a response body to remove', async () => {
  await expectDiagnostics(v2(EMPTY_204 + `  - kind: body.remove\n    where: ${THING} response 204\n`), [
    `${at(9)} body.remove at "${THING} response 204": ${THING} has no 204 response body to remove`,
  ]);
});

test('a request body to replace', async () => {
  await expectDiagnostics(v2(`  - kind: body.replace\n    where: ${THING} request\n    schema: { type: object }\n`), [
    `${at()} body.replace at "${THING} request": ${THING} has no request body to replace; expected body.add`,
  ]);
});

test('a response body to replace', async () => {
  await expectDiagnostics(v2(`  - kind: body.replace\n    where: ${THING} response 201\n    schema: { type: object }\n`), [
    `${at()} body.replace at "${THING} response 201": ${THING} has no 201 response body to replace; expected body.add`,
  ]);
});

// Parameters

test('a parameter to change', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.change\n    where: ${THING} query limit\n    set: { minimum: 1 }\n`), [
    `${at()} parameter.change at "${THING} query limit": ${THING} query parameter limit does not exist; expected one of: path thing_id`,
  ]);
});

test('a parameter to remove', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.remove\n    where: ${THING} query limit\n`), [
    `${at()} parameter.remove at "${THING} query limit": ${THING} query parameter limit does not exist; expected one of: path thing_id`,
  ]);
});

test('an API-wide header parameter to remove', async () => {
  await expectDiagnostics(v2('  - kind: parameter.remove\n    where: "* header X-V"\n'), [
    `${at()} parameter.remove at "* header X-V": every operation's header parameter X-V does not exist; expected one of: (none)`,
  ]);
});

test('a parameter key to unset', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.change\n    where: ${THING} path thing_id\n    unset: [format]\n`), [
    `${at()} parameter.change at "${THING} path thing_id": ${THING} path parameter thing_id has no "format" to unset; expected one of its keys: type`,
  ]);
});

// Responses

test('a response to change', async () => {
  await expectDiagnostics(v2(`  - kind: response.change\n    where: ${THING} response 404\n    set: { description: D. }\n`), [
    `${at()} response.change at "${THING} response 404": ${THING} has no 404 response; expected one of: 200`,
  ]);
});

test('a response to remove', async () => {
  await expectDiagnostics(v2(`  - kind: response.remove\n    where: ${THING} response 404\n`), [
    `${at()} response.remove at "${THING} response 404": ${THING} has no 404 response to remove; expected one of: 200`,
  ]);
});

test('a response to change the status of', async () => {
  await expectDiagnostics(v2(`  - kind: status.change\n    where: ${THING} response 201\n    to: 202\n`), [
    `${at()} status.change at "${THING} response 201": ${THING} has no 201 response to change; expected one of: 200`,
  ]);
});

test('a response to add a body to', async () => {
  await expectDiagnostics(v2(`  - kind: body.add\n    where: ${THING} response 201\n    schema: { type: object }\n`), [
    `${at()} body.add at "${THING} response 201": ${THING} has no 201 response; expected one of: 200 (or response.add)`,
  ]);
});

test('a response to add a property to', async () => {
  await expectDiagnostics(v2(`  - kind: property.add\n    where: ${THING} response 201 /size\n    schema: { type: integer, description: S. }\n`), [
    `${at()} property.add at "${THING} response 201 /size": ${THING} has no 201 response; expected one of: 200`,
  ]);
});

test('error: true for a status api.yaml does not describe', async () => {
  await expectDiagnostics(v2(`  - kind: response.add\n    where: ${THING} response 410\n    error: true\n`), [
    `${at()} response.add at "${THING} response 410": ${THING}: error: true needs status 410 under errors in api.yaml; expected one of 404`,
  ]);
});

// Headers

test('a response to add a header to', async () => {
  await expectDiagnostics(v2(`  - kind: header.add\n    where: ${THING} response 201 header X-Id\n    header: { description: D., schema: { type: string } }\n`), [
    `${at()} header.add at "${THING} response 201 header X-Id": ${THING} has no 201 response; expected one of: 200`,
  ]);
});

test('a response to remove a header from', async () => {
  await expectDiagnostics(v2(`  - kind: header.remove\n    where: ${THING} response 201 header X-Id\n`), [
    `${at()} header.remove at "${THING} response 201 header X-Id": ${THING} has no 201 response; expected one of: 200`,
  ]);
});

test('a response header to remove', async () => {
  await expectDiagnostics(v2(`  - kind: header.remove\n    where: ${THING} response 200 header X-Id\n`), [
    `${at()} header.remove at "${THING} response 200 header X-Id": ${THING} response 200 has no header X-Id; expected one of: (none)`,
  ]);
});

test('an API-wide response header to remove', async () => {
  await expectDiagnostics(v2('  - kind: header.remove\n    where: "* response header X-Id"\n'), [
    `${at()} header.remove at "* response header X-Id": no API-wide response header X-Id; expected one of: (none)`,
  ]);
});

// Shared schemas

test('a shared schema to remove', async () => {
  await expectDiagnostics(v2('  - kind: schema.remove\n    where: schema Thing\n'), [
    `${at()} schema.remove at "schema Thing": no shared schema Thing to remove; expected one of: (none)`,
  ]);
});

test('a shared schema to replace', async () => {
  await expectDiagnostics(v2('  - kind: body.replace\n    where: schema Thing\n    schema: { type: object }\n'), [
    `${at()} body.replace at "schema Thing": no shared schema Thing; expected schema.add first`,
  ]);
});

test('a shared schema to add a property to', async () => {
  await expectDiagnostics(v2('  - kind: property.add\n    where: schema Thing /size\n    schema: { type: integer, description: S. }\n'), [
    `${at()} property.add at "schema Thing /size": no shared schema Thing; expected schema.add first`,
  ]);
});
