// fold/unknown-ref: a $ref names a schema that does not exist at that version.
import { test } from 'node:test';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectClean, expectDiagnostics, stuffOp, THING, v2 } from './_util.js';

const SCH = '  - kind: schema.add\n    where: schema Thing\n    schema: { type: object, properties: { name: { type: string, description: N. } } }\n';

test('a $ref when there are no shared schemas', async () => {
  await expectDiagnostics(v2(`  - kind: body.replace\n    where: ${THING} response 200\n    schema: { $ref: Thing }\n`), [
    `spec/versions/2.2.yaml:6:12 error fold/unknown-ref: 2.2: body.replace at "${THING} response 200": $ref Thing names no shared schema at 2.2; expected an existing one, and there are none`,
  ]);
});

test('a misspelt $ref lists the schemas there are', async () => {
  await expectDiagnostics(v2(SCH + `  - kind: body.replace\n    where: ${THING} response 200\n    schema: { $ref: Thingy }\n`), [
    `spec/versions/2.2.yaml:9:12 error fold/unknown-ref: 2.2: body.replace at "${THING} response 200": $ref Thingy names no shared schema at 2.2; did you mean "Thing"? (expected one of: Thing)`,
  ]);
});

test('a $ref deep in an operation', async () => {
  await expectDiagnostics(v2(stuffOp('      parameters: [ { in: query, name: q, description: Q., schema: { type: array, items: { $ref: Nope } } } ]\n')), [
    'spec/versions/2.2.yaml:6:12 error fold/unknown-ref: 2.2: operation.add at "GET /stuff": $ref Nope names no shared schema at 2.2; expected an existing one, and there are none',
  ]);
});

test('a $ref to a schema a later version adds', async () => {
  await expectDiagnostics(miniSpec({
    '2.1.yaml': BASE,
    '2.2.yaml': delta('2.2', `  - kind: body.replace\n    where: ${THING} response 200\n    schema: { $ref: Thing }\n`),
    '2.3.yaml': delta('2.3', SCH),
  }), [
    `spec/versions/2.2.yaml:6:12 error fold/unknown-ref: 2.2: body.replace at "${THING} response 200": $ref Thing names no shared schema at 2.2; expected an existing one, and there are none`,
  ]);
});

test('a schema added after its user in the same delta is fine', async () => {
  await expectClean(v2(`  - kind: body.replace\n    where: ${THING} response 200\n    schema: { $ref: Thing }\n` + SCH));
});
