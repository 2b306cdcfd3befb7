// mvc diff and mvc history from the command line: output formats, colour, --fail-on, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli.js';
import { FIXTURE, miniSpec, BASE, delta } from '../helpers.js';

interface Run { readonly code: number; readonly out: string; readonly err: string }

/** Runs mvc with stdout and stderr captured; `tty` pretends stdout is a terminal. */
async function mvc(argv: readonly string[], opts: { tty?: boolean; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  let out = '', err = '';
  const ow = process.stdout.write.bind(process.stdout), ew = process.stderr.write.bind(process.stderr);
  const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(opts.env ?? {})) { saved[k] = process.env[k]; if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  process.stdout.write = ((chunk: string | Uint8Array) => { out += String(chunk); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { err += String(chunk); return true; }) as typeof process.stderr.write;
  Object.defineProperty(process.stdout, 'isTTY', { value: opts.tty === true, configurable: true });
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
    if (tty) Object.defineProperty(process.stdout, 'isTTY', tty); else delete (process.stdout as { isTTY?: boolean }).isTTY;
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  }
}

const W = ['--spec', FIXTURE];

test('cli diff: the text listing, grouped by version', async () => {
  const r = await mvc(['diff', '2.1', '2.2', ...W]);
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  assert.equal(r.out, `2.1 → 2.2: 6 changes (3 breaking, 1 warning, 2 info)

2.2  Status codes, renames and a new filter
  warning   parameter.changed  maximum of query parameter limit of GET /widgets changed
  info      parameter.added    optional query parameter name added to GET /widgets
  breaking  property.renamed   property /widget/legacy renamed to old in the request body of POST /widgets
  breaking  status.changed     POST /widgets answers 201 instead of 200
  breaking  header.removed     header Location removed from the 200 response of POST /widgets
  info      property.added     required property /size added to schema Widget
`);
});

test('cli diff: going down says so, newest version first', async () => {
  const r = await mvc(['diff', '2.3', '2.1', ...W]);
  assert.equal(r.code, 0);
  const heads = r.out.split('\n').filter((l) => /^2\.\d/.test(l));
  assert.deepEqual(heads, ['2.3 → 2.1 (going down: each change undone): 14 changes (4 breaking, 4 warning, 6 info)', '2.3  Enums and required fields', '2.2  Status codes, renames and a new filter']);
});

test('cli diff: colour only on a terminal, and not with NO_COLOR', async () => {
  const ESC = '\u001b[';
  assert.ok(!(await mvc(['diff', '2.1', '2.2', ...W])).out.includes(ESC), 'not a terminal: no colour');
  const tty = await mvc(['diff', '2.1', '2.2', ...W], { tty: true, env: { NO_COLOR: undefined } });
  assert.ok(tty.out.includes(`${ESC}1;31mbreaking`), 'breaking in bold red');
  assert.ok(tty.out.includes(`${ESC}33mwarning`), 'warning in yellow');
  assert.ok(!(await mvc(['diff', '2.1', '2.2', ...W], { tty: true, env: { NO_COLOR: '1' } })).out.includes(ESC), 'NO_COLOR set: no colour');
});

test('cli diff: markdown and json', async () => {
  const md = await mvc(['diff', '2.3', '2.4', ...W, '--format', 'markdown']);
  assert.equal(md.code, 0);
  assert.ok(md.out.startsWith('## Changes from 2.3 to 2.4\n\n6 changes: 2 breaking, 1 warning, 3 info.\n\n### 2.4: Retirements\n\n| severity | change | operation | kind |\n|---|---|---|---|\n'));
  assert.ok(md.out.includes('| **breaking** | operation GET /gadgets retired: answers 410 Gone | `GET /gadgets` | `operation.retired` |'));
  const shared = await mvc(['diff', '2.2', '2.3', ...W, '--format=markdown']);
  assert.ok(shared.out.includes('| **warning** | enum value "blue" added to /color of schema Widget | `schema Widget` | `enum.value-added` |'));
  const json = await mvc(['diff', '2.3', '2.4', ...W, '--format', 'json']);
  const parsed = JSON.parse(json.out) as { from: string; to: string; changes: { kind: string }[] };
  assert.equal(parsed.from, '2.3');
  assert.equal(parsed.changes.length, 6);
});

test('cli diff: --fail-on breaking|warning sets the exit code', async () => {
  assert.equal((await mvc(['diff', '2.1', '2.2', ...W, '--fail-on', 'breaking'])).code, 1);
  assert.equal((await mvc(['diff', '2.1', '2.2', ...W, '--fail-on', 'warning'])).code, 1);
  assert.equal((await mvc(['diff', '2.6', '2.5', ...W, '--fail-on', 'warning'])).code, 0, 'only info going down from 2.6 to 2.5');
  assert.equal((await mvc(['diff', '2.1', '2.2', ...W])).code, 0, 'no --fail-on: 0');
  // A spec whose only change is a warning.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-diff-'));
  const files = miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', '  - kind: property.change\n    where: GET /things/{thing_id} response 200 /thing/name\n    set: { maxLength: 10 }\n') });
  for (const [p, text] of Object.entries(files)) {
    const to = path.join(dir, p.replace(/^\/spec\//, ''));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, text);
  }
  assert.equal((await mvc(['diff', '2.1', '2.2', '--spec', dir, '--fail-on', 'breaking'])).code, 0);
  assert.equal((await mvc(['diff', '2.1', '2.2', '--spec', dir, '--fail-on', 'warning'])).code, 1);
});

test('cli diff: usage errors exit 2 with a message', async () => {
  const cases: [string[], RegExp][] = [
    [['diff', '2.1'], /diff takes <from> <to>/],
    [['diff', '2.1', '2.2', '2.3', ...W], /diff takes <from> <to>/],
    [['diff', '2.1', '2.2', ...W, '--format', 'html'], /--format takes text, markdown, json, not "html"/],
    [['diff', '2.1', '2.2', ...W, '--fail-on', 'info'], /--fail-on takes breaking or warning, not "info"/],
    [['diff', '2.1', '2.9', ...W], /version 2\.9 is not in the spec; expected a version from 2\.1 to 2\.6/],
    [['diff', '2.1', '2.2', '--colour'], /unknown option --colour/],
  ];
  for (const [argv, message] of cases) {
    const r = await mvc(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, message);
  }
});

test('cli diff: spec errors exit 1', async () => {
  const r = await mvc(['diff', '2.1', '2.2', '--spec', path.join(os.tmpdir(), 'no-such-spec-dir-mvc')]);
  assert.equal(r.code, 1);
  assert.notEqual(r.err, '');
});

test('cli: help lists diff and history, and each has its own', async () => {
  const main = await mvc(['--help']);
  assert.match(main.out, /mvc diff <from> <to>/);
  assert.match(main.out, /mvc history "<METHOD> <path>" \[<field>\]/);
  assert.match((await mvc(['diff', '--help'])).out, /--fail-on LEVEL/);
  assert.match((await mvc(['history', '--help'])).out, /mvc history "GET \/servers\/\{server_id\}" \/server\/locked/);
});

test('cli history: an operation, a field through $ref, and the unquoted form', async () => {
  const op = await mvc(['history', 'GET /gadgets', ...W]);
  assert.equal(op.code, 0);
  assert.equal(op.out, `GET /gadgets: added in 2.1; changed in 2.4

2.1  added    The base
       info      operation GET /gadgets added

2.4  changed  Retirements
       breaking  operation GET /gadgets retired: answers 410 Gone
`);
  const field = await mvc(['history', 'GET', '/widgets/{widget_id}', '/widget/color', ...W]);
  assert.equal(field.code, 0);
  assert.match(field.out, /^GET \/widgets\/\{widget_id\} \/widget\/color: added in 2\.1; changed in 2\.3, 2\.5\n/);
  assert.match(field.out, /2\.3 {2}changed {2}Enums and required fields\n {7}warning {3}enum value "blue" added to \/color of schema Widget\n/);
  const json = JSON.parse((await mvc(['history', 'POST /widgets', '/widget/legacy', ...W, '--format', 'json'])).out) as { entries: { version: string; event: string }[] };
  assert.deepEqual(json.entries.map((e) => `${e.version} ${e.event}`), ['2.1 added', '2.2 renamed', '2.3 changed']);
  const md = await mvc(['history', 'GET /widgets', 'query name', ...W, '--format', 'markdown']);
  assert.ok(md.out.startsWith('## History of `GET /widgets query name`\n\nadded in 2.2; removed in 2.4.\n'));
});

test('cli history: usage errors exit 2', async () => {
  assert.equal((await mvc(['history', ...W])).code, 2);
  const bad = await mvc(['history', 'FETCH /x', ...W]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /"FETCH \/x" is not an operation/);
  const field = await mvc(['history', 'GET /widgets', 'bogus field', ...W]);
  assert.equal(field.code, 2);
  assert.match(field.err, /"bogus field" is not a field/);
});
