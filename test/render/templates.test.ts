// The template set: a partial per change kind, overrides by file name (mvc build --templates),
// and template problems reported as diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { createDocsEmitter } from '../../src/compiler/render/docs.js';
import { builtinTemplatesDir, createRenderer, mergeTemplates, readTemplates } from '../../src/compiler/render/templates.js';
import { SEVERITY_RULES } from '../../src/compiler/diff/severity.js';
import type { ChangeRecord } from '../../src/compiler/diff/change-record.js';
import { FIXTURE, ROOT } from '../helpers.js';
import { changesOfForTests, fileMap } from './render-helpers.js';

let result: Promise<CompileResult> | undefined;
const fixture = () => (result ??= compile({ specDir: FIXTURE, workers: 1 }));

function tempTemplates(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-templates-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function emit(templatesDir?: string, changesOf = changesOfForTests) {
  const [files, diags] = await createDocsEmitter(changesOf).emit({ result: await fixture(), ...(templatesDir ? { templatesDir } : {}) });
  return { files: fileMap(files), diags };
}

test('templates: the built-in folder is the top-level templates/', () => {
  assert.equal(builtinTemplatesDir(), path.join(ROOT, 'templates'));
});

test('templates: every change kind the diff can report has a partial of its own', () => {
  const kinds = [...new Set(SEVERITY_RULES.map((r) => r.kind))];
  const have = new Set(fs.readdirSync(path.join(ROOT, 'templates/partials')).map((f) => f.replace(/\.hbs$/, '')));
  assert.deepEqual(kinds.filter((k) => !have.has(k)), []);
  assert.ok(have.has('kind-default'));
  const extra = [...have].filter((k) => k !== 'kind-default' && !kinds.includes(k));
  assert.deepEqual(extra, [], 'no partial for a kind the diff does not report');
});

test('templates: a kind partial renders in HTML and in Markdown, escaped for each', () => {
  const [files] = readTemplates(builtinTemplatesDir());
  const [r] = createRenderer(files);
  const view = { kind: 'parameter.type-changed', message: 'type of query parameter <id> changed', before: 'string', after: 'integer', keys: [], usedBy: [], usedByMore: 0 };
  assert.equal(r!.change('html', view), 'type of query parameter &lt;id&gt; changed <span class="detail"><code>string</code> → <code>integer</code></span>');
  assert.equal(r!.change('md', view), 'type of query parameter \\<id\\> changed (`string` → `integer`)');
  const schema = { kind: 'enum.value-added', message: 'enum value "blue" added', before: null, after: 'blue', keys: [], usedBy: ['GET /a', 'GET /b'], usedByMore: 3 };
  assert.equal(r!.change('html', schema), 'enum value &quot;blue&quot; added <span class="detail">used by <code>GET /a</code>, <code>GET /b</code> and 3 more</span>');
  assert.equal(r!.change('md', schema), 'enum value "blue" added (used by `GET /a`, `GET /b` and 3 more)');
  const unused = { ...schema, usedBy: [] };
  assert.equal(r!.change('html', unused), 'enum value &quot;blue&quot; added', 'an empty detail adds nothing');
  const unknown = { kind: 'no.such-kind', message: 'something *odd*', before: null, after: null };
  assert.equal(r!.change('html', unknown), 'something *odd*', 'an unknown kind falls back to kind-default');
  assert.equal(r!.change('md', unknown), 'something \\*odd\\*');
});

test('templates: --templates replaces built-in files of the same name, wherever they sit', async () => {
  const dir = tempTemplates({
    'status.changed.hbs': 'STATUS {{code before}} to {{code after}}',
    'nested/site.css': 'body { color: red }\n',
    'CHANGELOG.md.hbs': '# Only {{text title}}\n',
  });
  const { files, diags } = await emit(dir);
  assert.deepEqual(diags, []);
  assert.match(files.get('2.2.html')!, /STATUS <code>200<\/code> to <code>201<\/code>/);
  assert.equal(files.get('site.css'), 'body { color: red }\n');
  assert.equal(files.get('CHANGELOG.md'), '# Only Widgets API\n');
  assert.match(files.get('versions/2.2.md')!, /STATUS `200` to `201`/);
});

test('templates: an extra .hbs in --templates is the partial of a kind without a built-in one', async () => {
  const dir = tempTemplates({ 'widget.polished.hbs': 'POLISHED {{code operation}}' });
  const extra = (r: CompileResult, v: string): ChangeRecord[] => [
    ...changesOfForTests(r, v),
    ...(v === '2.3' ? [{ kind: 'widget.polished', version: v, operation: 'GET /widgets', pointer: '/paths', side: 'operation' as const, severity: 'info' as const, fingerprint: 'abcdefabcdef', message: 'polished' }] : []),
  ];
  const { files, diags } = await emit(dir, extra);
  assert.deepEqual(diags, []);
  assert.match(files.get('2.3.html')!, /POLISHED <code>GET \/widgets<\/code>/);
});

test('templates: a template that does not parse is reported with its file, and nothing is written', async () => {
  const dir = tempTemplates({ 'version.html.hbs': '{{#each v.groups}}unclosed' });
  const { files, diags } = await emit(dir);
  assert.equal(files.size, 0);
  assert.equal(diags.length, 1);
  assert.equal(diags[0]!.code, 'render/template-failed');
  assert.equal(diags[0]!.severity, 'error');
  assert.match(diags[0]!.message, new RegExp(`template ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/version\\.html\\.hbs does not parse`));
});

test('templates: a template that fails while rendering is reported', async () => {
  const dir = tempTemplates({ 'index.html.hbs': '{{> no-such-part}}' });
  const { files, diags } = await emit(dir);
  assert.equal(files.size, 0);
  assert.equal(diags.length, 1);
  assert.match(diags[0]!.message, /index\.html\.hbs failed: .*no-such-part/);
});

test('templates: a --templates folder that does not exist is reported', async () => {
  const { diags } = await emit('/no/such/folder');
  assert.equal(diags.length, 1);
  assert.match(diags[0]!.message, /^--templates \/no\/such\/folder cannot be read/);
});

test('templates: mergeTemplates keeps the built-in path of a replaced file', () => {
  const merged = mergeTemplates(
    [{ name: 'parts/layout.hbs', source: 'a', text: 'A' }, { name: 'partials/x.y.hbs', source: 'b', text: 'B' }],
    [{ name: 'layout.hbs', source: 'mine/layout.hbs', text: 'MINE' }, { name: 'deep/p.q.hbs', source: 'mine/deep/p.q.hbs', text: 'Q' }, { name: 'notes.txt', source: 'n', text: 'N' }],
  );
  assert.deepEqual(merged.map((f) => [f.name, f.source, f.text]), [
    ['parts/layout.hbs', 'mine/layout.hbs', 'MINE'],
    ['partials/x.y.hbs', 'b', 'B'],
    ['partials/p.q.hbs', 'mine/deep/p.q.hbs', 'Q'],
  ]);
});
