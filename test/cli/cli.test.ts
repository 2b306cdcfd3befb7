// The built CLI (node bin/mvc.js …) as a child process, against copies of the widgets fixture in
// temporary folders: exit codes, usage, what is written and what is left alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE, ROOT } from '../helpers.js';
import { toYaml } from '../../src/compiler/util/yaml-writer.js';

const BIN = path.join(ROOT, 'bin/mvc.js');
const USAGE_HINT = 'Run "mvc --help" for usage.\n';
let TMP = '';

interface Run { readonly status: number | null; readonly stdout: string; readonly stderr: string; readonly ms: number }

function mvc(cwd: string, ...args: string[]): Run {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, CI: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

let n = 0;
/** A fresh folder with spec/ a copy of the widgets fixture. */
function project(): string {
  const dir = path.join(TMP, `p${++n}`);
  fs.mkdirSync(dir);
  fs.cpSync(FIXTURE, path.join(dir, 'spec'), { recursive: true });
  return dir;
}

let BUILT = '';
/** A fresh copy of a project that `mvc build` has built (out/ included). */
function builtProject(): string {
  const dir = path.join(TMP, `p${++n}`);
  fs.cpSync(BUILT, dir, { recursive: true });
  return dir;
}

/** Every file and folder under `dir` (dot files too) → sha256 of its bytes, or 'dir'. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p).split(path.sep).join('/');
      if (e.isDirectory()) { out[`${rel}/`] = 'dir'; walk(p); } else out[rel] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${from} not in ${file}`);
  fs.writeFileSync(file, text.replace(from, to));
}

/** line:col (1-based) of `needle` in a file. */
function pos(file: string, needle: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${file}`);
  const lines = text.slice(0, i).split('\n');
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

const built = (r: Run) => assert.equal(r.status, 0, `exit ${r.status}\n${r.stderr}`);
const openapiNames = (dir: string) => fs.readdirSync(path.join(dir, 'out/openapi')).sort();

before(() => {
  // Type errors are the typecheck's business (npm test runs it first); tsc still emits, and these
  // tests judge the CLI by what it does. Only a build that emitted nothing stops them.
  const t0 = Date.now();
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  const cli = path.join(ROOT, 'dist/src/cli.js');
  assert.ok(fs.existsSync(cli) && fs.statSync(cli).mtimeMs >= t0 - 1000, `tsc -p tsconfig.build.json emitted no dist/src/cli.js (exit ${tsc.status}):\n${tsc.stdout}${tsc.stderr}`);
  if (tsc.status !== 0) process.stderr.write(`warning: tsc -p tsconfig.build.json exited ${tsc.status}:\n${tsc.stdout}${tsc.stderr}`);
  TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-cli-'));
  BUILT = project();
  built(mvc(BUILT, 'build'));
});

after(() => {
  if (TMP) fs.rmSync(TMP, { recursive: true, force: true });
});

describe('exit codes', () => {
  test('0: build, check and show of a good spec', () => {
    const dir = project();
    const b = mvc(dir, 'build');
    built(b);
    assert.match(b.stdout, /^mvc: .*\b6 version\(s\)/);
    assert.equal(b.stderr, '');
    const c = mvc(dir, 'check');
    assert.equal(c.status, 0, c.stderr);
    assert.equal(c.stdout, 'mvc: 6 version(s) checked and folded, no errors\n');
    assert.equal(c.stderr, '');
    assert.equal(mvc(dir, 'show', '2.1').status, 0);
  });

  test('1: diagnostics, on stderr with a count', () => {
    const dir = project();
    const file = path.join(dir, 'spec/versions/2.4.yaml');
    edit(file, '    answers: 404\n', '    anwsers: 404\n');
    for (const cmd of ['build', 'check']) {
      const r = mvc(dir, cmd);
      assert.equal(r.status, 1, `${cmd}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `spec/versions/2.4.yaml:${pos(file, 'anwsers')} error check/unknown-key: 2.4: changes[0]: unknown key "anwsers"; expected "answers" or one of kind, where, note, answers\n1 error\n`);
    }
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
  });

  test('1: --versions naming a version the spec does not have', () => {
    const dir = project();
    const r = mvc(dir, 'build', '--versions', '2.9');
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '<spec> error check/bad-value: --versions names 2.9, which is not in the spec; expected a version from 2.1 to 2.6\n1 error\n');
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
  });

  test('1: a spec folder that does not exist', () => {
    const dir = project();
    const r = mvc(dir, 'check', '--spec', 'nope');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^<spec> error load\/read-failed: cannot read nope\/api\.yaml: ENOENT/);
  });

  const usage: [string[], string][] = [
    [['frobnicate'], 'mvc: unknown command "frobnicate"'],
    [['build', '--bogus'], 'mvc: unknown option --bogus'],
    [['check', '--out', 'x'], 'mvc: unknown option --out'],
    [['show', '2.1', '--verbose'], 'mvc: unknown option --verbose'],
    [['build', '--versions', '2.x'], 'mvc: --versions takes A..B, A.., ..B or A (e.g. 2.1..2.30), not "2.x"'],
    [['build', '--versions', '2.1..2'], 'mvc: --versions takes A..B, A.., ..B or A (e.g. 2.1..2.30), not "2.1..2"'],
    [['build', '--versions=2.1...2.3'], 'mvc: --versions takes A..B, A.., ..B or A (e.g. 2.1..2.30), not "2.1...2.3"'],
    [['build', '--versions'], 'mvc: --versions needs a value'],
    [['build', 'extra'], 'mvc: build takes no arguments, got "extra"'],
    [['check', 'extra'], 'mvc: check takes no arguments, got "extra"'],
    [['show'], 'mvc: show takes <version> [<METHOD> <path>]'],
    [['show', '2.2', 'GET'], 'mvc: show takes <version> [<METHOD> <path>]'],
    [['show', '2.2', '--format', 'xml'], 'mvc: --format takes yaml or json, not "xml"'],
  ];
  let shared = '';
  for (const [args, first] of usage) {
    test(`2: mvc ${args.join(' ')}`, () => {
      const dir = shared || (shared = project());
      const before = snapshot(dir);
      const r = mvc(dir, ...args);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.startsWith(first), r.stderr);
      assert.ok(r.stderr.endsWith(`\n${USAGE_HINT}`), r.stderr);
      assert.deepEqual(snapshot(dir), before, 'a usage error wrote something');
    });
  }

  test('2: mvc with no command prints the usage', () => {
    const r = mvc(TMP);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /^mvc: compiles .*\n\nUsage:\n/);
  });
});

