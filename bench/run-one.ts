// One measured build of the OpenAPI documents alone (no other emitter, no cache), as `mvc build`
// writes them (streamed into the output as they are made), in a fresh process, so that peak
// memory is this build's alone. Prints phase timings, wall time, output size and peak RSS as JSON.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildOnce } from '../src/commands/build.js';

const [specDir, outDir] = process.argv.slice(2) as [string, string];
fs.rmSync(outDir, { recursive: true, force: true });
const t0 = performance.now();
const r = await buildOnce({ specDir, outDir, cache: false, emitters: [] }, () => {});
if (r.code) process.exit(1);
const wall = performance.now() - t0;
const dir = path.join(outDir, 'openapi');
const outputMB = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0) / 1e6;
console.log(JSON.stringify({ versions: r.total, operations: 0, outputMB, timings: r.timings, wall, peakMB: process.resourceUsage().maxRSS / 1024 }));
