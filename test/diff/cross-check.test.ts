// The cross-check: for adjacent versions, the structural diff of the emitted documents and the
// model diff agree (up to the equivalences of docs/diff.md). Over widgets, and over the Nova spec
// once spec/versions holds all 100 versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compile, type CompileResult, type CompiledVersion } from '../../src/compiler/pipeline.js';
import { crossCheck, declaredWithoutEffect, jsonDiff } from '../../src/compiler/diff/index.js';
import { FIXTURE, ROOT } from '../helpers.js';

let fixture: Promise<CompileResult> | undefined;
const widgets = () => (fixture ??= compile({ specDir: FIXTURE, workers: 1 }));

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

type Obj = Record<string, unknown>;
/** The object at a path of keys inside a document. */
const at = (doc: Obj, ...keys: string[]): Obj => keys.reduce<Obj>((o, k) => o[k] as Obj, doc);

/** The result with one version's emitted document edited. */
function withDocument(r: CompileResult, version: string, edit: (doc: Obj) => void): CompileResult {
  const versions: CompiledVersion[] = r.versions.map((v) => {
    if (v.version !== version) return v;
    const document = clone(v.document);
    edit(document);
    return { ...v, document };
  });
  return { ...r, versions };
}

test('cross-check: every adjacent pair of widgets versions agrees', async () => {
  const r = await widgets();
  assert.equal(r.versions.length, 6);
  assert.deepEqual(crossCheck(r), []);
});

test('cross-check: a document change no model change explains is reported', async () => {
  const r = withDocument(await widgets(), '2.3', (d) => { at(d, 'components', 'schemas', 'Widget', 'properties')['weight'] = { type: 'number' }; });
  assert.deepEqual(crossCheck(r, ['2.3']), [
    { version: '2.3', problem: 'unreported', pointer: '/components/schemas/Widget/properties/weight', detail: 'the documents differ (added) and no change explains it' },
  ]);
});

test('cross-check: a change in a hoisted body is found where the body is used', async () => {
  const r = withDocument(await widgets(), '2.4', (d) => { at(d, 'components', 'schemas', 'ListWidgetsResponse', 'properties', 'widgets')['description'] = 'Edited.'; });
  assert.deepEqual(crossCheck(r, ['2.4']).map((i) => [i.problem, i.pointer]), [
    ['unreported', '/paths/~1widgets/get/responses/200/content/application~1json/schema/properties/widgets/description'],
  ]);
});

test('cross-check: a model change the documents do not show, and a pointer that does not resolve, are reported', async () => {
  const r = withDocument(await widgets(), '2.3', (d) => { delete at(d, 'components', 'schemas', 'Widget', 'properties')['color']; });
  const issues = crossCheck(r, ['2.3']).map((i) => [i.problem, i.pointer]);
  assert.deepEqual(issues, [
    ['dangling', '/components/schemas/Widget/properties/color/enum'],
    ['unreported', '/components/schemas/Widget/properties/color'],
    ['unseen', '/components/schemas/Widget/properties/color/enum'],
  ]);
  const hidden = withDocument(await widgets(), '2.2', (d) => { const rs = at(d, 'paths', '/widgets', 'post', 'responses'); rs['200'] = rs['201']; delete rs['201']; });
  assert.ok(crossCheck(hidden, ['2.2']).some((i) => i.problem === 'unseen' && i.detail.startsWith('status.changed')));
});

test('jsonDiff: objects by key, same-length arrays by index, other arrays whole', () => {
  assert.deepEqual(jsonDiff({ a: 1, b: [1, 2], c: { d: 'x' }, e: [1] }, { a: 2, b: [1, 3], c: {}, e: [1, 2], f: null }), [
    { op: 'changed', pointer: '/a', before: 1, after: 2 },
    { op: 'changed', pointer: '/b/1', before: 2, after: 3 },
    { op: 'removed', pointer: '/c/d', before: 'x' },
    { op: 'changed', pointer: '/e', before: [1], after: [1, 2] },
    { op: 'added', pointer: '/f', after: null },
  ]);
  assert.deepEqual(jsonDiff({ 'a/b': { '~': 1 } }, { 'a/b': { '~': 2 } }), [{ op: 'changed', pointer: '/a~1b/~0', before: 1, after: 2 }]);
  assert.deepEqual(jsonDiff([{ x: 1 }], [{ x: 1 }]), []);
});

test('declared changes: each has an effect, except what the same delta undoes', async () => {
  assert.deepEqual(declaredWithoutEffect(await widgets()).map((d) => [d.version, d.index, d.detail]), [
    ['2.6', 6, 'schema.add at "schema Unused" changes nothing at 2.6'],
    ['2.6', 7, 'schema.remove at "schema Unused" changes nothing at 2.6'],
  ]);
});

const NOVA = path.join(ROOT, 'spec');
const novaReady = fs.existsSync(path.join(NOVA, 'versions', '2.100.yaml'));

test('cross-check: every one of the 99 adjacent pairs of Nova versions agrees', { skip: !novaReady && 'spec/versions/2.100.yaml is not there yet' }, async () => {
  const r = await compile({ specDir: NOVA, emit: false });
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(r.deltas.length, 100);
  const issues = crossCheck(r);
  assert.deepEqual(issues.slice(0, 20), [], `${issues.length} disagreement(s)`);
  assert.deepEqual(declaredWithoutEffect(r).slice(0, 20), [], 'every declared change has an effect');
});
