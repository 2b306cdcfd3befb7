// The docs emitter on the widgets fixture: which files it writes and what the pages hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { createDocsEmitter } from '../../src/compiler/render/docs.js';
import { FIXTURE } from '../helpers.js';
import { changesOfForTests, fileMap } from './render-helpers.js';

let cached: Promise<[CompileResult, Map<string, string>]> | undefined;
function docs(): Promise<[CompileResult, Map<string, string>]> {
  cached ??= (async () => {
    const result = await compile({ specDir: FIXTURE, workers: 1 });
    assert.deepEqual(result.diagnostics, []);
    const [files, diags] = await createDocsEmitter(changesOfForTests).emit({ result });
    assert.deepEqual(diags, []);
    return [result, fileMap(files)];
  })();
  return cached;
}

test('docs: one file per page, sorted, each ending in a newline', async () => {
  const [, files] = await docs();
  const versions = ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'];
  assert.deepEqual([...files.keys()], [
    ...versions.map((v) => `${v}.html`),
    'CHANGELOG.md', 'changes.js', 'compare.html', 'compare.js', 'endpoints.html', 'index.html', 'site.css', 'site.js',
    ...versions.map((v) => `versions/${v}.md`),
  ]);
  for (const [p, text] of files) assert.ok(text.endsWith('\n'), `${p} ends with a newline`);
});

test('docs: the emitter is named docs and writes into docs/', () => {
  const e = createDocsEmitter(changesOfForTests);
  assert.equal(e.name, 'docs');
  assert.equal(e.folder, 'docs');
});