describe('--help', () => {
  for (const args of [['--help'], ['-h'], ['help']]) {
    test(`mvc ${args.join(' ')}`, () => {
      const r = mvc(TMP, ...args);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^mvc: compiles .*\n\nUsage:\n/);
      for (const cmd of ['build', 'check', 'show']) assert.match(r.stdout, new RegExp(`\\n  mvc ${cmd} `));
      assert.match(r.stdout, /Exit codes: 0 ok, 1 diagnostics \(errors in the spec\), 2 usage\./);
    });
  }
  for (const cmd of ['build', 'check', 'show']) {
    test(`mvc ${cmd} --help prints its usage and does nothing else`, () => {
      const dir = project();
      const before = snapshot(dir);
      for (const h of ['--help', '-h']) {
        const r = mvc(dir, cmd, h);
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stderr, '');
        assert.ok(r.stdout.startsWith(`mvc ${cmd} [`) || r.stdout.startsWith(`mvc ${cmd} <`), r.stdout);
      }
      assert.deepEqual(snapshot(dir), before);
    });
  }
});

describe('a failed build reports every error and leaves out/ alone', () => {
  test('a YAML syntax error in one delta and an unknown key in another, in one run', () => {
    const dir = builtProject();
    fs.writeFileSync(path.join(dir, 'out/README.md'), 'Generated by mvc; do not edit.\n');
    const before = snapshot(path.join(dir, 'out'));
    const f22 = path.join(dir, 'spec/versions/2.2.yaml');
    const f23 = path.join(dir, 'spec/versions/2.3.yaml');
    edit(f22, 'summary: Status codes, renames', 'summary: Status codes: renames');
    edit(f23, '    enumAdded: [blue]\n', '    enumAddd: [blue]\n');
    const expected = [
      `spec/versions/2.2.yaml:${pos(f22, 'Status codes:')} error load/yaml-syntax: 2.2: Nested mappings are not allowed in compact mappings; expected valid YAML`,
      '    yaml: BLOCK_AS_IMPLICIT_KEY',
      `spec/versions/2.3.yaml:${pos(f23, 'enumAddd')} error check/unknown-key: 2.3: changes[0]: unknown key "enumAddd"; expected "enumAdded" or one of kind, where, note, set, unset, enumAdded, enumRemoved, required`,
      '2 errors',
      '',
    ].join('\n');
    for (const cmd of ['build', 'check']) {
      const r = mvc(dir, cmd);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, expected);
    }
    assert.deepEqual(snapshot(path.join(dir, 'out')), before);
  });

  test('an error found by the fold, or only in the emitted document, changes nothing either', () => {
    const dir = builtProject();
    const before = snapshot(path.join(dir, 'out'));
    const f25 = path.join(dir, 'spec/versions/2.5.yaml');
    const original = fs.readFileSync(f25, 'utf8');
    edit(f25, '    where: schema Widget /size\n', '    where: schema Widget /sizes\n');
    let r = mvc(dir, 'build');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^spec\/versions\/2\.5\.yaml:\d+:12 error fold\/not-found: 2\.5: property\.remove at "schema Widget \/sizes"/);
    assert.deepEqual(snapshot(path.join(dir, 'out')), before);
    fs.writeFileSync(f25, original);
    edit(path.join(dir, 'spec/versions/2.3.yaml'), '{ url: "/v2.1", description: Relative to the host. }', '{ url: "{v}", variables: { v: { default: "/v2.1", enum: [] } } }');
    r = mvc(dir, 'build');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^<version 2\.3> error emit\/openapi-invalid: 2\.3: the emitted OpenAPI document is invalid at \/servers\/0\/variables\/v\/enum: /);
    assert.deepEqual(snapshot(path.join(dir, 'out')), before);
  });
});

