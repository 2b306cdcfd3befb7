// One measured build in a fresh process, so that peak memory is this build's alone.
// Prints the phase timings, wall time, output size and peak RSS as JSON.
import { performance } from 'node:perf_hooks';
import { compile } from '../src/compiler/pipeline.js';
import { openapiFiles } from '../src/compiler/write/index-file.js';
import { writeOutput } from '../src/compiler/write/write-output.js';

const [specDir, outDir] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
const result = await compile({ specDir });
if (result.diagnostics.length) {
  console.error(`${result.diagnostics.length} diagnostics in ${specDir}`);
  process.exit(1);
}
const t1 = performance.now();
const files = openapiFiles(result.versions);
const diags = writeOutput(outDir, new Map([['openapi', files]]));
if (diags.length) process.exit(1);
const t2 = performance.now();
const ops = Object.keys(result.models[result.models.length - 1]!.operations).length;
console.log(JSON.stringify({
  versions: result.versions.length,
  operations: ops,
  outputMB: files.reduce((n, f) => n + ('content' in f ? f.content.length : 0), 0) / 1e6,
  timings: { ...result.timings, write: t2 - t1 },
  wall: t2 - t0,
  peakMB: process.resourceUsage().maxRSS / 1024,
}));
