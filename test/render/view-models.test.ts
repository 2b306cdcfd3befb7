// The view models the templates get: release groups, version views, the site view, the endpoint
// history and the compare data, built from hand-made ChangeRecords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChangeRecord } from '../../src/compiler/diff/change-record.js';
import { groupByRelease, releaseLabel } from '../../src/compiler/render/releases.js';
import { changeView, compareOperations, groupByOperation, valueText } from '../../src/compiler/render/change-view.js';
import { versionViews } from '../../src/compiler/render/version-view.js';
import { siteView } from '../../src/compiler/render/site-view.js';
import { endpointHistory, eventKind } from '../../src/compiler/render/endpoint-history.js';
import { changesScript, compareData, scriptJson } from '../../src/compiler/render/compare-data.js';
import type { DocsVersion } from '../../src/compiler/render/docs-input.js';
import type { Html } from '../../src/compiler/render/html.js';

const rec = (version: string, kind: string, operation: string | undefined, extra: Partial<ChangeRecord> = {}): ChangeRecord => ({
  kind, version, pointer: '/paths', side: 'operation', severity: 'info', fingerprint: '000000000000',
  message: `${kind} ${operation ?? 'api'}`, ...(operation !== undefined ? { operation } : {}), ...extra,
});

const V = (version: string, releases: string[], changes: ChangeRecord[] = [], extra: Partial<DocsVersion> = {}): DocsVersion => ({
  version, summary: `Summary ${version}`, description: `Description of ${version}.`, releases, changes, ...extra,
});

test('releases: a version with release: closes it; the rest are unreleased', () => {
  const groups = groupByRelease([V('2.1', []), V('2.2', ['Alpha']), V('2.3', []), V('2.4', ['Beta', 'Gamma']), V('2.5', []), V('2.6', [])], { Alpha: { number: '1.0' } });
  assert.deepEqual(groups.map((g) => [g.label, g.anchor, g.unreleased, g.versions.map((v) => v.version)]), [
    ['Alpha (1.0)', 'release-alpha', false, ['2.1', '2.2']],
    ['Beta / Gamma', 'release-beta-gamma', false, ['2.3', '2.4']],
    ['Unreleased', 'release-unreleased', true, ['2.5', '2.6']],
  ]);
});

test('releases: no unreleased group when the newest version closes a release', () => {
  assert.deepEqual(groupByRelease([V('2.1', ['A'])]).map((g) => g.label), ['A']);
  assert.deepEqual(groupByRelease([]), []);
  assert.equal(releaseLabel(['X'], { X: {} }), 'X');
});

test('change view: strings only, values on one line, the note rendered', () => {
  const v = changeView(rec('2.2', 'status.changed', 'POST /widgets', { before: 200, after: 201, note: 'See `<id>`.', side: 'response', severity: 'breaking', usedBy: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], keys: ['format'] }));
  assert.equal(v.before, '200');
  assert.equal(v.after, '201');
  assert.equal(v.note, 'See `<id>`.');
  assert.equal(v.noteHtml, '<p>See <code>&lt;id&gt;</code>.</p>');
  assert.equal(v.operation, 'POST /widgets');
  assert.deepEqual(v.usedBy, ['a', 'b', 'c', 'd', 'e']);
  assert.equal(v.usedByMore, 2);
  assert.deepEqual(v.keys, ['format']);
  assert.equal(v.where, null);
  const api = changeView(rec('2.2', 'servers.changed', undefined, { note: '  ' }));
  assert.equal(api.operation, null);
  assert.equal(api.note, null);
  assert.equal(api.noteHtml, null);
});

test('change view: valueText', () => {
  assert.equal(valueText(undefined), null);
  assert.equal(valueText('blue'), 'blue');
  assert.equal(valueText(['a', 1]), '["a",1]');
  assert.equal(valueText(null), 'null');
  assert.equal(valueText('a\n  b'), 'a b');
  const long = valueText({ x: 'y'.repeat(500) })!;
  assert.equal(long.length, 160);
  assert.ok(long.endsWith('…'));
});

