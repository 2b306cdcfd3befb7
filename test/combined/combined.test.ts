// The combined document (out/openapi/all.yaml): valid OpenAPI 3.1, and restricted to any version it
// agrees with that version's own document, after the normalisations in normalise.ts, for every
// version of the widgets fixture and of the Nova spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { combineResult, combinedEmitter } from '../../src/compiler/emit/combined/emitter.js';
import { restrict } from '../../src/compiler/emit/combined/restrict.js';
import { validateDocument } from '../../src/compiler/emit/validate-output.js';
import { isObj, type Obj } from '../../src/compiler/emit/combined/json.js';
import { FIXTURE, ROOT } from '../helpers.js';
import { actionSchemas, firstDifference, Normaliser } from './normalise.js';

function checkRestrictions(r: CompileResult, combined: Obj): void {
  const docs = r.versions.map((v) => v.document);
  const actions = actionSchemas(docs);
  const loose = new Normaliser(actions, true);
  const strict = new Normaliser(actions, false);
  const last = r.versions[r.versions.length - 1]!.version;
  for (const v of r.versions) {
    const n = v.version === last ? strict : loose;
    const got = n.document(restrict(combined, v.version));
    const want = n.document(v.document);
    if (!isDeepStrictEqual(got, want)) assert.fail(`${v.version}: the restricted combined document differs at ${firstDifference(got, want)}`);
  }
}

async function checkSpec(r: CompileResult): Promise<Obj> {
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  const { document, notes } = combineResult(r);
  assert.deepEqual(notes, [], 'everything that differs across versions is represented');
  assert.deepEqual(await validateDocument(document as never), []);
  checkRestrictions(r, document);
  return document;
}

const get = (o: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((x, k) => (isObj(x) ? x[k] : Array.isArray(x) ? x[Number(k)] : undefined), o);

test('widgets: valid, restricts to every version, and carries the ranges', async () => {
  const r = await compile({ specDir: FIXTURE, workers: 1 });
  const doc = await checkSpec(r);
  const X = 'x-openstack';
  // Operations: min-ver always, max-ver once gone.
  assert.deepEqual(get(doc, 'paths', '/widgets', 'get', X), { 'min-ver': '2.1' });
  assert.deepEqual(get(doc, 'paths', '/widgets/{widget_id}', 'delete', X), { 'min-ver': '2.5', 'max-ver': '2.5' });
  // A parameter of some versions; a parameter whose schema changes.
  const params = get(doc, 'paths', '/widgets', 'get', 'parameters') as Obj[];
  assert.deepEqual(params.find((p) => p['name'] === 'name')?.[X], { 'min-ver': '2.2', 'max-ver': '2.3' });
  assert.deepEqual(params.find((p) => p['name'] === 'limit')?.['schema'], {
    oneOf: [
      { type: 'integer', minimum: 0, [X]: { 'min-ver': '2.1', 'max-ver': '2.1' } },
      { type: 'integer', minimum: 0, maximum: 1000, [X]: { 'min-ver': '2.2' } },
    ],
    [X]: { discriminator: 'microversion' },
  });
  // A $ref response of some versions: its range is on the operation.
  assert.deepEqual(get(doc, 'paths', '/widgets/{widget_id}', 'get', X), { 'min-ver': '2.1', responses: { '400': { 'min-ver': '2.3', 'max-ver': '2.4' } } });
  // A status code that changed: two responses with their ranges.
  assert.deepEqual(get(doc, 'paths', '/widgets', 'post', 'responses', '200', X), { 'min-ver': '2.1', 'max-ver': '2.1' });
  assert.deepEqual(get(doc, 'paths', '/widgets', 'post', 'responses', '201', X), { 'min-ver': '2.2' });
  // Actions: a oneOf by action; an action whose body changes is a oneOf by microversion.
  const schemas = get(doc, 'components', 'schemas') as Obj;
  assert.deepEqual(schemas['RunWidgetActionRequest'], {
    description: 'The body of the action paint.',
    oneOf: [
      { $ref: '#/components/schemas/RunWidgetActionPolishRequest', [X]: { 'action-name': 'polish', 'min-ver': '2.1', 'max-ver': '2.3' } },
      { $ref: '#/components/schemas/RunWidgetActionPaintRequest', [X]: { 'action-name': 'paint' } },
    ],
    [X]: { discriminator: 'action' },
  });
  assert.deepEqual(schemas['RunWidgetActionPaintRequest'], {
    oneOf: [{ $ref: '#/components/schemas/RunWidgetActionPaintRequest_2_1' }, { $ref: '#/components/schemas/RunWidgetActionPaintRequest_2_3' }],
    [X]: { discriminator: 'microversion' },
  });
  assert.deepEqual(get(schemas, 'RunWidgetActionPaintRequest_2_3', X), { 'min-ver': '2.3' });
  // A body whose shared schema changes is a oneOf of variants, each pointing at the variant of
  // the shared schema for its range.
  const show = schemas['ShowWidgetResponse'] as Obj;
  assert.deepEqual(show['oneOf'], ['2_1', '2_2', '2_3', '2_5'].map((s) => ({ $ref: `#/components/schemas/ShowWidgetResponse_${s}` })));
  assert.deepEqual(get(schemas, 'ShowWidgetResponse_2_2', 'properties', 'widget'), { $ref: '#/components/schemas/Widget_2_2' });
  assert.deepEqual(get(schemas, 'ShowWidgetResponse_2_2', X), { 'min-ver': '2.2', 'max-ver': '2.2' });
  // A component of some versions.
  assert.deepEqual(get(schemas, 'Color', X), { 'min-ver': '2.5' });
  assert.deepEqual(get(doc, 'components', 'parameters', 'XWidgetAPIVersionHeader', X), { 'min-ver': '2.1', 'max-ver': '2.5' });
  // Servers of some versions, and every version's own x-openstack-microversion.
  assert.deepEqual((doc['servers'] as Obj[]).map((s) => s[X]), [{ 'min-ver': '2.1', 'max-ver': '2.2' }, { 'min-ver': '2.3' }]);
  assert.deepEqual(get(doc, 'x-openstack-microversion', 'versions', '2'), { version: '2.3', 'maximum-in': ['Alpha'] });

  const [files, diags] = await combinedEmitter.emit({ result: r });
  assert.deepEqual(diags, []);
  assert.deepEqual(files.map((f) => f.path), ['all.yaml', 'all.json']);
  const json = files[1]!;
  assert.ok('content' in json);
  assert.deepEqual(JSON.parse(json.content), doc);
});

test('nova: valid and restricts to every version', async () => {
  const r = await compile({ specDir: path.join(ROOT, 'spec') });
  const t0 = performance.now();
  const doc = await checkSpec(r);
  const ops = Object.values(doc['paths'] as Obj).flatMap((item) => Object.values(item as Obj)) as Obj[];
  assert.ok(ops.length > 100);
  for (const op of ops) assert.equal(typeof get(op, 'x-openstack', 'min-ver'), 'string', `${String(op['operationId'])} has a min-ver`);
  const action = get(doc, 'paths', '/servers/{server_id}/action', 'post', 'requestBody', 'content', 'application/json', 'schema', '$ref');
  assert.equal(typeof action, 'string');
  const union = get(doc, 'components', 'schemas', String(action).split('/').pop()!) as Obj;
  assert.deepEqual(union['x-openstack'], { discriminator: 'action' });
  assert.ok((union['oneOf'] as unknown[]).length > 30);
  // Combining, validating and restricting 100 versions stays well under the test budget.
  assert.ok(performance.now() - t0 < 30_000);
});
