// The diff of the widgets fixture, asserted exactly: every change of every version, and a range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { changesOf, diffVersions, type ChangeRecord } from '../../src/compiler/diff/index.js';
import { compileFiles, FIXTURE, miniSpec, delta } from '../helpers.js';

let fixture: Promise<CompileResult> | undefined;
const widgets = () => (fixture ??= compile({ specDir: FIXTURE, emit: false }));

type Row = [version: string, severity: string, kind: string, where: string, pointer: string, extra?: Record<string, unknown>];

const scalar = (v: unknown) => v !== undefined && (v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object')));

/** version, severity, kind, where, pointer, and beforePointer/before/after when they are small. */
function rows(changes: readonly ChangeRecord[]): Row[] {
  return changes.map((c) => {
    const extra: Record<string, unknown> = {};
    if (c.beforePointer) extra['beforePointer'] = c.beforePointer;
    if (scalar(c.before)) extra['before'] = c.before;
    if (scalar(c.after)) extra['after'] = c.after;
    const row: Row = [c.version, c.severity, c.kind, c.where ?? '', c.pointer];
    if (Object.keys(extra).length) row.push(extra);
    return row;
  });
}

const REQ = '/components/schemas/CreateWidgetRequest/properties/widget/properties';
const PAINT = '/components/schemas/RunWidgetActionPaintRequest/properties/paint/properties/color/enum';

const EXPECTED: Readonly<Record<string, Row[]>> = {
  '2.2': [
    ['2.2', 'warning', 'parameter.changed', 'GET /widgets query limit', '/paths/~1widgets/get/parameters/0/schema'],
    ['2.2', 'info', 'parameter.added', 'GET /widgets query name', '/paths/~1widgets/get/parameters/1'],
    ['2.2', 'breaking', 'property.renamed', 'POST /widgets request /widget/old', `${REQ}/old`, { beforePointer: `${REQ}/legacy`, before: 'legacy', after: 'old' }],
    ['2.2', 'breaking', 'status.changed', 'POST /widgets response 201', '/paths/~1widgets/post/responses/201', { beforePointer: '/paths/~1widgets/post/responses/200', before: 200, after: 201 }],
    ['2.2', 'breaking', 'header.removed', 'POST /widgets response 200 header Location', '/paths/~1widgets/post/responses/200/headers/Location'],
    ['2.2', 'info', 'property.added', 'schema Widget /size', '/components/schemas/Widget/properties/size'],
  ],
  '2.3': [
    ['2.3', 'warning', 'servers.changed', '', '/servers'],
    ['2.3', 'info', 'description.changed', 'GET /widgets response 200', '/paths/~1widgets/get/responses/200/description', { before: 'The widgets.', after: 'The widgets, in name order.' }],
    ['2.3', 'breaking', 'property.made-required', 'POST /widgets request /widget/old', `${REQ}/old`, { before: false, after: true }],
    ['2.3', 'warning', 'property.changed', 'POST /widgets request /widget/old', `${REQ}/old`],
    ['2.3', 'warning', 'response.added', 'GET /widgets/{widget_id} response 400', '/paths/~1widgets~1{widget_id}/get/responses/400'],
    ['2.3', 'info', 'enum.value-added', 'POST /widgets/{widget_id}/action #paint request /paint/color', PAINT, { after: 'blue' }],
    ['2.3', 'breaking', 'enum.value-removed', 'POST /widgets/{widget_id}/action #paint request /paint/color', PAINT, { before: 'green' }],
    ['2.3', 'warning', 'enum.value-added', 'schema Widget /color', '/components/schemas/Widget/properties/color/enum', { after: 'blue' }],
  ],
  '2.4': [
    ['2.4', 'breaking', 'operation.retired', 'GET /gadgets', '/paths/~1gadgets/get', { after: '2.4' }],
    ['2.4', 'warning', 'parameter.removed', 'GET /widgets query name', '/paths/~1widgets/get/parameters/1'],
    ['2.4', 'info', 'header.added', 'GET /widgets response 200 header X-Total', '/paths/~1widgets/get/responses/200/headers/X-Total'],
    ['2.4', 'info', 'description.changed', 'GET /widgets/{widget_id}', '/paths/~1widgets~1{widget_id}/get/description', { after: 'Since 2.4, archived widgets are shown too.' }],
    ['2.4', 'breaking', 'action.removed', 'POST /widgets/{widget_id}/action #polish', '/components/schemas/RunWidgetActionPolishRequest'],
    ['2.4', 'info', 'action.changed', 'POST /widgets/{widget_id}/action #paint', '/paths/~1widgets~1{widget_id}~1action/post/description'],
  ],
  '2.5': [
    ['2.5', 'breaking', 'body.replaced', 'POST /widgets response 201', '/components/schemas/CreateWidgetResponse'],
    ['2.5', 'info', 'response.removed', 'GET /widgets/{widget_id} response 400', '/paths/~1widgets~1{widget_id}/get/responses/400'],
    ['2.5', 'info', 'operation.added', 'DELETE /widgets/{widget_id}', '/paths/~1widgets~1{widget_id}/delete'],
    ['2.5', 'info', 'body.added', 'POST /widgets/{widget_id}/action #paint response 202', '/components/schemas/RunWidgetActionPaintResponse202'],
    ['2.5', 'info', 'schema.added', 'schema Color', '/components/schemas/Color'],
    ['2.5', 'breaking', 'schema.replaced', 'schema Widget', '/components/schemas/Widget'],
  ],
  '2.6': [
    ['2.6', 'warning', 'parameter.removed', '* header X-Widget-API-Version', '/components/parameters/XWidgetAPIVersionHeader'],
    ['2.6', 'breaking', 'header.removed', '* response header X-Widget-API-Version', '/components/headers/X-Widget-API-Version'],
    ['2.6', 'breaking', 'operation.removed', 'DELETE /widgets/{widget_id}', '/paths/~1widgets~1{widget_id}/delete'],
    ['2.6', 'breaking', 'body.removed', 'POST /widgets/{widget_id}/action #paint response 202', '/components/schemas/RunWidgetActionPaintResponse202'],
  ],
};

for (const [version, expected] of Object.entries(EXPECTED)) {
  test(`widgets: the changes of ${version}`, async () => {
    assert.deepEqual(rows(changesOf(await widgets(), version)), expected);
  });
}

test('widgets: the base version is everything added, relative to nothing', async () => {
  const kinds = changesOf(await widgets(), '2.1').map((c) => `${c.kind} ${c.where ?? ''}`);
  assert.deepEqual(kinds, [
    'servers.changed ',
    'parameter.added * header X-Widget-API-Version',
    'header.added * response header X-Widget-API-Version',
    'operation.added GET /gadgets',
    'operation.added GET /widgets',
    'operation.added POST /widgets',
    'operation.added GET /widgets/{widget_id}',
    'operation.added POST /widgets/{widget_id}/action',
    'schema.added schema Widget',
  ]);
});

test('widgets: a rename is one change with the name before and after, not a removal and an addition', async () => {
  const r = await widgets();
  const c = changesOf(r, '2.2').filter((x) => x.operation === 'POST /widgets' && x.kind.startsWith('property.'));
  assert.deepEqual(c.map((x) => x.kind), ['property.renamed']);
  assert.equal(c[0]!.message, 'property /widget/legacy renamed to old in the request body of POST /widgets');
  assert.equal(c[0]!.side, 'request');
});

test('widgets: retirement (410) and capping (404) are told apart', async () => {
  const r = await widgets();
  const retired = changesOf(r, '2.4').find((c) => c.kind === 'operation.retired')!;
  assert.equal(retired.message, 'operation GET /gadgets retired: answers 410 Gone');
  const capped = changesOf(r, '2.6').find((c) => c.kind === 'operation.removed')!;
  assert.equal(capped.message, 'operation DELETE /widgets/{widget_id} removed (answers 404)');
});

test('widgets: values, messages and side of selected changes', async () => {
  const r = await widgets();
  const size = changesOf(r, '2.2').find((c) => c.kind === 'property.added')!;
  assert.deepEqual(size.after, { type: 'integer', description: 'The size.', nullable: true });
  assert.equal(size.required, true);
  assert.equal(size.side, 'response', 'Widget is only used in responses');
  assert.deepEqual(size.usedBy, ['GET /widgets', 'GET /widgets/{widget_id}', 'POST /widgets']);
  assert.equal(size.message, 'required property /size added to schema Widget');
  const def = changesOf(r, '2.3').find((c) => c.kind === 'property.changed')!;
  assert.deepEqual([def.keys, def.before, def.after], [['default'], {}, { default: false }]);
  const limit = changesOf(r, '2.2')[0]!;
  assert.deepEqual([limit.keys, limit.before, limit.after, limit.message], [['maximum'], {}, { maximum: 1000 }, 'maximum of query parameter limit of GET /widgets changed']);
  const replaced = changesOf(r, '2.5').find((c) => c.kind === 'schema.replaced')!;
  assert.equal(replaced.message, 'shared schema Widget replaced (4 changes inside)');
  assert.deepEqual((replaced.after as { properties: Record<string, unknown> }).properties['color'], { $ref: 'Color' });
});

test('widgets: a range keeps each change with its own version, and what came and went inside it does not show', async () => {
  const r = await widgets();
  const got = rows(diffVersions(r, '2.1', '2.6'));
  assert.deepEqual(got, [
    ['2.2', 'warning', 'parameter.changed', 'GET /widgets query limit', '/paths/~1widgets/get/parameters/0/schema'],
    ['2.2', 'breaking', 'property.renamed', 'POST /widgets request /widget/old', `${REQ}/old`, { beforePointer: `${REQ}/legacy`, before: 'legacy', after: 'old' }],
    ['2.2', 'breaking', 'status.changed', 'POST /widgets response 201', '/paths/~1widgets/post/responses/201', { beforePointer: '/paths/~1widgets/post/responses/200', before: 200, after: 201 }],
    ['2.2', 'breaking', 'header.removed', 'POST /widgets response 200 header Location', '/paths/~1widgets/post/responses/200/headers/Location'],
    ['2.3', 'warning', 'servers.changed', '', '/servers'],
    ['2.3', 'info', 'description.changed', 'GET /widgets response 200', '/paths/~1widgets/get/responses/200/description', { before: 'The widgets.', after: 'The widgets, in name order.' }],
    ['2.3', 'breaking', 'property.made-required', 'POST /widgets request /widget/old', `${REQ}/old`, { beforePointer: `${REQ}/legacy`, before: false, after: true }],
    ['2.3', 'warning', 'property.changed', 'POST /widgets request /widget/old', `${REQ}/old`, { beforePointer: `${REQ}/legacy` }],
    ['2.3', 'info', 'enum.value-added', 'POST /widgets/{widget_id}/action #paint request /paint/color', PAINT, { after: 'blue' }],
    ['2.3', 'breaking', 'enum.value-removed', 'POST /widgets/{widget_id}/action #paint request /paint/color', PAINT, { before: 'green' }],
    ['2.4', 'breaking', 'operation.retired', 'GET /gadgets', '/paths/~1gadgets/get', { after: '2.4' }],
    ['2.4', 'info', 'header.added', 'GET /widgets response 200 header X-Total', '/paths/~1widgets/get/responses/200/headers/X-Total'],
    ['2.4', 'info', 'description.changed', 'GET /widgets/{widget_id}', '/paths/~1widgets~1{widget_id}/get/description', { after: 'Since 2.4, archived widgets are shown too.' }],
    ['2.4', 'breaking', 'action.removed', 'POST /widgets/{widget_id}/action #polish', '/components/schemas/RunWidgetActionPolishRequest'],
    ['2.4', 'info', 'action.changed', 'POST /widgets/{widget_id}/action #paint', '/paths/~1widgets~1{widget_id}~1action/post/description'],
    ['2.5', 'breaking', 'body.replaced', 'POST /widgets response 201', '/components/schemas/CreateWidgetResponse'],
    ['2.5', 'info', 'schema.added', 'schema Color', '/components/schemas/Color'],
    ['2.5', 'breaking', 'schema.replaced', 'schema Widget', '/components/schemas/Widget'],
    ['2.6', 'warning', 'parameter.removed', '* header X-Widget-API-Version', '/components/parameters/XWidgetAPIVersionHeader'],
    ['2.6', 'breaking', 'header.removed', '* response header X-Widget-API-Version', '/components/headers/X-Widget-API-Version'],
  ]);
});

test('widgets: adjacent versions diff to exactly the newer version\'s changes', async () => {
  const r = await widgets();
  for (const v of ['2.2', '2.3', '2.4', '2.5', '2.6']) {
    const prev = `2.${Number(v.split('.')[1]) - 1}`;
    assert.deepEqual(diffVersions(r, prev, v), changesOf(r, v), v);
  }
  assert.deepEqual(diffVersions(r, '2.3', '2.3'), []);
});

test('widgets: an unknown version is a RangeError naming the known ones', async () => {
  const r = await widgets();
  assert.throws(() => diffVersions(r, '2.1', '2.9'), { name: 'RangeError', message: 'version 2.9 is not in the spec; expected a version from 2.1 to 2.6' });
  assert.throws(() => changesOf(r, '3.0'), RangeError);
});

// A small spec for what widgets does not show: a shared schema on both sides, notes, rename chains.
const THING = `version: "2.1"
summary: Base
description: Base.
changes:
  - kind: schema.add
    where: schema Thing
    schema: { type: object, properties: { name: { type: string, description: The name. } }, required: [name] }
  - kind: operation.add
    where: GET /things/{thing_id}
    operation:
      operationId: showThing
      summary: Show a thing
      tags: [things]
      parameters:
        - { in: path, name: thing_id, description: The id., schema: { type: string } }
      responses:
        "200":
          description: The thing.
          schema: { type: object, properties: { thing: { $ref: Thing }, items: { type: array, description: Items., items: { type: object, properties: { a: { type: string, description: A. } } } } } }
  - kind: operation.add
    where: POST /things
    operation:
      operationId: createThing
      summary: Create a thing
      tags: [things]
      request: { schema: { type: object, properties: { thing: { $ref: Thing } }, required: [thing] } }
      responses: { "202": { description: Accepted. } }
`;

async function things(): Promise<CompileResult> {
  const r = await compileFiles(miniSpec({
    '2.1.yaml': THING,
    '2.2.yaml': delta('2.2', `  - kind: property.add
    where: schema Thing /size
    schema: { type: integer, description: Size in cm. }
    required: true
    note: Sizes are in **cm**.
  - kind: property.rename
    where: GET /things/{thing_id} response 200 /items/[]/a
    to: b
`),
    '2.3.yaml': delta('2.3', `  - kind: property.rename
    where: GET /things/{thing_id} response 200 /items/[]/b
    to: c
  - kind: property.change
    where: schema Thing /name
    set: { maxLength: 64 }
`),
  }), { emit: false });
  assert.deepEqual(r.diagnostics, []);
  return r;
}

test('diff: a shared schema used in requests and responses is judged on both sides', async () => {
  const r = await things();
  const size = changesOf(r, '2.2').find((c) => c.kind === 'property.added')!;
  assert.equal(size.severity, 'breaking');
  assert.equal(size.side, 'request');
  assert.deepEqual(size.severityBySide, { request: 'breaking', response: 'info' });
  assert.deepEqual(size.usedBy, ['GET /things/{thing_id}', 'POST /things']);
  assert.equal(size.rule, 'property.added/required');
});

test('diff: the note of the delta change goes with the change it caused, also over a range', async () => {
  const r = await things();
  assert.equal(changesOf(r, '2.2').find((c) => c.kind === 'property.added')!.note, 'Sizes are in **cm**.');
  assert.equal(diffVersions(r, '2.1', '2.3').find((c) => c.kind === 'property.added')!.note, 'Sizes are in **cm**.');
  assert.equal(changesOf(r, '2.2').find((c) => c.kind === 'property.renamed')!.note, undefined);
});

test('diff: renames inside array items chain over a range (a → b → c is a → c)', async () => {
  const r = await things();
  const renamed = diffVersions(r, '2.1', '2.3').filter((c) => c.kind === 'property.renamed');
  assert.deepEqual(renamed.map((c) => [c.version, c.before, c.after, c.where, c.pointer, c.beforePointer]), [
    ['2.3', 'a', 'c', 'GET /things/{thing_id} response 200 /items/[]/c', '/components/schemas/ShowThingResponse/properties/items/items/properties/c', '/components/schemas/ShowThingResponse/properties/items/items/properties/a'],
  ]);
  const down = diffVersions(r, '2.3', '2.1').filter((c) => c.kind === 'property.renamed');
  assert.deepEqual(down.map((c) => [c.version, c.before, c.after, c.where]), [['2.3', 'c', 'a', 'GET /things/{thing_id} response 200 /items/[]/a']]);
});