describe('--out', () => {
  test('an openapi/ folder mvc did not make is refused, and nothing in it changes', () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, 'out/openapi'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'out/openapi/handwritten.yaml'), 'openapi: 3.1.0\n');
    const before = snapshot(dir);
    const r = mvc(dir, 'build');
    assert.equal(r.status, 1);
    assert.equal(r.stderr.split('\n')[0], '<spec> error write/out-not-ours: out/openapi holds 1 file(s) but no .mvc-manifest.json, so mvc did not make it; expected an empty folder or one written by mvc (move it away or pick another --out)');
    assert.deepEqual(snapshot(dir), before);
  });

  test('--out naming a file is refused', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'target'), 'a file\n');
    const before = snapshot(dir);
    const r = mvc(dir, 'build', '--out', 'target');
    assert.equal(r.status, 1);
    assert.equal(r.stderr.split('\n')[0], '<spec> error write/out-not-ours: --out target is a file; expected a folder');
    assert.deepEqual(snapshot(dir), before);
  });

  test('a folder mvc made is replaced; files beside openapi/ survive', () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, 'site/notes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site/README.md'), 'Our generated output.\n');
    fs.writeFileSync(path.join(dir, 'site/notes/intro.md'), '# Intro\n');
    const beside = snapshot(path.join(dir, 'site'));
    built(mvc(dir, 'build', '--out', 'site'));
    const first = fs.readdirSync(path.join(dir, 'site/openapi')).sort();
    assert.ok(first.includes('.mvc-manifest.json') && first.includes('2.6.json'), first.join(', '));
    fs.writeFileSync(path.join(dir, 'site/openapi/stale.json'), '{}\n');
    edit(path.join(dir, 'spec/versions/2.6.yaml'), 'summary: Removals', 'summary: Removals, edited');
    built(mvc(dir, 'build', '--out', 'site'));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'site/openapi')).sort(), first);
    assert.match(fs.readFileSync(path.join(dir, 'site/openapi/2.6.yaml'), 'utf8'), /Removals, edited/);
    const now = snapshot(path.join(dir, 'site'));
    for (const [f, h] of Object.entries(beside)) assert.equal(now[f], h, `${f} changed`);
  });
});

describe('reproducible output', () => {
  test('two builds of the same spec are byte-identical', () => {
    const a = project();
    const b = project();
    built(mvc(a, 'build'));
    built(mvc(b, 'build'));
    const sa = snapshot(path.join(a, 'out'));
    assert.ok(Object.keys(sa).length > 10);
    assert.deepEqual(snapshot(path.join(b, 'out')), sa);
    // A second build into the same folder (the up-to-date path) leaves every byte as it was.
    built(mvc(a, 'build'));
    assert.deepEqual(snapshot(path.join(a, 'out')), sa);
    // With the cache off, too.
    built(mvc(b, 'build', '--no-cache'));
    assert.deepEqual(snapshot(path.join(b, 'out/openapi')), snapshot(path.join(a, 'out/openapi')));
  });

  test('a damaged output file is written again by the next build', () => {
    const dir = builtProject();
    const good = snapshot(path.join(dir, 'out'));
    const file = path.join(dir, 'out/openapi/2.1.json');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('"3.1.0"', '"3.0.9"'));
    built(mvc(dir, 'build'));
    assert.deepEqual(snapshot(path.join(dir, 'out')), good);
  });
});