test('operations sort by path, then method in REST order, then action', () => {
  const ops = ['POST /a/action #b', 'DELETE /a', 'GET /a', 'POST /a/action', 'POST /a/action #a', 'GET /a/{id}', 'PUT /a'];
  assert.deepEqual([...ops].sort(compareOperations), ['GET /a', 'PUT /a', 'DELETE /a', 'POST /a/action', 'POST /a/action #a', 'POST /a/action #b', 'GET /a/{id}']);
});

test('a version\'s changes group by operation, API-wide and shared schemas first', () => {
  const groups = groupByOperation([
    rec('2.1', 'a', 'GET /b'), rec('2.1', 's', undefined, { pointer: '/components/schemas/Server/properties/x' }), rec('2.1', 'b', undefined),
    rec('2.1', 'c', 'GET /a'), rec('2.1', 'd', 'GET /b'),
  ].map(changeView));
  assert.deepEqual(groups.map((g) => [g.label, g.method, g.path, g.anchor, g.changes.map((c) => c.kind)]), [
    ['API-wide', '', '', 'api-wide', ['b']],
    ['Shared schemas', '', '', 'shared-schemas', ['s']],
    ['GET /a', 'GET', '/a', 'op-get-a', ['c']],
    ['GET /b', 'GET', '/b', 'op-get-b', ['a', 'd']],
  ]);
});

test('version views: neighbours, release, links and counts', () => {
  const views = versionViews([
    V('2.1', [], [rec('2.1', 'operation.added', 'GET /a')]),
    V('2.2', ['Alpha'], [rec('2.2', 'property.removed', 'GET /a', { severity: 'breaking' }), rec('2.2', 'servers.changed', undefined, { severity: 'warning' })], { summary: 'Uses `<x>`', description: '# Head\n\n<uuid>' }),
    V('2.3', []),
  ], { Alpha: { number: '1.0' } });
  const [a, b, c] = views;
  assert.equal(a!.prev, null);
  assert.deepEqual(a!.next, { version: '2.2', summary: 'Uses `<x>`', href: '2.2.html', mdHref: 'versions/2.2.md' });
  assert.equal(b!.prev!.version, '2.1');
  assert.equal(c!.next, null);
  assert.equal(a!.release, 'Alpha (1.0)');
  assert.equal(a!.closes, null);
  assert.equal(b!.closes, 'Alpha (1.0)');
  assert.equal(c!.release, 'Unreleased');
  assert.equal(c!.unreleased, true);
  assert.deepEqual(b!.openapi, { yaml: '../openapi/2.2.yaml', json: '../openapi/2.2.json' });
  assert.equal(b!.summaryHtml, 'Uses <code>&lt;x&gt;</code>');
  assert.equal(b!.descriptionHtml, '<h3>Head</h3>\n<p>&lt;uuid&gt;</p>');
  assert.deepEqual(b!.counts, { breaking: 1, warning: 1, info: 0 });
  assert.equal(b!.total, 2);
  assert.deepEqual(b!.groups.map((g) => g.label), ['API-wide', 'GET /a']);
  assert.equal(c!.total, 0);
  assert.deepEqual(c!.groups, []);
  assert.equal(b!.anchor, 'v2-2');
});

test('site view: releases newest first, versions newest first', () => {
  const views = versionViews([V('2.1', []), V('2.2', ['Alpha']), V('2.3', []), V('2.4', ['Beta']), V('2.5', [])]);
  const site = siteView('Widgets', 'The **API**.', views);
  assert.deepEqual(site.releases.map((r) => [r.label, r.versions.map((v) => v.version)]), [['Unreleased', ['2.5']], ['Beta', ['2.4', '2.3']], ['Alpha', ['2.2', '2.1']]]);
  assert.deepEqual(site.versions.map((v) => v.version), ['2.5', '2.4', '2.3', '2.2', '2.1']);
  assert.equal(site.latest, '2.5');
  assert.equal(site.oldest, '2.1');
  assert.equal(site.descriptionHtml, '<p>The <strong>API</strong>.</p>');
  assert.deepEqual(site.versions[0]!.openapi, { yaml: '../openapi/2.5.yaml', json: '../openapi/2.5.json' });
  assert.equal(siteView('Empty', '', []).latest, null);
});

