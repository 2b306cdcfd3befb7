// emit/openapi-invalid: an emitted document fails OpenAPI validation (swagger-parser and the OpenAPI 3.1 schema).
// The check phase accepts these specs; only the emitted document shows what is wrong with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, compileFiles, delta, miniSpec, rendered } from '../helpers.js';
import { compile } from '../../src/compiler/pipeline.js';
import { memoryHost } from '../../src/compiler/host.js';
import { expectDiagnostics, THING, v2, withApi } from './_util.js';

const SERVERS_EMPTY_ENUM = '  - kind: servers.change\n    servers:\n      - { url: "{host}/v2", variables: { host: { default: "http://x", enum: [] } } }\n';
const invalid = (v: string, ptr: string, what: string) =>
  `<version ${v}> error emit/openapi-invalid: ${v}: the emitted OpenAPI document is invalid at ${ptr}: ${what}; expected a valid OpenAPI 3.1 document\n    at ${ptr}`;

test('a server variable with an empty enum', async () => {
  await expectDiagnostics(v2(SERVERS_EMPTY_ENUM), [
    invalid('2.2', '/servers/0/variables/host/enum', 'must NOT have fewer than 1 items {"limit":1}'),
  ]);
});

test('a license with a name but neither identifier nor url (api.yaml), in every version', async () => {
  await expectDiagnostics(withApi(v2('  []\n'), (t) => t.replace('info: { title: Mini }', 'info: { title: Mini, license: { name: Apache-2.0 } }')), [
    invalid('2.1', '/info/license', `must have required property 'identifier' {"missingProperty":"identifier"}`),
    invalid('2.2', '/info/license', `must have required property 'identifier' {"missingProperty":"identifier"}`),
  ]);
});

test('a license with both identifier and url', async () => {
  await expectDiagnostics(withApi(miniSpec({ '2.1.yaml': BASE }), (t) => t.replace('info: { title: Mini }', 'info: { title: Mini, license: { name: Apache-2.0, identifier: Apache-2.0, url: "https://www.apache.org/licenses/LICENSE-2.0" } }')), [
    invalid('2.1', '/info/license', 'must match exactly one schema in oneOf {"passingSchemas":[0,1]}'),
  ]);
});

test('reported from the worker pool too (6 versions, 2 workers)', async () => {
  const files: Record<string, string> = { '2.1.yaml': BASE, '2.2.yaml': delta('2.2', SERVERS_EMPTY_ENUM) };
  for (let i = 3; i <= 6; i++) files[`2.${i}.yaml`] = delta(`2.${i}`, '  []\n');
  const r = await compile({ specDir: '/spec', host: memoryHost(miniSpec(files)), workers: 2 });
  assert.deepEqual(rendered(r), [2, 3, 4, 5, 6].map((i) => invalid(`2.${i}`, '/servers/0/variables/host/enum', 'must NOT have fewer than 1 items {"limit":1}')));
  assert.deepEqual(r.versions, []);
});

test('nullable with a type list, and x- keys in schemas, are valid', async () => {
  const r = await compileFiles(v2(`  - kind: property.change\n    where: ${THING} response 200 /thing/name\n    set: { type: [string, integer], nullable: true, x-note: kept }\n`));
  assert.deepEqual(rendered(r), []);
  const doc = r.versions[1]!.document as { components: { schemas: Record<string, { properties: { thing: { properties: { name: unknown } } } }> } };
  assert.deepEqual(doc.components.schemas['ShowThingResponse']!.properties.thing.properties.name, { type: ['string', 'integer', 'null'], description: 'Its name.', 'x-note': 'kept' });
});
