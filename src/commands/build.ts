// mvc build: compile, run the emitters, write everything atomically; incremental by content, and
// --watch to rebuild on every change.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compile } from '../compiler/pipeline.js';
import { buildIndex } from '../compiler/write/index-file.js';
import { beginOutput } from '../compiler/write/write-output.js';
import { EMITTERS, OPTIONAL_EMITTERS } from '../compiler/emit/emitters.js';
import type { Emitter } from '../compiler/emit/emitter.js';
import { hasErrors, type Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { intact, readManifest, readValueCache, writeValueCache, type VersionRecord } from '../compiler/cache/build-cache.js';
import { inputsFingerprint } from '../compiler/cache/inputs.js';
import { sha256 } from '../compiler/util/hash.js';
import { flag, optionalFlag, parseArgs, parseRange, reportDiagnostics, UsageError } from '../cli/args.js';

export const HELP = `mvc build [--spec DIR] [--out DIR] [--versions A..B] [--templates DIR] [--openapi 3.0] [--no-cache] [--watch]

Compiles every microversion and writes, under --out (default: out):
  openapi/<version>.yaml and openapi/<version>.json   one OpenAPI 3.1 document per microversion
  openapi/index.json                                   every version, its release, files and sha256
  openapi/all.yaml and openapi/all.json                one document for all microversions (x-openstack ranges)
  docs/                                                the changelog (Markdown) and a static HTML site
  openapi-3.0/ (with --openapi 3.0)                    every document converted to OpenAPI 3.0.3
Every document is validated before anything is written. On any error nothing under --out changes.
An existing --out/openapi folder is replaced only if mvc made it (it holds .mvc-manifest.json).

Builds are incremental by content: with nothing changed, nothing is emitted; after an edit to
the delta of version k, only versions k and later are emitted and validated again (the rest are
linked from the previous build). The cache lives in --out/.mvc-cache and the manifests.

  --spec DIR        the spec folder (default: spec)
  --out DIR         the output folder (default: out)
  --versions A..B   emit only versions A to B (inclusive); "A" alone is one version, "..B" and "A.." are open
  --templates DIR   handlebars templates that override the built-in ones in templates/
  --openapi 3.0     also write OpenAPI 3.0.3 documents into openapi-3.0/ (for tools that lack 3.1)
  --no-cache        ignore the cache: emit and validate every version
  --watch           rebuild on every change to the spec (and templates); Ctrl-C stops`;

interface BuildOptions {
  readonly specDir: string;
  readonly outDir: string;
  readonly versions?: { from?: string; to?: string };
  readonly templatesDir?: string;
  readonly cache: boolean;
  /** Emitters beyond the default ones (--openapi 3.0). */
  readonly extra?: readonly Emitter[];
  /** Replaces the default emitters (the bench measures the OpenAPI documents alone with []). */
  readonly emitters?: readonly Emitter[];
}

const packageRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export async function run(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['spec', 'out', 'versions', 'templates', 'openapi'], ['no-cache', 'watch']);
  if (args.flags.has('help')) { console.log(HELP); return 0; }
  if (args.positional.length) throw new UsageError(`build takes no arguments, got "${args.positional.join(' ')}"`);
  const versions = parseRange(optionalFlag(args, 'versions'));
  const templatesDir = optionalFlag(args, 'templates');
  const openapi = optionalFlag(args, 'openapi');
  if (openapi !== undefined && openapi !== '3.1' && !OPTIONAL_EMITTERS[openapi]) throw new UsageError(`--openapi takes 3.0 (3.1 is always written), not "${openapi}"`);
  const extra = openapi !== undefined && openapi !== '3.1' ? [OPTIONAL_EMITTERS[openapi]!] : [];
  const options: BuildOptions = {
    specDir: flag(args, 'spec', 'spec'),
    outDir: flag(args, 'out', 'out'),
    ...(versions ? { versions } : {}),
    ...(templatesDir ? { templatesDir } : {}),
    cache: !args.flags.has('no-cache'),
    extra,
  };
  if (args.flags.has('watch')) return watch(options);
  return (await buildOnce(options)).code;
}

export interface BuildOutcome {
  readonly code: number;
  /** Versions emitted and validated in this run (the others were kept from the last build). */
  readonly rebuilt: number;
  readonly total: number;
  readonly ms: number;
  /** Milliseconds per phase of the compile, and of writing (after it). */
  readonly timings?: Readonly<Record<string, number>>;
}

