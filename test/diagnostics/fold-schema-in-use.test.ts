// fold/schema-in-use: a shared schema is removed while something still refers to it.
import { test } from 'node:test';
import { BASE, delta, miniSpec } from '../helpers.js';
import { expectClean, expectDiagnostics, SHAPES, THING, v2 } from './_util.js';

const REMOVE = '  - kind: schema.remove\n    where: schema Thing\n';

test('removing a schema a response still uses', async () => {
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', SHAPES), '2.3.yaml': delta('2.3', REMOVE) }), [
    `spec/versions/2.3.yaml:6:12 error fold/schema-in-use: 2.3: schema.remove at "schema Thing": schema Thing is still referenced by ${THING} response 200; expected no users left`,
  ]);
});

test('at most five users are listed', async () => {
  const users = [1, 2, 3, 4, 5, 6].map((i) => `  - kind: schema.add\n    where: schema U${i}\n    schema: { type: object, properties: { t: { $ref: Thing } } }\n`).join('');
  await expectDiagnostics(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', SHAPES + users), '2.3.yaml': delta('2.3', REMOVE) }), [
    `spec/versions/2.3.yaml:6:12 error fold/schema-in-use: 2.3: schema.remove at "schema Thing": schema Thing is still referenced by schema U1; schema U2; schema U3; schema U4; schema U5 and 2 more; expected no users left`,
  ]);
});

test('removing the user and the schema in one delta is fine', async () => {
  await expectClean(miniSpec({
    '2.1.yaml': BASE, '2.2.yaml': delta('2.2', SHAPES),
    '2.3.yaml': delta('2.3', `  - kind: property.remove\n    where: ${THING} response 200 /thing\n` + REMOVE),
  }));
});

test('a schema removed in the delta that adds its user reports only that it is in use', async () => {
  await expectDiagnostics(v2(SHAPES + REMOVE), [
    `spec/versions/2.2.yaml:18:12 error fold/schema-in-use: 2.2: schema.remove at "schema Thing": schema Thing is still referenced by ${THING} response 200; expected no users left`,
  ]);
});
