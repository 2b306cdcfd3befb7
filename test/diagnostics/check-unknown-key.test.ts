// check/unknown-key: a key the format does not know; the nearest valid key is suggested.
import { test } from 'node:test';
import { BASE, miniSpec } from '../helpers.js';
import { expectClean, expectDiagnostics, stuffOp, THING, v2, withApi } from './_util.js';

test('a misspelt key in an operation, with a suggestion', async () => {
  await expectDiagnostics(v2(stuffOp('      descripton: Typo.\n')), [
    'spec/versions/2.2.yaml:11:7 error check/unknown-key: 2.2: changes[0].operation: unknown key "descripton"; expected "description" or one of operationId, summary, description, tags, deprecated, gone, parameters, request, responses, errors, actions, servers, security',
  ]);
});

test('a misspelt top-level key of a delta', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': 'version: "2.2"\nsummary: S\ndescription: D\nchanges: []\nrelaese: Alpha\n' }), [
    'spec/versions/2.2.yaml:5:1 error check/unknown-key: 2.2: (the file): unknown key "relaese"; expected "release" or one of version, summary, description, release, changes',
  ]);
});

test('a long list of allowed keys is cut after twelve', async () => {
  await expectDiagnostics(v2(`  - kind: property.change\n    where: ${THING} response 200 /thing/name\n    set: { maxLen: 3 }\n`), [
    'spec/versions/2.2.yaml:7:12 error check/unknown-key: 2.2: changes[0].set: unknown key "maxLen"; expected one of type, format, description, title, enum, const, pattern, minLength, maxLength, minimum, maximum, exclusiveMinimum, …',
  ]);
});

test('an unquoted comma inside { } gets a note', async () => {
  await expectDiagnostics(v2(`  - kind: operation.change\n    where: ${THING}\n    set: { summary: Show, a thing. }\n`), [
    'spec/versions/2.2.yaml:7:27 error check/unknown-key: 2.2: changes[0].set: unknown key "a thing."; expected one of summary, description, tags, deprecated, gone\n    an unquoted comma inside { … } starts a new key: quote the text that holds it',
  ]);
});

test('in api.yaml', async () => {
  await expectDiagnostics(withApi(miniSpec({ '2.1.yaml': BASE }), (t) => t.replace('info: { title: Mini }', 'info: { title: Mini, version: "1" }')), [
    'spec/api.yaml:1:22 error check/unknown-key: api.yaml: info: unknown key "version"; expected one of title, description, license, contact',
  ]);
});

test('x- keys in a schema are carried, not unknown', async () => {
  await expectClean(v2(`  - kind: property.change\n    where: ${THING} response 200 /thing/name\n    set: { x-openstack-deprecated-in: "2.2" }\n`));
});