describe('check, show and --versions', () => {
  test('mvc check writes nothing', () => {
    const dir = project();
    const before = snapshot(dir);
    const r = mvc(dir, 'check');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(snapshot(dir), before);
    // Nor beside an earlier build.
    const other = builtProject();
    const out = snapshot(other);
    assert.equal(mvc(other, 'check').status, 0);
    assert.deepEqual(snapshot(other), out);
  });

  test('mvc show 2.2 POST /widgets prints the operation (yaml, json)', () => {
    const dir = project();
    const full = JSON.parse(fs.readFileSync(path.join(BUILT, 'out/openapi/2.2.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const op = full.paths['/widgets']!['post'];
    assert.ok(op);
    const y = mvc(dir, 'show', '2.2', 'POST', '/widgets');
    assert.equal(y.status, 0, y.stderr);
    assert.equal(y.stdout, toYaml(op));
    assert.match(y.stdout, /^operationId: createWidget\n/);
    const j = mvc(dir, 'show', '2.2', 'POST', '/widgets', '--format', 'json');
    assert.equal(j.status, 0, j.stderr);
    assert.equal(j.stdout, JSON.stringify(op, null, 2) + '\n');
    assert.deepEqual(fs.existsSync(path.join(dir, 'out')), false);
  });

  test('mvc show of a whole version, and of an operation that is not there', () => {
    const dir = project();
    const doc = mvc(dir, 'show', '2.3', '--format', 'json');
    assert.equal(doc.status, 0, doc.stderr);
    assert.deepEqual(JSON.parse(doc.stdout), JSON.parse(fs.readFileSync(path.join(BUILT, 'out/openapi/2.3.json'), 'utf8')));
    const missing = mvc(dir, 'show', '2.2', 'DELETE', '/widgets');
    assert.equal(missing.status, 1);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'mvc: 2.2 has no operation DELETE /widgets\n');
  });

  test('--versions 2.2..2.3 emits exactly 2.2 and 2.3', () => {
    const dir = project();
    built(mvc(dir, 'build', '--versions', '2.2..2.3'));
    // all.yaml/all.json combine the versions emitted: here 2.2 and 2.3.
    assert.deepEqual(openapiNames(dir), ['.mvc-manifest.json', '2.2.json', '2.2.yaml', '2.3.json', '2.3.yaml', 'all.json', 'all.yaml', 'index.json']);
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'out/openapi/index.json'), 'utf8')) as { versions: { version: string }[] };
    assert.deepEqual(index.versions.map((v) => v.version), ['2.2', '2.3']);
    for (const f of ['2.2.json', '2.2.yaml', '2.3.json', '2.3.yaml']) {
      assert.equal(fs.readFileSync(path.join(dir, 'out/openapi', f), 'utf8'), fs.readFileSync(path.join(BUILT, 'out/openapi', f), 'utf8'), `${f} differs from the full build's`);
    }
  });

  test('open and single-version ranges', () => {
    for (const [range, want] of [['2.5..', ['2.5', '2.6']], ['..2.2', ['2.1', '2.2']], ['2.4', ['2.4']]] as const) {
      const dir = project();
      built(mvc(dir, 'build', '--versions', range));
      assert.deepEqual(openapiNames(dir), ['.mvc-manifest.json', ...want.flatMap((v) => [`${v}.json`, `${v}.yaml`]), 'all.json', 'all.yaml', 'index.json'], range);
    }
  });

  test('a reversed range is refused and writes nothing', () => {
    const dir = builtProject();
    const before = snapshot(dir);
    const r = mvc(dir, 'build', '--versions', '2.3..2.2');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /2\.3\.\.2\.2|2\.3.*2\.2/);
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('hostile input', () => {
  const BILLION_LAUGHS = [
    'lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    '',
  ].join('\n');

  const ALIAS_LIMIT = 'spec/versions/2.2.yaml:1:1 error load/alias-limit: 2.2: Excessive alias count indicates a resource exhaustion attack; expected at most 1000 alias expansions';

  test('a YAML alias bomb answers load/alias-limit quickly', () => {
    const dir = builtProject();
    const before = snapshot(dir + '/out');
    fs.writeFileSync(path.join(dir, 'spec/versions/2.2.yaml'), BILLION_LAUGHS);
    for (const cmd of ['check', 'build']) {
      const r = mvc(dir, cmd);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(r.ms < 5000, `${cmd} took ${r.ms} ms`);
      assert.equal(r.stderr.split('\n')[0], ALIAS_LIMIT);
    }
    assert.deepEqual(snapshot(dir + '/out'), before);
  });

  test('… and reports nothing else', () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, 'spec/versions/2.2.yaml'), BILLION_LAUGHS);
    const r = mvc(dir, 'check');
    assert.equal(r.stderr, `${ALIAS_LIMIT}\n1 error\n`);
  });

  /** Runs the built CLI's main() in a child and reports whether Object.prototype changed. */
  function probe(dir: string, args: string[]): { code: number; changed: boolean; polluted: boolean; stderr: string } {
    const script = `
      const names = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
      const before = names();
      const { main } = await import(process.env.MVC_CLI);
      const code = await main(JSON.parse(process.env.MVC_ARGS));
      const probe = {};
      process.stdout.write('\\n' + JSON.stringify({ code, changed: names() !== before, polluted: 'polluted' in probe || 'polluted' in Object || typeof probe.constructor.prototype.polluted !== 'undefined' }) + '\\n');
    `;
    // A file, not --eval: the build's validation workers inherit the parent's exec arguments.
    const file = path.join(TMP, 'probe.mjs');
    fs.writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], {
      cwd: dir, encoding: 'utf8', timeout: 30_000,
      env: { ...process.env, CI: '1', MVC_CLI: pathToFileURL(path.join(ROOT, 'dist/src/cli.js')).href, MVC_ARGS: JSON.stringify(args) },
    });
    assert.equal(r.status, 0, r.stderr);
    const last = r.stdout.trim().split('\n').pop()!;
    return { ...(JSON.parse(last) as { code: number; changed: boolean; polluted: boolean }), stderr: r.stderr };
  }

  test('__proto__ and constructor keys give check/forbidden-key and pollute nothing', () => {
    const dir = project();
    const file = path.join(dir, 'spec/versions/2.2.yaml');
    edit(file, 'description: Create answers 201', 'constructor: { prototype: { polluted: true } }\ndescription: Create answers 201');
    edit(file, '    to: 201\n', '    to: 201\n    __proto__: { polluted: true }\n');
    edit(file, 'schema: { type: integer, description: The size., nullable: true }', 'schema: { type: object, description: The size., properties: { __proto__: { type: string, polluted: true } } }');
    const expected = [
      `spec/versions/2.2.yaml:${pos(file, 'constructor')} error check/forbidden-key: 2.2: (the file): the key "constructor" is not allowed; expected an ordinary name`,
      `spec/versions/2.2.yaml:${pos(file, '__proto__: { polluted')} error check/forbidden-key: 2.2: changes[0]: the key "__proto__" is not allowed; expected an ordinary name`,
      `spec/versions/2.2.yaml:${pos(file, '__proto__: { type')} error check/forbidden-key: 2.2: changes[4].schema.properties: the key "__proto__" is not allowed; expected an ordinary name`,
      '3 errors',
      '',
    ].join('\n');
    const r = mvc(dir, 'check');
    assert.equal(r.status, 1);
    assert.equal(r.stderr, expected);
    for (const cmd of ['check', 'build']) {
      const p = probe(dir, [cmd]);
      assert.equal(p.code, 1);
      assert.equal(p.stderr, expected);
      assert.equal(p.changed, false, 'Object.prototype gained a property');
      assert.equal(p.polluted, false);
    }
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
  });

  test('__proto__ inside free-form values (default, example) pollutes nothing, even through a build', () => {
    const dir = project();
    edit(path.join(dir, 'spec/versions/2.2.yaml'), 'schema: { type: integer, description: The size., nullable: true }',
      'schema: { type: integer, description: The size., nullable: true, default: { __proto__: { polluted: true } }, example: { constructor: { prototype: { polluted: true } } } }');
    for (const cmd of ['check', 'build']) {
      const p = probe(dir, [cmd]);
      assert.equal(p.changed, false, `${cmd}: Object.prototype gained a property`);
      assert.equal(p.polluted, false, cmd);
    }
  });
});