test('endpoint history: added, changed and removed per operation, grouped by tag', () => {
  const versions = [
    V('2.1', [], [rec('2.1', 'operation.added', 'GET /a'), rec('2.1', 'property.added', 'GET /a'), rec('2.1', 'operation.added', 'POST /a/action'), rec('2.1', 'action.added', 'POST /a/action #go'), rec('2.1', 'operation.added', 'GET /g'), rec('2.1', 'servers.changed', undefined)]),
    V('2.2', [], [rec('2.2', 'property.added', 'GET /a', { message: 'one' }), rec('2.2', 'enum.value-added', 'GET /a', { message: 'two' })]),
    V('2.3', [], [rec('2.3', 'action.removed', 'POST /a/action #go'), rec('2.3', 'operation.retired', 'GET /g')]),
    V('2.4', [], [rec('2.4', 'operation.removed', 'GET /a')]),
  ];
  const operations = {
    'GET /a': { summary: 'Show a', tag: 'as', firstSeen: '2.1' }, 'POST /a/action': { summary: 'Act', tag: 'as', firstSeen: '2.1' },
    'POST /a/action #go': { summary: 'Go', tag: 'as', firstSeen: '2.1' }, 'GET /g': { summary: 'Gadgets', tag: 'gs', firstSeen: '2.1' },
  };
  const groups = endpointHistory(versions, operations, [{ name: 'gs', description: 'Gadgets.' }, { name: 'as', description: '' }]);
  assert.deepEqual(groups.map((g) => [g.tag, g.anchor, g.description, g.endpoints.map((e) => e.operation)]), [
    ['gs', 'tag-gs', 'Gadgets.', ['GET /g']],
    ['as', 'tag-as', '', ['GET /a', 'POST /a/action', 'POST /a/action #go']],
  ]);
  const [a, act, go] = groups[1]!.endpoints;
  assert.equal(a!.addedIn!.version, '2.1');
  assert.equal(a!.addedIn!.count, 2);
  assert.deepEqual(a!.changedIn.map((e) => [e.version, e.count, e.title, e.href]), [['2.2', 2, 'one\ntwo', '2.2.html#op-get-a']]);
  assert.equal(a!.removedIn!.version, '2.4');
  assert.equal(a!.status, 'removed');
  assert.equal(a!.summary, 'Show a');
  assert.equal(act!.status, 'present');
  assert.equal(act!.removedIn, null);
  assert.equal(go!.action, 'go');
  assert.equal(go!.method, 'POST');
  assert.equal(go!.path, '/a/action');
  assert.equal(go!.removedIn!.version, '2.3');
  const g = groups[0]!.endpoints[0]!;
  assert.equal(g.removedIn!.version, '2.3', 'a 410 retirement ends the operation too');
  assert.equal(g.status, 'removed');
});

test('endpoint history: an action added with its operation is dated by the models', () => {
  const versions = [
    V('2.1', [], [rec('2.1', 'operation.added', 'POST /a/action')]),
    V('2.2', [], [rec('2.2', 'action.changed', 'POST /a/action #go')]),
    V('2.3', []),
  ];
  const operations = {
    'POST /a/action': { summary: 'Act', tag: 't', firstSeen: '2.1' },
    'POST /a/action #go': { summary: 'Go', tag: 't', firstSeen: '2.1' },
    'POST /a/action #stay': { summary: 'Stay', tag: 't', firstSeen: '2.1' },
    'GET /late': { summary: 'Late', tag: 't', firstSeen: '2.3' },
  };
  const [group] = endpointHistory(versions, operations);
  const rows = new Map(group!.endpoints.map((e) => [e.operation, e]));
  assert.deepEqual([...rows.keys()], ['POST /a/action', 'POST /a/action #go', 'POST /a/action #stay', 'GET /late']);
  const go = rows.get('POST /a/action #go')!;
  assert.deepEqual(go.events.map((e) => [e.version, e.what, e.recorded]), [['2.1', 'added', false], ['2.2', 'changed', true]]);
  assert.equal(go.addedIn!.title, 'added with POST /a/action');
  assert.equal(go.addedIn!.href, '2.1.html#op-post-a-action');
  assert.equal(rows.get('POST /a/action #stay')!.addedIn!.version, '2.1', 'an action that never changed is still listed');
  assert.equal(rows.get('GET /late')!.addedIn!.title, 'present from 2.3');
});

