// check/bad-where: a where that does not parse, or names a target the change kind cannot take.
import { test } from 'node:test';
import { expectDiagnostics, THING, v2 } from './_util.js';

const at = 'spec/versions/2.2.yaml:6:12 error check/bad-where: 2.2:';

test('an unknown HTTP method', async () => {
  await expectDiagnostics(v2('  - kind: operation.change\n    where: FETCH /things\n    set: { summary: S }\n'), [
    `${at} operation.change where "FETCH /things": expected an HTTP method (GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS), "*" or "schema", not "FETCH"`,
  ]);
});

test('a path without a leading slash', async () => {
  await expectDiagnostics(v2('  - kind: operation.change\n    where: GET things\n    set: { summary: S }\n'), [
    `${at} operation.change where "GET things": expected a path starting with "/" after GET`,
  ]);
});

test('a where of the wrong form for the kind', async () => {
  await expectDiagnostics(v2(`  - kind: operation.change\n    where: ${THING} query q\n    set: { summary: S }\n`), [
    `${at} operation.change where "${THING} query q": operation.change takes "METHOD /path"`,
  ]);
});

test('a parameter of one action', async () => {
  await expectDiagnostics(v2('  - kind: parameter.remove\n    where: "POST /things/{thing_id}/action #poke query q"\n'), [
    `${at} parameter.remove where "POST /things/{thing_id}/action #poke query q": parameters belong to the operation, not to one action; drop the "#action"`,
  ]);
});

test('a status that is not a status code', async () => {
  await expectDiagnostics(v2(`  - kind: response.remove\n    where: ${THING} response ok\n`), [
    `${at} response.remove where "${THING} response ok": expected a status code (e.g. 200) after "response"`,
  ]);
});

test('an empty pointer segment', async () => {
  await expectDiagnostics(v2(`  - kind: property.remove\n    where: ${THING} response 200 /thing//name\n`), [
    `${at} property.remove where "${THING} response 200 /thing//name": empty segment in pointer "/thing//name"`,
  ]);
});

test('__proto__ as a pointer segment', async () => {
  await expectDiagnostics(v2(`  - kind: property.remove\n    where: ${THING} response 200 /__proto__\n`), [
    `${at} property.remove where "${THING} response 200 /__proto__": the property name "__proto__" is not allowed`,
  ]);
});

test('tokens left over at the end', async () => {
  await expectDiagnostics(v2('  - kind: parameter.remove\n    where: "* header X-Id please"\n'), [
    `${at} parameter.remove where "* header X-Id please": unexpected "please" at the end`,
  ]);
});

test('an operation followed by an unknown word', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.remove\n    where: ${THING} body\n`), [
    `${at} parameter.remove where "${THING} body": expected "request", "response N", "query", "path" or "header" after the operation, not "body"`,
  ]);
});

test('"*" without header', async () => {
  await expectDiagnostics(v2('  - kind: header.remove\n    where: "* X-Id"\n'), [
    `${at} header.remove where "* X-Id": expected "* header Name" or "* response header Name"`,
  ]);
});
