// check/unknown-tag: an operation tag not declared in api.yaml.
import { test } from 'node:test';
import { expectClean, expectDiagnostics, stuffOp, THING, v2 } from './_util.js';

test('a misspelt tag, with a suggestion', async () => {
  await expectDiagnostics(v2(stuffOp().replace('tags: [things]', 'tags: [thing]')), [
    'spec/versions/2.2.yaml:10:14 error check/unknown-tag: 2.2: tag "thing" is not declared in api.yaml; expected one of its tags (did you mean "things"?)',
  ]);
});

test('the second of two tags', async () => {
  await expectDiagnostics(v2(stuffOp().replace('tags: [things]', 'tags: [things, widgets]')), [
    'spec/versions/2.2.yaml:10:22 error check/unknown-tag: 2.2: tag "widgets" is not declared in api.yaml; expected one of its tags',
  ]);
});

test('in operation.change', async () => {
  await expectDiagnostics(v2(`  - kind: operation.change\n    where: ${THING}\n    set: { tags: [thingz] }\n`), [
    'spec/versions/2.2.yaml:7:19 error check/unknown-tag: 2.2: tag "thingz" is not declared in api.yaml; expected one of its tags (did you mean "things"?)',
  ]);
});

test('a property named tags inside a schema is data, not a tag list', async () => {
  await expectClean(v2(`  - kind: property.add\n    where: ${THING} response 200 /thing/tags\n    schema: { type: array, items: { type: string }, description: Its tags., default: [x] }\n`));
});