test('endpoint history: a change to a shared schema changes every operation that uses it', () => {
  const versions = [
    V('2.1', [], [rec('2.1', 'operation.added', 'GET /a'), rec('2.1', 'operation.added', 'GET /b')]),
    V('2.2', [], [rec('2.2', 'property.added', undefined, { pointer: '/components/schemas/S/properties/x', usedBy: ['GET /a', 'GET /b'], message: 'x added to S' })]),
    V('2.3', [], [rec('2.3', 'property.added', 'GET /a', { message: 'y added' }), rec('2.3', 'property.removed', undefined, { pointer: '/components/schemas/S/properties/x', usedBy: ['GET /a'], message: 'x removed from S' })]),
  ];
  const operations = { 'GET /a': { summary: 'A', tag: 't', firstSeen: '2.1' }, 'GET /b': { summary: 'B', tag: 't', firstSeen: '2.1' } };
  const [a, b] = endpointHistory(versions, operations)[0]!.endpoints;
  assert.deepEqual(a!.changedIn.map((e) => [e.version, e.href, e.title]), [
    ['2.2', '2.2.html#shared-schemas', 'x added to S (shared schema)'],
    ['2.3', '2.3.html#op-get-a', 'y added\nx removed from S (shared schema)'],
  ]);
  assert.deepEqual(b!.changedIn.map((e) => e.version), ['2.2']);
});

test('endpoint history: an operation unknown to the models goes under "other"', () => {
  const groups = endpointHistory([V('2.1', [], [rec('2.1', 'operation.added', 'GET /x')])], {});
  assert.deepEqual(groups.map((g) => [g.tag, g.endpoints[0]!.summary]), [['other', '']]);
});

test('eventKind: only operation and action adds and removes add or remove', () => {
  assert.equal(eventKind(rec('2.1', 'operation.added', 'GET /a')), 'added');
  assert.equal(eventKind(rec('2.1', 'action.removed', 'GET /a')), 'removed');
  assert.equal(eventKind(rec('2.1', 'property.removed', 'GET /a')), 'changed');
  assert.equal(eventKind(rec('2.1', 'operation.deprecated', 'GET /a')), 'changed');
  assert.equal(eventKind(rec('2.1', 'operation.retired', 'GET /a')), 'removed');
});

test('compare data: every version with its changes, rendered lines and notes', () => {
  const views = versionViews([V('2.1', []), V('2.2', ['A'], [rec('2.2', 'property.added', 'GET /a', { note: 'N' })])]);
  const data = compareData(views, (c) => `<b>${c.kind}</b>` as Html);
  assert.deepEqual(data.versions.map((v) => [v.version, v.href, v.release, v.changes.length]), [['2.1', '2.1.html', 'A', 0], ['2.2', '2.2.html', 'A', 1]]);
  assert.deepEqual(data.versions[1]!.changes[0], { kind: 'property.added', severity: 'info', side: 'operation', operation: 'GET /a', pointer: '/paths', message: 'property.added GET /a', html: '<b>property.added</b>', noteHtml: '<p>N</p>' });
});

test('compare data: the script is plain JavaScript with no markup characters', () => {
  assert.equal(scriptJson({ a: '</script><b>&\u2028' }), '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}');
  const script = changesScript({ generator: 'g', versions: [] });
  assert.match(script, /^\/\/ .*\nwindow\.MVC_CHANGES = \{"generator":"g","versions":\[\]\};\n$/);
  assert.deepEqual(JSON.parse(scriptJson({ a: '<x> & \u2029' })), { a: '<x> & \u2029' });
});
