// One `mvc build` (every emitter, the cache as asked) in a fresh process: wall time, versions
// rebuilt and peak RSS, as JSON.
import { performance } from 'node:perf_hooks';
import { buildOnce } from '../src/commands/build.js';

const [specDir, outDir, cache] = process.argv.slice(2) as [string, string, string];
const t0 = performance.now();
const r = await buildOnce({ specDir, outDir, cache: cache === 'cache' }, () => {});
if (r.code) process.exit(1);
console.log(JSON.stringify({ wall: performance.now() - t0, rebuilt: r.rebuilt, total: r.total, peakMB: process.resourceUsage().maxRSS / 1024 }));
