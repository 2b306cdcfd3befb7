// Escaping: spec text never becomes markup. No template inserts spec text unescaped (triple
// braces only on `…Html` fields, which only the Markdown renderer and html.ts make), and a spec
// full of <script>, <uuid> and attributes renders as literal text in every output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createDocsEmitter } from '../../src/compiler/render/docs.js';
import type { CompileResult } from '../../src/compiler/pipeline.js';
import type { ChangeRecord } from '../../src/compiler/diff/change-record.js';
import { compileFiles, fixtureFiles, ROOT } from '../helpers.js';
import { changesOfForTests, fileMap } from './render-helpers.js';

const TEMPLATES = path.join(ROOT, 'templates');

function hbsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? hbsFiles(path.join(dir, e.name)) : e.name.endsWith('.hbs') ? [path.join(dir, e.name)] : []);
}

test('escaping: triple braces only on …Html fields, and never {{& }}', () => {
  const files = hbsFiles(TEMPLATES);
  assert.ok(files.length > 50);
  const offending: string[] = [];
  let triples = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\{\{\{~?\s*([^}]*?)\s*~?\}\}\}/g)) {
      triples++;
      if (!/^(?:@root\.|\.\.\/)*(?:[A-Za-z_]\w*\.)*[a-z]\w*Html$/.test(m[1]!)) offending.push(`${path.relative(ROOT, f)}: {{{${m[1]}}}}`);
    }
    for (const m of text.matchAll(/\{\{~?&/g)) offending.push(`${path.relative(ROOT, f)}: ${m[0]}`);
  }
  assert.deepEqual(offending, []);
  assert.ok(triples > 0, 'the scan saw the description and note insertions');
});

const EVIL = '<script>alert(1)</script>';
const PAYLOAD = `Send ${EVIL} and <uuid> in the path; <img src=x onerror=alert(2)> &lt;b&gt;; \`<version>\`.`;

async function evilDocs(): Promise<[CompileResult, Map<string, string>]> {
  const files = fixtureFiles();
  const v1 = files['/spec/versions/2.1.yaml']!
    .replace(/^summary: .*$/m, 'summary: "The <b>base</b> <uuid>"')
    .replace(/^description: .*$/m, `description: ${JSON.stringify(PAYLOAD)}`)
    .replace('  - kind: servers.change\n', `  - kind: servers.change\n    note: ${JSON.stringify(`Note with ${EVIL} <uuid>`)}\n`);
  files['/spec/versions/2.1.yaml'] = v1;
  files['/spec/api.yaml'] = files['/spec/api.yaml']!.replace('title: Widgets API', 'title: "Widgets <i>API</i>"');
  const result = await compileFiles(files);
  assert.deepEqual(result.diagnostics, []);
  const evilRecords = (r: CompileResult, v: string): ChangeRecord[] => [
    ...changesOfForTests(r, v),
    ...(v === '2.1' ? [{
      kind: 'property.type-changed', version: v, operation: 'GET /widgets/{widget_id}', pointer: '/paths/~1widgets~1{widget_id}', side: 'response' as const,
      severity: 'breaking' as const, fingerprint: '0123456789ab', message: `property <uuid> renamed ${EVIL}`, before: '<old>', after: { '<new>': EVIL },
      usedBy: ['GET /<x>'],
    }] : []),
  ];
  const [out, diags] = await createDocsEmitter(evilRecords).emit({ result });
  assert.deepEqual(diags, []);
  return [result, fileMap(out)];
}

test('escaping: <script>, <uuid> and attributes in spec text show literally in the HTML site', async () => {
  const [, files] = await evilDocs();
  for (const [name, html] of files) {
    if (!name.endsWith('.html')) continue;
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.every((s) => /^<script src="[a-z]+\.js">$/.test(s)), `${name}: only our own <script src> tags: ${scripts.join(' ')}`);
    assert.doesNotMatch(html, /<img|<b>base|<i>API|<uuid>|<version>|<old>|<new>|<x>/, `${name}: no spec text as markup`);
    assert.doesNotMatch(html, /<[^>]*\sonerror=/, `${name}: no event handler attribute`);
  }
  const page = files.get('2.1.html')!;
  assert.match(page, /Send &lt;script&gt;alert\(1\)&lt;\/script&gt; and &lt;uuid&gt; in the path; &lt;img src=x onerror=alert\(2\)&gt; &amp;lt;b&amp;gt;; <code>&lt;version&gt;<\/code>\./);
  assert.match(page, /<h1><span class="vnum">2\.1<\/span> The &lt;b&gt;base&lt;\/b&gt; &lt;uuid&gt;<\/h1>/);
  assert.match(page, /<div class="note"><p>Note with &lt;script&gt;alert\(1\)&lt;\/script&gt; &lt;uuid&gt;<\/p><\/div>/);
  assert.match(page, /property &lt;uuid&gt; renamed &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(page, /<code>&lt;old&gt;<\/code> → <code>\{&quot;&lt;new&gt;&quot;:&quot;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;\}<\/code>/);
  assert.match(page, /<code>GET \/&lt;x&gt;<\/code>/);
  assert.match(files.get('index.html')!, /<title>Widgets &lt;i&gt;API&lt;\/i&gt;<\/title>/);
  assert.match(files.get('index.html')!, /The &lt;b&gt;base&lt;\/b&gt; &lt;uuid&gt;/);
});

test('escaping: changes.js carries the rendered, escaped lines and no raw markup characters', async () => {
  const [, files] = await evilDocs();
  const script = files.get('changes.js')!;
  assert.doesNotMatch(script, /[<>]/);
  const sandbox: { window: { MVC_CHANGES?: { versions: { changes: { message: string; html: string; noteHtml: string | null }[] }[] } } } = { window: {} };
  vm.runInNewContext(script, sandbox);
  const changes = sandbox.window.MVC_CHANGES!.versions[0]!.changes;
  const evil = changes.find((c) => c.message.startsWith('property <uuid>'))!;
  assert.ok(evil.html.startsWith('property &lt;uuid&gt; renamed &lt;script&gt;'), evil.html);
  assert.ok(changes.some((c) => c.noteHtml === '<p>Note with &lt;script&gt;alert(1)&lt;/script&gt; &lt;uuid&gt;</p>'));
});

test('escaping: the Markdown outputs neutralise raw HTML and keep code spans', async () => {
  const [, files] = await evilDocs();
  for (const [name, md] of files) {
    if (!name.endsWith('.md')) continue;
    const outsideCode = md.replace(/`[^`\n]*`/g, '');
    assert.doesNotMatch(outsideCode, /(?<!\\)<(?!https?:)[a-zA-Z/]/, `${name}: no raw HTML outside code`);
  }
  const md = files.get('versions/2.1.md')!;
  assert.match(md, /^# 2\.1: The &lt;b>base&lt;\/b> &lt;uuid>$/m);
  assert.match(md, /Send &lt;script>alert\(1\)&lt;\/script> and &lt;uuid> in the path; &lt;img src=x onerror=alert\(2\)> &amp;lt;b&amp;gt;; `<version>`\./);
  assert.match(md, /property \\<uuid\\> renamed \\<script\\>alert\(1\)\\<\/script\\>/);
  assert.match(files.get('CHANGELOG.md')!, /^# Widgets \\<i\\>API\\<\/i\\>: changelog$/m);
});
