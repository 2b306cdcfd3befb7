// compile() on random and mutated specs (the widgets fixture, edited as text, as data and as a set
// of files) always settles with diagnostics or success: it never throws, never hangs, and every
// diagnostic has a registered code and, when it has a location, a 1-based line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { compile, type CompileResult } from '../../src/compiler/pipeline.js';
import { memoryHost } from '../../src/compiler/host.js';
import { CODES } from '../../src/compiler/diagnostics/codes.js';
import { hasErrors } from '../../src/compiler/diagnostics/diagnostic.js';
import { allPaths, fixtureFiles, miniSpec, BASE, delta } from '../helpers.js';

type Files = Record<string, string>;

/** One compile may take this long at most (a clean fixture build takes ~100 ms). */
const TIME_BOUND_MS = 10_000;

async function compileBounded(files: Files): Promise<CompileResult> {
  let timer: NodeJS.Timeout | undefined;
  const t0 = performance.now();
  try {
    const r = await Promise.race([
      // workers: 0 validates on this thread: a worker per run would cost more than the run.
      compile({ specDir: '/spec', host: memoryHost(files), workers: 0 }),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`compile() did not settle within ${TIME_BOUND_MS} ms`)), TIME_BOUND_MS); }),
    ]);
    assert.ok(performance.now() - t0 < TIME_BOUND_MS, 'compile() took too long');
    return r;
  } finally {
    clearTimeout(timer);
  }
}