export async function buildOnce(o: BuildOptions, log: (line: string) => void = (l) => console.log(l)): Promise<BuildOutcome> {
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  const builtinTemplates = path.join(packageRoot, 'templates');
  const emitters = [...(o.emitters ?? EMITTERS), ...(o.extra ?? [])];
  const inputs = inputsFingerprint([o.specDir, builtinTemplates, ...(o.templatesDir ? [o.templatesDir] : [])], { versions: o.versions ?? null, emitters: emitters.map((e) => e.name) });
  const manifest = o.cache ? readManifest(o.outDir) : undefined;
  const previous = manifest?.versions ?? {};
  if (manifest?.inputs === inputs && Object.entries(previous).every(([v, rec]) => intact(o.outDir, v, rec))) {
    const total = Object.keys(previous).length;
    log(`mvc: up to date: ${total} version(s), none rebuilt (${elapsed()} ms)`);
    return { code: 0, rebuilt: 0, total, ms: elapsed() };
  }
  const values = o.cache ? readValueCache(o.outDir) : new Map<string, unknown>();
  const progress = process.stderr.isTTY && !process.env['CI'];
  // The output is opened first, so each version's files are written as soon as they exist.
  const folders = [...new Set(['openapi', ...emitters.map((e) => e.folder)])];
  const [tx, refused] = beginOutput(o.outDir, folders);
  const records: Record<string, VersionRecord> = {};
  const emitDiags: Diagnostic[] = [];
  const result = await compile({
    specDir: o.specDir,
    ...(o.versions ? { versions: o.versions } : {}),
    values,
    ...(o.cache ? { reuse: (v: string, key: string) => previous[v]?.key === key && intact(o.outDir, v, previous[v]!) } : {}),
    ...(progress ? { onProgress: (done: number, total: number) => process.stderr.write(`\rmvc: validated ${done}/${total}${done === total ? '\n' : ''}`) } : {}),
    ...(tx ? {
      output: (version: string) => {
        const json = tx.place('openapi', `${version}.json`);
        const yaml = tx.place('openapi', `${version}.yaml`);
        return json && yaml ? { json, yaml } : undefined;
      },
    } : {}),
    // The other emitters need only the documents: they run while the documents are validated
    // (their files are thrown away with the rest if validation fails). They run together, so one
    // that waits for a validating thread lets the next one go on; their output keeps their order.
    whileValidating: async (r, validate) => {
      const outs = await Promise.all(emitters.map((e) => e.emit({ result: r, validate, ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}) })));
      emitters.forEach((e, i) => {
        const [files, ds] = outs[i]!;
        emitDiags.push(...ds);
        if (tx) for (const f of files) tx.write(e.folder, f);
      });
    },
  });
  const tCompiled = performance.now();
  const failed = (): BuildOutcome => { tx?.abort(); return { code: 1, rebuilt: 0, total: 0, ms: elapsed() }; };
  if (reportDiagnostics([...refused, ...result.diagnostics]) || !tx) return failed();
  const previousDir = path.join(o.outDir, 'openapi');
  for (const v of result.versions) {
    if (v.written) records[v.version] = { key: v.key, sha256: { yaml: v.written.yaml.sha256, json: v.written.json.sha256 }, size: { yaml: v.written.yaml.size, json: v.written.json.size } };
    if (!v.reused) continue;
    records[v.version] = previous[v.version]!;
    for (const ext of ['yaml', 'json']) tx.write('openapi', { path: `${v.version}.${ext}`, linkFrom: path.join(previousDir, `${v.version}.${ext}`) });
  }
  tx.write('openapi', { path: 'index.json', content: buildIndex(result.versions, records) });
  if (reportDiagnostics(emitDiags) || hasErrors(emitDiags)) return failed();
  const retire = Object.values(OPTIONAL_EMITTERS).filter((e) => !emitters.includes(e)).map((e) => e.folder);
  const tCommit = performance.now();
  const written = tx.commit(new Map([['openapi', { inputs, versions: records }]]), retire);
  if (reportDiagnostics(written)) return { code: 1, rebuilt: 0, total: 0, ms: elapsed() };
  const afterCompile = performance.now() - tCompiled;
  if (o.cache) {
    const apiPath = path.join(o.specDir, 'api.yaml');
    const keep = new Set([...result.deltas.map((d) => sha256(d.file.text)), ...(fs.existsSync(apiPath) ? [sha256(fs.readFileSync(apiPath, 'utf8'))] : [])]);
    writeValueCache(o.outDir, values, keep);
  }
  const rebuilt = result.versions.filter((v) => !v.reused).length;
  const total = result.versions.length;
  log(`mvc: ${total} version(s) into ${path.join(o.outDir, 'openapi')}: ${rebuilt} emitted and validated, ${total - rebuilt} unchanged (${elapsed()} ms)`);
  return { code: 0, rebuilt, total, ms: elapsed(), timings: { ...result.timings, write: afterCompile, commit: performance.now() - tCommit } };
}

/** Rebuilds on every change; the last good output stays in place while the spec has errors. */
async function watch(o: BuildOptions): Promise<number> {
  await buildOnce(o);
  const dirs = [o.specDir, ...(o.templatesDir ? [o.templatesDir] : [])];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) { again = true; return; }
    running = true;
    try {
      const r = await buildOnce(o, (line) => console.log(`[${new Date().toLocaleTimeString()}] ${line}`));
      if (r.code) console.log(`[${new Date().toLocaleTimeString()}] mvc: errors above; ${path.join(o.outDir, 'openapi')} keeps the last good build`);
    } finally {
      running = false;
      if (again) { again = false; void rebuild(); }
    }
  };
  const watchers = dirs.map((d) => fs.watch(d, { recursive: true }, () => {
    clearTimeout(timer);
    // Editors write a file in several steps: wait for them to settle.
    timer = setTimeout(() => void rebuild(), 150);
  }));
  console.log(`mvc: watching ${dirs.join(', ')} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  for (const w of watchers) w.close();
  return 0;
}
