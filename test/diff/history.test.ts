// mvc history as a library: the timeline of an operation or one field of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { historyOf, type History } from '../../src/compiler/diff/index.js';
import { historySummary } from '../../src/compiler/diff/format/history-format.js';
import { FIXTURE, ROOT } from '../helpers.js';

let fixture: Promise<CompileResult> | undefined;
const widgets = () => (fixture ??= compile({ specDir: FIXTURE, emit: false }));
const events = (h: History) => h.entries.map((e) => [e.version, e.event, e.where, e.changes.map((c) => c.kind)]);

test('history: an operation, from its addition to its removal', async () => {
  const h = historyOf(await widgets(), 'DELETE /widgets/{widget_id}');
  assert.deepEqual(events(h), [
    ['2.5', 'added', 'DELETE /widgets/{widget_id}', ['operation.added']],
    ['2.6', 'removed', 'DELETE /widgets/{widget_id}', ['operation.removed']],
  ]);
  assert.deepEqual(h.entries.map((e) => e.summary), ['Bodies', 'Removals']);
  assert.equal(historySummary(h), 'added in 2.5; removed in 2.6');
});

test('history: an operation collects the changes of its parts and of the shared schemas it uses', async () => {
  const h = historyOf(await widgets(), 'GET /widgets');
  assert.deepEqual(events(h), [
    ['2.1', 'added', 'GET /widgets', ['operation.added', 'schema.added']],
    ['2.2', 'changed', 'GET /widgets', ['parameter.changed', 'parameter.added', 'property.added']],
    ['2.3', 'changed', 'GET /widgets', ['description.changed', 'enum.value-added']],
    ['2.4', 'changed', 'GET /widgets', ['parameter.removed', 'header.added']],
    ['2.5', 'changed', 'GET /widgets', ['schema.added', 'schema.replaced']],
  ]);
});

test('history: one action of an action operation', async () => {
  assert.deepEqual(events(historyOf(await widgets(), 'POST /widgets/{widget_id}/action #polish')), [
    ['2.1', 'added', 'POST /widgets/{widget_id}/action #polish', ['operation.added']],
    ['2.4', 'removed', 'POST /widgets/{widget_id}/action #polish', ['action.removed']],
  ]);
  assert.deepEqual(events(historyOf(await widgets(), 'POST /widgets/{widget_id}/action #paint', 'request /paint/color')), [
    ['2.1', 'added', 'POST /widgets/{widget_id}/action #paint request /paint/color', ['operation.added']],
    ['2.3', 'changed', 'POST /widgets/{widget_id}/action #paint request /paint/color', ['enum.value-added', 'enum.value-removed']],
  ]);
});

test('history: a field through $ref into a shared schema', async () => {
  const h = historyOf(await widgets(), 'GET /widgets/{widget_id}', '/widget/color');
  assert.deepEqual(events(h), [
    ['2.1', 'added', 'GET /widgets/{widget_id} response 200 /widget/color', ['operation.added', 'schema.added']],
    ['2.3', 'changed', 'GET /widgets/{widget_id} response 200 /widget/color', ['enum.value-added']],
    // From 2.5 the color is $ref Color: the field is that schema now.
    ['2.5', 'changed', 'GET /widgets/{widget_id} response 200 /widget/color', ['schema.added', 'schema.replaced']],
  ]);
  assert.equal(h.field, '/widget/color');
});

test('history: array items may be left out of the field', async () => {
  const short = historyOf(await widgets(), 'GET /widgets', '/widgets/color');
  const long = historyOf(await widgets(), 'GET /widgets', 'response 200 /widgets/[]/color');
  assert.deepEqual(events(short), events(long));
  assert.deepEqual(short.entries.map((e) => e.version), ['2.1', '2.3', '2.5']);
  assert.equal(short.entries[0]!.where, 'GET /widgets response 200 /widgets/[]/color');
});

test('history: a field across a rename, and changes under its new name', async () => {
  const h = historyOf(await widgets(), 'POST /widgets', '/widget/legacy');
  assert.deepEqual(events(h), [
    ['2.1', 'added', 'POST /widgets request /widget/legacy', ['operation.added']],
    ['2.2', 'renamed', 'POST /widgets request /widget/old', ['property.renamed']],
    ['2.3', 'changed', 'POST /widgets request /widget/old', ['property.made-required', 'property.changed']],
  ]);
});

test('history: parameters and response headers', async () => {
  assert.deepEqual(events(historyOf(await widgets(), 'GET /widgets', 'query name')), [
    ['2.2', 'added', 'GET /widgets query name', ['parameter.added']],
    ['2.4', 'removed', 'GET /widgets query name', ['parameter.removed']],
  ]);
  assert.deepEqual(events(historyOf(await widgets(), 'GET /widgets', 'query limit')), [
    ['2.1', 'added', 'GET /widgets query limit', ['operation.added']],
    ['2.2', 'changed', 'GET /widgets query limit', ['parameter.changed']],
  ]);
  assert.deepEqual(events(historyOf(await widgets(), 'GET /widgets', 'response 200 header X-Total')), [
    ['2.4', 'added', 'GET /widgets response 200 header X-Total', ['header.added']],
  ]);
});

test('history: a field that never exists has no entries; a bad operation or field is a RangeError', async () => {
  const r = await widgets();
  assert.deepEqual(historyOf(r, 'GET /widgets', '/nothing/here').entries, []);
  assert.deepEqual(historyOf(r, 'GET /nowhere').entries, []);
  assert.equal(historySummary(historyOf(r, 'GET /nowhere')), 'not in any version');
  assert.throws(() => historyOf(r, 'GET'), RangeError);
  assert.throws(() => historyOf(r, 'GET /widgets request'), /is not an operation/);
  assert.throws(() => historyOf(r, 'GET /widgets', 'sideways /x'), /is not a field/);
});

const novaReady = fs.existsSync(path.join(ROOT, 'spec/versions/2.100.yaml'));

test('history: Nova GET /servers/{server_id} /server/locked starts at 2.9, through oneOf from 2.69', { skip: !novaReady && 'spec/versions/2.100.yaml is not there yet' }, async () => {
  const r = await compile({ specDir: path.join(ROOT, 'spec'), emit: false });
  const h = historyOf(r, 'GET /servers/{server_id}', '/server/locked');
  assert.equal(h.entries[0]!.version, '2.9');
  assert.equal(h.entries[0]!.event, 'added');
  assert.ok(!h.entries.some((e) => e.event === 'removed'), historySummary(h));
});