function assertWellFormed(r: CompileResult, files: Files): void {
  assert.ok(Array.isArray(r.diagnostics));
  for (const d of r.diagnostics) {
    assert.ok(Object.hasOwn(CODES, d.code), `unregistered code ${d.code}`);
    assert.ok(d.severity === 'error' || d.severity === 'warning', `severity ${d.severity}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `${d.code}: empty message`);
    if (d.location) {
      const { file, line, col } = d.location;
      assert.equal(typeof file, 'string');
      assert.ok(Number.isInteger(line) && line >= 1, `${d.code} at ${file}:${line}:${col}: line must be 1-based (${d.message})`);
      assert.ok(Number.isInteger(col) && col >= 1, `${d.code} at ${file}:${line}:${col}: col must be 1-based (${d.message})`);
      if (file in files) assert.ok(line <= files[file]!.split(/\r\n|\r|\n/).length + 1, `${d.code} at ${file}:${line}: past the end of the file`);
    }
  }
  if (hasErrors(r.diagnostics)) assert.equal(r.versions.length, 0, 'a failed build emits nothing');
  else assert.equal(r.versions.length, r.deltas.length, 'a clean build emits every version');
}

async function compilesSafely(files: Files): Promise<CompileResult> {
  let r: CompileResult | undefined;
  try {
    r = await compileBounded(files);
  } catch (err) {
    assert.fail(`compile() threw: ${err instanceof Error ? err.stack : String(err)}`);
  }
  assertWellFormed(r, files);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Mutations

const FIXTURE = fixtureFiles();

/** Object.prototype's member names, which once broke lookups as keys and kinds. */
const PROTO = new Set(Object.getOwnPropertyNames(Object.prototype));
const KNOWN_KEYS = ['kind', 'where', 'schema', 'properties', 'required', 'type', 'description', 'summary', 'version', 'changes', 'release', 'operation',
  'responses', 'errors', 'parameters', 'in', 'name', 'request', 'actions', 'action', 'set', 'unset', 'enumAdded', 'to', 'answers', 'servers', 'url', 'info',
  'title', 'tags', 'releases', 'fault', 'header', 'response', 'error', 'items', '$ref', 'enum', 'x-foo', '200', '404', 'note', 'gone'];
const ODD_KEYS = ['', ' ', 'a b', 'é', '__proto__', 'constructor', 'prototype', 'Kind', 'kinds', 'wher', 'x-', '1', '-1', '~', '<<'];
const keyArb = (proto: boolean) => fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  ...(proto ? [{ weight: 3, arbitrary: fc.constantFrom(...PROTO) }] : []),
).filter((k) => proto || !PROTO.has(k) || ['__proto__', 'constructor'].includes(k));

const KINDS = ['operation.add', 'operation.remove', 'operation.change', 'action.add', 'action.remove', 'action.change', 'parameter.add', 'parameter.remove',
  'parameter.change', 'body.add', 'body.remove', 'body.replace', 'property.add', 'property.remove', 'property.rename', 'property.change', 'response.add',
  'response.remove', 'response.change', 'status.change', 'header.add', 'header.remove', 'servers.change', 'schema.add', 'schema.remove'];
const kindArb = (proto: boolean) => fc.oneof(
  fc.constantFrom(...KINDS),
  fc.constantFrom('operation.ad', 'Operation.add', 'property', 'schema.replace', '', ' ', 'x', 'operation.add '),
  fc.string({ maxLength: 12 }),
  ...(proto ? [fc.constantFrom(...PROTO)] : []),
).filter((k) => proto || !PROTO.has(k));

const WHERE_TOKENS = ['GET', 'POST', 'PUT', 'DELETE', 'get', '*', 'schema', 'Widget', 'Color', 'Nope', '/widgets', '/widgets/{widget_id}', '/widgets/{widget_id}/action',
  '#paint', '#polish', '#', 'request', 'response', '200', '201', '202', '404', '999', 'header', 'query', 'path', 'limit', 'widget_id', 'Location',
  '/widget', '/widget/name', '/widgets/[]/color', '/[]', '/{}', '/[0]', '/~1', '//', '/', '/__proto__', 'X-Widget-API-Version'];
const whereArb = fc.oneof(
  fc.array(fc.constantFrom(...WHERE_TOKENS), { minLength: 0, maxLength: 7 }).map((ts) => ts.join(' ')),
  fc.string({ maxLength: 30 }),
);

const SCALARS: unknown[] = [0, 1, -1, 1.5, 2.1, 2.10, 1e300, true, false, null, '', 'x', '2.10', '2.1', ' ', 'true', '200', [], {}, [1, 'a'], { a: 1 }, ['x']];

const SNIPPETS = [': ', '- ', '\n', '\n  ', '\t', '&a ', '*a', '!!binary ', '!!str ', '? ', '{', '}', '[', ']', '"', "'", '|', '>', '#', '%YAML 1.1\n', '---\n', '...\n',
  '\ufeff', '\r', '\r\n', '\u0000', '<<: *a\n', 'x: &a [1]\ny: *a\n', ': :', ',', '@', '`', '\u2028', '\u0085'];
const junkArb = fc.oneof(
  fc.constantFrom(...SNIPPETS),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.uint8Array({ maxLength: 12 }).map((b) => String.fromCharCode(...b)),
);

const FILE_NAMES = ['2.1.yaml', '2.2.yaml', '2.7.yaml', '2.01.yaml', '2.10.yaml', '3.1.yaml', '2.3.yml', 'x.yaml', '.hidden.yaml', 'README.md', '2.yaml', '2.2.2.yaml'];

type Mutation =
  | { t: 'truncate'; file: number; at: number }
  | { t: 'insert'; file: number; at: number; text: string }
  | { t: 'delete-lines'; file: number; line: number; count: number }
  | { t: 'duplicate-line'; file: number; line: number }
  | { t: 'swap-lines'; file: number; line: number; other: number }
  | { t: 'indent'; file: number; line: number; by: number }
  | { t: 'delete-key'; file: number; at: number }
  | { t: 'duplicate-key'; file: number; at: number; key: string }
  | { t: 'rename-key'; file: number; at: number; key: string }
  | { t: 'change-type'; file: number; at: number; value: unknown }
  | { t: 'set-where'; file: number; at: number; where: string }
  | { t: 'set-kind'; file: number; at: number; kind: string }
  | { t: 'copy-change'; file: number; at: number; to: number }
  | { t: 'rename-file'; file: number; name: string }
  | { t: 'shuffle-versions'; seed: number }
  | { t: 'drop-file'; file: number }
  | { t: 'add-file'; name: string; text: string };

function mutationArb(proto: boolean): fc.Arbitrary<Mutation> {
  const file = fc.nat(), at = fc.nat(), line = fc.nat();
  return fc.oneof(
    fc.record({ t: fc.constant('truncate' as const), file, at }),
    fc.record({ t: fc.constant('insert' as const), file, at, text: junkArb }),
    fc.record({ t: fc.constant('delete-lines' as const), file, line, count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ t: fc.constant('duplicate-line' as const), file, line }),
    fc.record({ t: fc.constant('swap-lines' as const), file, line, other: line }),
    fc.record({ t: fc.constant('indent' as const), file, line, by: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ t: fc.constant('delete-key' as const), file, at }),
    fc.record({ t: fc.constant('duplicate-key' as const), file, at, key: keyArb(proto) }),
    fc.record({ t: fc.constant('rename-key' as const), file, at, key: keyArb(proto) }),
    fc.record({ t: fc.constant('change-type' as const), file, at, value: fc.constantFrom(...SCALARS) }),
    fc.record({ t: fc.constant('set-where' as const), file, at, where: whereArb }),
    fc.record({ t: fc.constant('set-kind' as const), file, at, kind: kindArb(proto) }),
    fc.record({ t: fc.constant('copy-change' as const), file, at, to: fc.nat() }),
    fc.record({ t: fc.constant('rename-file' as const), file, name: fc.constantFrom(...FILE_NAMES) }),
    fc.record({ t: fc.constant('shuffle-versions' as const), seed: fc.nat() }),
    fc.record({ t: fc.constant('drop-file' as const), file }),
    fc.record({ t: fc.constant('add-file' as const), name: fc.constantFrom(...FILE_NAMES), text: fc.oneof(junkArb, fc.constant(delta('2.7', '  - kind: schema.remove\n    where: schema Color\n'))) }),
  );
}

type Path = (string | number)[];
const parentOf = (root: unknown, p: Path) => p.slice(0, -1).reduce<Record<string | number, unknown>>((n, k) => n[k] as Record<string | number, unknown>, root as Record<string, unknown>);

/** Edits the parsed value of a file; a file that does not parse (any more) is left as it is. */
function editValue(text: string, edit: (value: Record<string, unknown>) => void): string {
  let value: unknown;
  try { value = parse(text); } catch { return text; }
  if (typeof value !== 'object' || value === null) return text;
  edit(value as Record<string, unknown>);
  return stringify(value);
}

const changesOf = (v: Record<string, unknown>) => (Array.isArray(v['changes']) ? (v['changes'] as unknown[]).filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null && !Array.isArray(c)) : []);

function apply(files: Files, m: Mutation): Files {
  const names = Object.keys(files).sort();
  if (names.length === 0) return files;
  const out = { ...files };
  const pick = (n: number) => names[n % names.length]!;
  const lines = (f: string) => out[f]!.split('\n');
  switch (m.t) {
    case 'truncate': { const f = pick(m.file); out[f] = out[f]!.slice(0, m.at % (out[f]!.length + 1)); break; }
    case 'insert': { const f = pick(m.file); const i = m.at % (out[f]!.length + 1); out[f] = out[f]!.slice(0, i) + m.text + out[f]!.slice(i); break; }
    case 'delete-lines': { const f = pick(m.file); const ls = lines(f); ls.splice(m.line % ls.length, m.count); out[f] = ls.join('\n'); break; }
    case 'duplicate-line': { const f = pick(m.file); const ls = lines(f); const i = m.line % ls.length; ls.splice(i, 0, ls[i]!); out[f] = ls.join('\n'); break; }
    case 'swap-lines': { const f = pick(m.file); const ls = lines(f); const i = m.line % ls.length, j = (m.other * 7 + 3) % ls.length; [ls[i], ls[j]] = [ls[j]!, ls[i]!]; out[f] = ls.join('\n'); break; }
    case 'indent': { const f = pick(m.file); const ls = lines(f); const i = m.line % ls.length; ls[i] = m.by >= 0 ? ' '.repeat(m.by) + ls[i] : ls[i]!.slice(-m.by); out[f] = ls.join('\n'); break; }
    case 'delete-key': case 'duplicate-key': case 'rename-key': case 'change-type': {
      const f = pick(m.file);
      out[f] = editValue(out[f]!, (v) => {
        const ps = allPaths(v);
        if (!ps.length) return;
        const p = ps[m.at % ps.length]!;
        const parent = parentOf(v, p);
        const last = p[p.length - 1]!;
        if (m.t === 'change-type') parent[last] = structuredClone(m.value);
        else if (Array.isArray(parent)) {
          if (m.t === 'delete-key') parent.splice(last as number, 1);
          else parent.push(structuredClone(parent[last as number]));
        } else {
          const val = parent[last];
          if (m.t !== 'duplicate-key') delete parent[last];
          if (m.t !== 'delete-key') Object.defineProperty(parent, m.key, { value: structuredClone(val), enumerable: true, writable: true, configurable: true });
        }
      });
      break;
    }
    case 'set-where': case 'set-kind': {
      const f = pick(m.file);
      out[f] = editValue(out[f]!, (v) => {
        const cs = changesOf(v);
        if (cs.length) cs[m.at % cs.length]![m.t === 'set-where' ? 'where' : 'kind'] = m.t === 'set-where' ? m.where : m.kind;
      });
      break;
    }
    case 'copy-change': {
      const from = pick(m.file), to = pick(m.to);
      let change: unknown;
      editValue(out[from]!, (v) => { const cs = changesOf(v); if (cs.length) change = cs[m.at % cs.length]; });
      if (change !== undefined) out[to] = editValue(out[to]!, (v) => { if (Array.isArray(v['changes'])) (v['changes'] as unknown[]).push(change); });
      break;
    }
    case 'rename-file': { const f = pick(m.file); const text = out[f]!; delete out[f]; out[`/spec/versions/${m.name}`] = text; break; }
    case 'shuffle-versions': {
      const vs = names.filter((n) => n.startsWith('/spec/versions/'));
      const texts = vs.map((n) => out[n]!);
      vs.forEach((n, i) => { out[n] = texts[(i + m.seed) % texts.length]!; });
      break;
    }
    case 'drop-file': delete out[pick(m.file)]; break;
    case 'add-file': out[`/spec/versions/${m.name}`] = m.text; break;
  }
  return out;
}

const specArb = (proto: boolean) => fc.array(mutationArb(proto), { minLength: 1, maxLength: 3 }).map((ms) => ({ ms, files: ms.reduce(apply, FIXTURE) }));

// ---------------------------------------------------------------------------------------------

test('the unmutated fixture compiles cleanly (the baseline the mutations start from)', async () => {
  const r = await compilesSafely(FIXTURE);
  assert.deepStrictEqual(r.diagnostics, []);
  assert.equal(r.versions.length, 6);
});

test('compile() settles with well-formed diagnostics on mutated specs', async () => {
  let clean = 0, failed = 0;
  await fc.assert(
    fc.asyncProperty(specArb(false), async ({ files }) => {
      const r = await compilesSafely(files);
      if (hasErrors(r.diagnostics)) failed++; else clean++;
    }),
    { numRuns: 150 },
  );
  // Both outcomes occur, so the property is about something.
  assert.ok(failed > 30, `${failed} failed builds`);
  assert.ok(clean > 0, `${clean} clean builds`);
});

test('compile() settles on random text in every file', async () => {
  const textArb = fc.oneof(junkArb, fc.string({ unit: 'binary', maxLength: 200 }), fc.array(junkArb, { maxLength: 20 }).map((xs) => xs.join('')));
  await fc.assert(
    fc.asyncProperty(textArb, textArb, fc.array(fc.tuple(fc.constantFrom(...FILE_NAMES), textArb), { maxLength: 3 }), async (api, v1, more) => {
      const files: Files = { '/spec/api.yaml': api, '/spec/versions/2.1.yaml': v1 };
      for (const [n, t] of more) files[`/spec/versions/${n}`] = t;
      await compilesSafely(files);
    }),
    { numRuns: 60 },
  );
});

test('compile() settles on nasty inputs', async () => {
  const bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
  const nested = (n: number) => `version: "2.1"\nsummary: s\ndescription: d\nchanges:\n  - kind: schema.add\n    where: schema Deep\n    schema: ${'{ type: array, items: '.repeat(n)}{ type: string }${' }'.repeat(n)}\n`;
  const cases: [string, Files][] = [
    ['no files at all', {}],
    ['no versions folder', { '/spec/api.yaml': FIXTURE['/spec/api.yaml']! }],
    ['no api.yaml', Object.fromEntries(Object.entries(FIXTURE).filter(([k]) => !k.endsWith('api.yaml')))],
    ['empty files', { '/spec/api.yaml': '', '/spec/versions/2.1.yaml': '' }],
    ['only a BOM', { ...FIXTURE, '/spec/versions/2.1.yaml': '\ufeff' }],
    ['only comments', { ...FIXTURE, '/spec/versions/2.2.yaml': '# nothing\n# here\n' }],
    ['a YAML list instead of a mapping', { ...FIXTURE, '/spec/versions/2.2.yaml': '- a\n- b\n' }],
    ['a scalar document', { ...FIXTURE, '/spec/api.yaml': '42\n' }],
    ['two documents', { ...FIXTURE, '/spec/versions/2.2.yaml': `${FIXTURE['/spec/versions/2.2.yaml']}\n---\nx: 1\n` }],
    ['CRLF line ends', Object.fromEntries(Object.entries(FIXTURE).map(([k, v]) => [k, v.replace(/\n/g, '\r\n')]))],
    ['CR line ends', Object.fromEntries(Object.entries(FIXTURE).map(([k, v]) => [k, v.replace(/\n/g, '\r')]))],
    ['tabs for indentation', { ...FIXTURE, '/spec/versions/2.2.yaml': FIXTURE['/spec/versions/2.2.yaml']!.replace(/^ {2}/gm, '\t') }],
    ['an alias bomb', { ...FIXTURE, '/spec/versions/2.2.yaml': bomb }],
    ['a merge key', { ...FIXTURE, '/spec/versions/2.2.yaml': `base: &b { kind: schema.remove }\n${FIXTURE['/spec/versions/2.2.yaml']!.replace('changes:', 'changes:\n  - <<: *b\n    where: schema Widget')}` }],
    ['deep nesting, 300', miniSpec({ '2.1.yaml': nested(300) })],
    ['deep nesting, 5000', miniSpec({ '2.1.yaml': nested(5000) })],
    ['a long line', { ...FIXTURE, '/spec/versions/2.2.yaml': `${FIXTURE['/spec/versions/2.2.yaml']}\nx: ${'a'.repeat(200_000)}\n` }],
    ['many changes', miniSpec({ '2.1.yaml': BASE + Array.from({ length: 300 }, (_, i) => `  - kind: schema.add\n    where: schema S${i}\n    schema: { type: string }\n`).join('') })],
    ['version 2.10 unquoted', miniSpec({ '2.1.yaml': BASE.replace('version: "2.1"', 'version: 2.10') })],
    ['a gap in the versions', miniSpec({ '2.1.yaml': BASE, '2.3.yaml': delta('2.3', '  - kind: schema.add\n    where: schema S\n    schema: { type: string }\n') })],
    ['a binary file', { ...FIXTURE, '/spec/versions/2.2.yaml': String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)) }],
  ];
  for (const [name, files] of cases) {
    await assert.doesNotReject(async () => { await compilesSafely(files); }, name);
  }
});

