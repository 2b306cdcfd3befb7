// fold/enum-value: an enum value added that is there already, or removed that is not there.
import { test } from 'node:test';
import { expectDiagnostics, SHAPES, THING, v2 } from './_util.js';

test('enumAdded of a value already allowed (on array items)', async () => {
  await expectDiagnostics(v2(SHAPES + `  - kind: property.change\n    where: ${THING} response 200 /tags\n    enumAdded: [a]\n`), [
    `spec/versions/2.2.yaml:18:12 error fold/enum-value: 2.2: property.change at "${THING} response 200 /tags": ${THING} response 200 /tags: enum value "a" is already allowed; expected a new value`,
  ]);
});

test('enumRemoved of a value not in the enum', async () => {
  await expectDiagnostics(v2(SHAPES + `  - kind: property.change\n    where: ${THING} response 200 /tags\n    enumRemoved: [b]\n`), [
    `spec/versions/2.2.yaml:18:12 error fold/enum-value: 2.2: property.change at "${THING} response 200 /tags": ${THING} response 200 /tags: enum value "b" is not in the enum; expected one of ["a"]`,
  ]);
});

test('an enum edit of a schema with no enum', async () => {
  await expectDiagnostics(v2(`  - kind: parameter.change\n    where: ${THING} path thing_id\n    enumAdded: [b]\n`), [
    `spec/versions/2.2.yaml:6:12 error fold/enum-value: 2.2: parameter.change at "${THING} path thing_id": ${THING} path parameter thing_id has no enum to edit; expected a schema with enum (or array items with enum)`,
  ]);
});

test('a value both added and removed in one change is removed', async () => {
  await expectDiagnostics(v2(SHAPES + `  - kind: property.change\n    where: ${THING} response 200 /tags\n    enumAdded: [b]\n    enumRemoved: [c]\n`), [
    `spec/versions/2.2.yaml:18:12 error fold/enum-value: 2.2: property.change at "${THING} response 200 /tags": ${THING} response 200 /tags: enum value "c" is not in the enum; expected one of ["a","b"]`,
  ]);
});
