// What the OpenAPI emitter does so that linters and generators accept its documents: security from
// api.yaml, named bodies for errors and action unions, anyOf where action bodies may overlap, no
// oneOf of one schema, and a description on every operation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFiles, delta, miniSpec, rendered } from '../helpers.js';

const API = [
  'info: { title: Mini }',
  'errors: { "404": { description: Not found., fault: itemNotFound } }',
  'releases: { Alpha: {} }',
  'tags: [ { name: things, description: Things we keep. } ]',
  'securitySchemes:',
  '  keystone: { in: header, name: X-Auth-Token, type: apiKey, description: A Keystone token. }',
  'security:',
  '  - keystone: []',
  '',
].join('\n');

const image = (action: string) => `        ${action}:
          summary: ${action}
          request: { type: object, properties: { ${action}: { type: "null", description: Nothing. } }, required: [${action}] }
          responses: { "202": { description: Accepted., schema: { type: object, properties: { image_id: { type: string, description: The image. } } } } }
          errors: [404]
`;

const BASE = delta('2.1', `  - kind: operation.add
    where: GET /things
    operation:
      operationId: listThings
      summary: List things
      tags: [things]
      responses: { "200": { description: The things. } }
      errors: [404]
  - kind: operation.add
    where: POST /things/{thing_id}/action
    operation:
      operationId: runThingAction
      summary: Run an action on a thing
      tags: [things]
      parameters:
        - { in: path, name: thing_id, description: The id., schema: { type: string } }
      actions:
${image('createImage')}${image('createBackup')}  - kind: operation.add
    where: POST /things/{thing_id}/poke
    operation:
      operationId: pokeThing
      summary: Poke a thing
      tags: [things]
      parameters:
        - { in: path, name: thing_id, description: The id., schema: { type: string } }
      actions:
${image('poke')}`);

type Obj = Record<string, unknown>;
const at = (o: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((x, k) => (x as Obj | undefined)?.[k], o);

test('the emitter makes documents linters and generators accept', async (t) => {
  const r = await compileFiles({ ...miniSpec({ '2.1.yaml': BASE }), '/spec/api.yaml': API });
  assert.deepEqual(rendered(r), []);
  const doc = r.versions[0]!.document;

  await t.test('security and securitySchemes come from api.yaml, in a fixed key order', () => {
    assert.deepEqual(doc['security'], [{ keystone: [] }]);
    const scheme = at(doc, 'components', 'securitySchemes', 'keystone');
    assert.deepEqual(scheme, { type: 'apiKey', description: 'A Keystone token.', name: 'X-Auth-Token', in: 'header' });
    assert.deepEqual(Object.keys(scheme as Obj), ['type', 'description', 'name', 'in']);
  });

  await t.test('an error response refers to a named body schema', () => {
    assert.deepEqual(at(doc, 'components', 'responses', 'ItemNotFound', 'content', 'application/json', 'schema'), { $ref: '#/components/schemas/ItemNotFoundError' });
    assert.deepEqual(at(doc, 'components', 'schemas', 'ItemNotFoundError', 'properties'), { itemNotFound: { $ref: '#/components/schemas/Fault' } });
  });

  await t.test('the bodies of several actions answering one status are a named anyOf', () => {
    assert.deepEqual(at(doc, 'paths', '/things/{thing_id}/action', 'post', 'responses', '202', 'content', 'application/json', 'schema'), { $ref: '#/components/schemas/RunThingActionResponse202' });
    assert.deepEqual(at(doc, 'components', 'schemas', 'RunThingActionResponse202', 'anyOf'), [
      { $ref: '#/components/schemas/RunThingActionCreateImageResponse202' },
      { $ref: '#/components/schemas/RunThingActionCreateBackupResponse202' },
    ]);
    assert.equal(at(doc, 'components', 'schemas', 'RunThingActionRequest', 'oneOf', 'length'), 2);
  });

  await t.test('one action: its body is an allOf of one, never a oneOf of one', () => {
    const req = at(doc, 'components', 'schemas', 'PokeThingRequest') as Obj;
    assert.deepEqual(req['allOf'], [{ $ref: '#/components/schemas/PokeThingPokeRequest' }]);
    assert.equal(req['oneOf'], undefined);
    assert.deepEqual(at(doc, 'paths', '/things/{thing_id}/poke', 'post', 'responses', '202', 'content', 'application/json', 'schema'), { $ref: '#/components/schemas/PokeThingPokeResponse202' });
  });

  await t.test('an operation without a description gets one from its summary and its tags', () => {
    assert.equal(at(doc, 'paths', '/things', 'get', 'description'), 'List things. Things we keep.');
    assert.match(at(doc, 'paths', '/things/{thing_id}/action', 'post', 'description') as string, /^The request body names one action\./);
  });
});