// ---------------------------------------------------------------------------------------------
// Known bugs: names that are members of Object.prototype.


test('compile() settles on a change whose kind is an Object.prototype member', async () => {
  for (const kind of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    await compilesSafely(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', `  - kind: ${kind}\n    where: GET /things\n`) }));
  }
});

test('compile() settles on a key that is an Object.prototype member', async () => {
  await compilesSafely(miniSpec({ '2.1.yaml': BASE.replace('summary: Base', 'toString: x\nsummary: Base') }));
  await compilesSafely(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', '  - kind: schema.add\n    where: schema A\n    valueOf: 1\n    schema: { type: string }\n') }));
  await compilesSafely(miniSpec({ '2.1.yaml': BASE, '2.2.yaml': delta('2.2', '  - kind: schema.add\n    where: schema A\n    schema: { type: string, isPrototypeOf: 1 }\n') }));
  await compilesSafely({ ...miniSpec({ '2.1.yaml': BASE }), '/spec/api.yaml': 'info: { title: Mini, hasOwnProperty: 1 }\nerrors: {}\nreleases: {}\ntags: []\n' });
});

test('compile() settles on mutated specs, Object.prototype names included', async () => {
  await fc.assert(fc.asyncProperty(specArb(true), async ({ files }) => { await compilesSafely(files); }), { numRuns: 150, endOnFailure: true });
});

test('a release named like an Object.prototype member is reported as undeclared', async () => {
  const r = await compilesSafely(miniSpec({ '2.1.yaml': BASE.replace('description: Base.', 'description: Base.\nrelease: toString') }));
  assert.deepStrictEqual(r.diagnostics.map((d) => d.code), ['check/unknown-release']);
});
