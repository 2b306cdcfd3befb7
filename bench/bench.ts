// npm run bench: times each phase on the real spec and on synthetic specs of 1x, 2x and 4x
// (versions x operations), each in a fresh process, and prints one table.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticSpec } from './synthetic-spec.js';

interface Run { versions: number; operations: number; outputMB: number; timings: Record<string, number>; wall: number; peakMB: number }

const here = path.dirname(fileURLToPath(import.meta.url));
const runOne = path.join(here, 'run-one.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-bench-'));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

function measure(specDir: string): Run {
  // The median wall time of RUNS fresh processes; the first run also warms the disk cache.
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, [runOne, specDir, path.join(tmp, 'out')], { encoding: 'utf8' });
    runs.push(JSON.parse(out) as Run);
  }
  runs.sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(runs.length / 2)]!;
}

const cases: { name: string; dir: string }[] = [{ name: 'nova (spec/)', dir: path.resolve('spec') }];
for (const [name, size] of [['synthetic 1x (100 versions x 130 ops)', { versions: 100, resources: 26 }], ['synthetic 2x (200 x 130)', { versions: 200, resources: 26 }], ['synthetic 4x (200 x 260)', { versions: 200, resources: 52 }]] as const) {
  const dir = path.join(tmp, name.replace(/\W+/g, '-'));
  writeSyntheticSpec(dir, size);
  cases.push({ name, dir });
}
const phases = ['load', 'check', 'fold', 'emit', 'validate', 'write'];
const rows = cases.map((c) => ({ name: c.name, run: measure(c.dir) }));
// "emit": documents emitted on this thread and handed to the validating thread; "validate": the
// wait after that for it to write (files are written there as each document comes) and validate;
// "write": what is left after the compile: links, index, manifests and the swap.
const head = ['spec', 'versions', 'output MB', ...phases.map((p) => `${p} ms`), 'wall ms', 'ms/MB', 'peak MB'];
const lines = rows.map(({ name, run }) => [
  name, String(run.versions), run.outputMB.toFixed(1),
  ...phases.map((p) => String(Math.round(run.timings[p] ?? 0))),
  String(Math.round(run.wall)), (run.wall / run.outputMB).toFixed(1), String(Math.round(run.peakMB)),
]);
console.log(`node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} cores, median of ${RUNS} runs`);
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);

// Whole builds as `mvc build` runs them (docs and all.yaml included): clean, no-op, one delta.
const runBuild = path.join(here, 'run-build.js');
const spec = path.join(tmp, 'spec-copy');
fs.cpSync(path.resolve('spec'), spec, { recursive: true });
const out = path.join(tmp, 'build-out');
const build = (cache: 'cache' | 'no-cache') => JSON.parse(execFileSync(process.execPath, [runBuild, spec, out, cache], { encoding: 'utf8' })) as { wall: number; rebuilt: number; total: number; peakMB: number };
const rows2: string[][] = [];
const median = <T extends { wall: number }>(xs: T[]) => xs.sort((a, b) => a.wall - b.wall)[Math.floor(xs.length / 2)]!;
const clean = median(Array.from({ length: RUNS }, () => { fs.rmSync(out, { recursive: true, force: true }); return build('no-cache'); }));
rows2.push(['clean build (every emitter)', String(clean.rebuilt), String(Math.round(clean.wall)), String(Math.round(clean.peakMB))]);
build('cache');
const noop = median(Array.from({ length: RUNS }, () => build('cache')));
rows2.push(['no-op build', String(noop.rebuilt), String(Math.round(noop.wall)), String(Math.round(noop.peakMB))]);
const file = path.join(spec, 'versions', '2.90.yaml');
const original = fs.readFileSync(file, 'utf8');
const one = median(Array.from({ length: RUNS }, (_, i) => {
  fs.writeFileSync(file, original.replace(/^summary: (.*)$/m, `summary: $1 (edit ${i})`));
  return build('cache');
}));
rows2.push(['one-delta rebuild at 2.90', String(one.rebuilt), String(Math.round(one.wall)), String(Math.round(one.peakMB))]);
console.log(`\n| build of spec/ | versions emitted | wall ms | peak MB |\n|---|---|---|---|`);
for (const r of rows2) console.log(`| ${r.join(' | ')} |`);
fs.rmSync(tmp, { recursive: true, force: true });
