// Redocly CLI lints every emitted Nova document with redocly.yaml (the `recommended` ruleset plus a
// few stricter rules): no errors, and no warnings but the known ones below, each rooted in the data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { compileNova, runNode, tempDir } from './_nova.js';

const REDOCLY = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
const QUIET = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

/** Warnings the data explains; anything else is a finding to fix in the emitter (or the data). */
const KNOWN_WARNINGS: readonly { readonly rule: string; readonly pointer: RegExp; readonly why: string }[] = [
  { rule: 'operation-2xx-response', pointer: /^#\/paths\/~1os-baremetal-nodes/, why: 'creating, deleting and the actions of proxied bare metal nodes always answer 400' },
  { rule: 'operation-4xx-response', pointer: /^#\/paths\/~1(v2\.1)?\/get\/responses$/, why: 'version discovery (GET /, GET /v2.1) documents no error responses' },
];

interface Problem { readonly ruleId: string; readonly severity: 'error' | 'warn'; readonly message: string; readonly location: readonly { readonly source: { readonly ref: string }; readonly pointer: string }[] }
interface FileReport { readonly totals: { readonly errors: number; readonly warnings: number }; readonly problems: readonly Problem[] }

/** `redocly lint --format json` prints one JSON document per file, one after the other. */
function parseReports(stdout: string): FileReport[] {
  return stdout.split(/(?<=^\})(?=\{\n {2}"totals")/m).filter((s) => s.trim()).map((s) => JSON.parse(s) as FileReport);
}

let dir = '';
let cleanup = (): void => {};
let files: string[] = [];

before(async () => {
  [dir, cleanup] = tempDir('mvc-redocly-');
  const versions = await compileNova();
  files = versions.map((v) => {
    const file = path.join(dir, `${v.version}.yaml`);
    fs.writeFileSync(file, v.yaml);
    return file;
  });
});

after(() => cleanup());

test('redocly is the pinned version', async () => {
  const r = await runNode(REDOCLY, ['--version'], { env: QUIET });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), '2.77.0');
});

test('redocly lint (recommended) finds no errors in any of the 100 documents', async (t) => {
  assert.equal(files.length, 100, 'one document per microversion');
  const r = await runNode(REDOCLY, ['lint', '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000000', ...files], { env: QUIET, cwd: dir, timeoutMs: 170_000 });
  const reports = parseReports(r.stdout);
  assert.equal(reports.length, files.length, `a report per document; stderr:\n${r.stderr.slice(-2000)}`);
  const problems = reports.flatMap((f) => f.problems);
  const describe = (p: Problem) => `${p.severity} ${p.ruleId} ${path.basename(p.location[0]?.source.ref ?? '?')} ${p.location[0]?.pointer ?? ''}: ${p.message}`;

  const errors = problems.filter((p) => p.severity === 'error');
  assert.deepEqual(errors.slice(0, 50).map(describe), [], `${errors.length} error(s)`);
  assert.equal(r.code, 0, 'redocly exits 0');

  const unexpected = problems.filter((p) => p.severity === 'warn' && !KNOWN_WARNINGS.some((k) => k.rule === p.ruleId && k.pointer.test(p.location[0]?.pointer ?? '')));
  assert.deepEqual(unexpected.slice(0, 50).map(describe), [], `${unexpected.length} warning(s) not explained by the data`);

  const byRule = new Map<string, number>();
  for (const p of problems) byRule.set(p.ruleId, (byRule.get(p.ruleId) ?? 0) + 1);
  t.diagnostic(`${problems.length} known warning(s) over ${reports.length} documents in ${r.ms} ms: ${[...byRule].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
});
