// fold/not-an-object: a pointer steps into a schema that has no such structure.
import { test } from 'node:test';
import { expectDiagnostics, SHAPES, THING, v2 } from './_util.js';

const at = (line: number) => `spec/versions/2.2.yaml:${line}:12 error fold/not-an-object: 2.2:`;
const change = (ptr: string) => `  - kind: property.change\n    where: ${THING} response 200 ${ptr}\n    set: { description: F. }\n`;

test('property.add under a string', async () => {
  await expectDiagnostics(v2(`  - kind: property.add\n    where: ${THING} response 200 /thing/name/first\n    schema: { type: string, description: F. }\n`), [
    `${at(6)} property.add at "${THING} response 200 /thing/name/first": ${THING} response 200: /thing/name is not an object schema; expected type: object to add "first"`,
  ]);
});

test('a property of a schema with no properties', async () => {
  await expectDiagnostics(v2(change('/thing/name/first')), [
    `${at(6)} property.change at "${THING} response 200 /thing/name/first": /thing/name has no properties; expected an object schema with a property "first"`,
  ]);
});

test('[] on a schema with no items', async () => {
  await expectDiagnostics(v2(change('/thing/[]')), [
    `${at(6)} property.change at "${THING} response 200 /thing/[]": /thing has no items; expected array items there (its keys: type, description, properties)`,
  ]);
});

test('{} on a schema with no additionalProperties schema', async () => {
  await expectDiagnostics(v2(SHAPES + change('/map/{}')), [
    `${at(18)} property.change at "${THING} response 200 /map/{}": /map has no additionalProperties schema; expected a map value schema there (its keys: type, description, additionalProperties)`,
  ]);
});

test('an alternative past the end of a oneOf', async () => {
  await expectDiagnostics(v2(SHAPES + change('/either/[2]')), [
    `${at(18)} property.change at "${THING} response 200 /either/[2]": /either has no alternative [2]; expected a oneOf or anyOf with at least 3 entries`,
  ]);
});

test('property.add at a pointer that does not end in a name', async () => {
  await expectDiagnostics(v2(SHAPES + `  - kind: property.add\n    where: ${THING} response 200 /tags/[]\n    schema: { type: string }\n`), [
    `${at(18)} property.add at "${THING} response 200 /tags/[]": the pointer /tags/[] must end in a property name`,
  ]);
});