test('docs: CHANGELOG.md lists every version newest first, under its release, with its changes', async () => {
  const [result, files] = await docs();
  const md = files.get('CHANGELOG.md')!;
  const headings = [...md.matchAll(/^(#{2,3}) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(headings, [
    '## Beta',
    '### [2.6](versions/2.6.md): Removals',
    '### [2.5](versions/2.5.md): Bodies',
    '### [2.4](versions/2.4.md): Retirements',
    '## Alpha',
    '### [2.3](versions/2.3.md): Enums and required fields',
    '### [2.2](versions/2.2.md): Status codes, renames and a new filter',
    '### [2.1](versions/2.1.md): The base',
  ]);
  assert.match(md, /Create answers 201; `legacy` becomes `old`; list takes `name`\./);
  assert.match(md, /Widgets and gadgets, with a `<version>` header\./, 'code spans keep their text');
  for (const v of result.versions) {
    const n = changesOfForTests(result, v.version).length;
    assert.match(md, new RegExp(`^${n} changes? \\(`, 'm'));
  }
  assert.match(md, /^- \*\*breaking\*\* /m);
  assert.doesNotMatch(md, /\n\n\n/, 'no runs of blank lines');
});

test('docs: a version page in Markdown links its neighbours and its OpenAPI documents', async () => {
  const [, files] = await docs();
  const md = files.get('versions/2.2.md')!;
  assert.match(md, /^# 2\.2: Status codes, renames and a new filter$/m);
  assert.match(md, /Previous: \[2\.1\]\(2\.1\.md\)/);
  assert.match(md, /Next: \[2\.3\]\(2\.3\.md\)/);
  assert.match(md, /\[2\.2\.yaml\]\(\.\.\/\.\.\/openapi\/2\.2\.yaml\)/);
  assert.match(md, /\[2\.2\.json\]\(\.\.\/\.\.\/openapi\/2\.2\.json\)/);
  assert.match(md, /^### `POST \/widgets`$/m);
  assert.doesNotMatch(files.get('versions/2.1.md')!, /Previous:/);
  assert.doesNotMatch(files.get('versions/2.6.md')!, /Next:/);
  assert.match(files.get('versions/2.3.md')!, /The newest microversion of Alpha\./);
});

test('docs: a version page in HTML has the description beside the changes, links and a picker', async () => {
  const [, files] = await docs();
  const html = files.get('2.2.html')!;
  assert.match(html, /<title>2\.2: Status codes, renames and a new filter · Widgets API<\/title>/);
  assert.match(html, /<section class="description"[^>]*>[\s\S]*<p>Create answers 201; <code>legacy<\/code> becomes <code>old<\/code>; list takes <code>name<\/code>\.<\/p>[\s\S]*<\/section>\s*<section class="changes"/);
  assert.match(html, /href="\.\.\/openapi\/2\.2\.yaml"/);
  assert.match(html, /href="\.\.\/openapi\/2\.2\.json"/);
  assert.match(html, /<a class="prev" rel="prev" href="2\.1\.html">/);
  assert.match(html, /<a class="next" rel="next" href="2\.3\.html">/);
  assert.match(html, /<option value="2\.2\.html" selected>2\.2: /);
  assert.match(html, /<section class="op-group" id="op-post-widgets">/);
  assert.match(html, /<li class="change sev-breaking" data-kind="status\.changed"/);
  assert.match(html, /<script src="site\.js"><\/script>/);
  assert.equal((html.match(/<li class="change /g) ?? []).length, 6);
});

test('docs: the index lists releases newest first with every version', async () => {
  const [, files] = await docs();
  const html = files.get('index.html')!;
  const releases = [...html.matchAll(/<section class="release" id="([^"]+)">\s*<h2>([^<]+)/g)].map((m) => [m[1], m[2]!.trim()]);
  assert.deepEqual(releases, [['release-beta', 'Beta'], ['release-alpha', 'Alpha']]);
  const rows = [...html.matchAll(/<td class="vcell"><a href="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(rows, ['2.6.html', '2.5.html', '2.4.html', '2.3.html', '2.2.html', '2.1.html']);
  assert.match(html, /<a href="compare\.html">Compare two versions<\/a>/);
  assert.match(html, /<a href="endpoints\.html">Endpoint history<\/a>/);
});

test('docs: the endpoint history lists every operation with the versions that added, changed and removed it', async () => {
  const [, files] = await docs();
  const html = files.get('endpoints.html')!;
  const rows = [...html.matchAll(/<tr class="endpoint ([^"]+)" id="[^"]+" data-operation="([^"]+)">([\s\S]*?)<\/tr>/g)];
  const byOp = new Map(rows.map((m) => [m[2]!, { cls: m[1]!, cells: [...m[3]!.matchAll(/<a class="ev (\w+)[^"]*"[^>]*>([\d.]+)<\/a>/g)].map((e) => `${e[1]} ${e[2]}`) }]));
  assert.deepEqual(byOp.get('DELETE /widgets/{widget_id}'), { cls: 'removed', cells: ['added 2.5', 'removed 2.6'] });
  assert.deepEqual(byOp.get('POST /widgets/{widget_id}/action #polish')!.cells, ['added 2.1', 'removed 2.4']);
  assert.match(html, /<a class="ev added implied" href="2\.1\.html#op-post-widgets-widget-id-action" title="added with POST \/widgets\/\{widget_id\}\/action">2\.1<\/a>/);
  assert.deepEqual(byOp.get('GET /gadgets'), { cls: 'removed', cells: ['added 2.1', 'removed 2.4'] }, 'retired (410 Gone) in 2.4');
  assert.equal(byOp.get('POST /widgets/{widget_id}/action #polish')!.cls, 'removed action');
  assert.deepEqual(byOp.get('POST /widgets')!.cells, ['added 2.1', 'changed 2.2', 'changed 2.3', 'changed 2.5']);
  assert.ok(html.indexOf('data-operation="POST /widgets/{widget_id}/action"') < html.indexOf('data-operation="POST /widgets/{widget_id}/action #paint"'));
  assert.match(html, /<h2>gadgets<\/h2>/);
});

test('docs: changes.js holds every version\'s changes and runs as a script', async () => {
  const [result, files] = await docs();
  const script = files.get('changes.js')!;
  const sandbox: { window: { MVC_CHANGES?: { versions: { version: string; changes: { kind: string; html: string }[] }[] } } } = { window: {} };
  vm.runInNewContext(script, sandbox);
  const data = JSON.parse(JSON.stringify(sandbox.window.MVC_CHANGES)) as NonNullable<typeof sandbox.window.MVC_CHANGES>;
  assert.deepEqual(data.versions.map((v) => v.version), result.versions.map((v) => v.version));
  for (const v of data.versions) assert.equal(v.changes.length, changesOfForTests(result, v.version).length);
  assert.ok(data.versions[1]!.changes.every((c) => c.html.length > 0));
  assert.doesNotMatch(script, /</, 'no raw < in the script');
});

test('docs: the compare page loads changes.js and compare.js with <script src>, and picks the newest two versions', async () => {
  const [, files] = await docs();
  const html = files.get('compare.html')!;
  assert.match(html, /<script src="changes\.js"><\/script>\s*<script src="compare\.js"><\/script>/);
  assert.match(html, /<select id="compare-from">[\s\S]*?<option value="2\.5" selected>/);
  assert.match(html, /<select id="compare-to">[\s\S]*?<option value="2\.6" selected>/);
  assert.doesNotMatch(files.get('compare.js')!, /fetch\(|XMLHttpRequest/);
});

test('docs: rendering is deterministic', async () => {
  const [result, files] = await docs();
  const [again] = await createDocsEmitter(changesOfForTests).emit({ result });
  assert.deepEqual(fileMap(again), files);
});

test('docs: --versions renders only the emitted range', async () => {
  const result = await compile({ specDir: FIXTURE, workers: 1, versions: { from: '2.2', to: '2.3' } });
  const [files] = await createDocsEmitter(changesOfForTests).emit({ result });
  const names = files.map((f) => f.path);
  assert.deepEqual(names.filter((n) => /^\d/.test(n)), ['2.2.html', '2.3.html']);
  const v22 = fileMap(files).get('2.2.html')!;
  assert.doesNotMatch(v22, /rel="prev"/, 'no link to a version that was not emitted');
});
