// The driver: load → check → fold → emit → validate. It gates on errors after each phase and does
// no writing of its own; the CLI writes what it returns.
import { performance } from 'node:perf_hooks';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/format.js';
import { nodeHost, type CompilerHost } from './host.js';
import { loadSpec, type ValueCache } from './load/load-spec.js';
import { sha256 } from './util/hash.js';
import { compilerFingerprint } from './cache/build-cache.js';
import { checkSpec } from './check/check-spec.js';
import { foldAll } from './fold/fold.js';
import { emitDocument } from './emit/openapi/document.js';
import { defaultWorkers, startValidatorPool, type ValidatorPool } from './emit/validate-pool.js';
import type { JobResult, WrittenFile } from './emit/validate-job.js';
import type { ValidationProblem } from './emit/validate-output.js';
import { documentPieces } from './emit/document-pieces.js';
import { partIdsOf } from './emit/validation-parts.js';
import { toJson } from './util/json-writer.js';
import { toYaml } from './util/yaml-writer.js';
import type { ApiModel } from './model/api-model.js';
import type { ApiInfo, Delta } from './model/delta.js';
import { diag } from './diagnostics/diagnostic.js';
import { compareVersionText } from './source/version.js';
import { locate } from './source/source-file.js';
import type { Location } from './source/location.js';

export interface CompileOptions {
  readonly specDir: string;
  readonly host?: CompilerHost;
  /** Emit only versions in this inclusive range (all are still checked and folded up to `to`). */
  readonly versions?: { readonly from?: string; readonly to?: string };
  /** false: load, check and fold only (mvc check). */
  readonly emit?: boolean;
  readonly workers?: number;
  /** Parsed values of spec files by text hash: read from it, and filled (the build cache). */
  readonly values?: ValueCache;
  /**
   * Says whether the output of a version built earlier from the same `key` can be kept; such a
   * version is neither emitted nor validated again (its `json` and `yaml` are empty).
   */
  readonly reuse?: (version: string, key: string) => boolean;
  /** Called as each document is validated: (validated so far, to validate in all). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The two files (absolute paths, their folder made) each version's JSON and YAML go into: the
   * validating thread writes them as soon as the document exists, and the version then carries
   * their sha256 and size (`written`).
   */
  readonly output?: (version: string) => { readonly json: string; readonly yaml: string } | undefined;
  /**
   * Runs once every document is emitted, while they are validated (on other threads), with the
   * result as it will be if validation finds nothing (no \`written\` yet); compile() settles after
   * it. What it makes must be thrown away if the final result has errors.
   */
  readonly whileValidating?: (result: CompileResult, validate: ValidateOnPool) => Promise<void>;
}

/** Validates one more document (its JSON text) on the validating threads. */
export type ValidateOnPool = (json: string) => Promise<readonly ValidationProblem[]>;

export interface CompiledVersion {
  readonly version: string;
  readonly summary: string;
  readonly releases: readonly string[];
  /** A hash chain over the compiler, api.yaml and every delta up to this version. */
  readonly key: string;
  /** True when the earlier output of this key was kept: json and yaml are then empty. */
  readonly reused: boolean;
  /** The emitted document (built on first access for reused versions). */
  readonly document: Record<string, unknown>;
  readonly json: string;
  readonly yaml: string;
  /** The files written through CompileOptions.output. */
  readonly written?: { readonly json: WrittenFile; readonly yaml: WrittenFile };
}

/** `emit`: documents emitted and handed over; `validate`: the wait for the validating threads after that. */
export type Phase = 'load' | 'check' | 'fold' | 'emit' | 'validate';

export interface CompileResult {
  readonly versions: readonly CompiledVersion[];
  readonly diagnostics: readonly Diagnostic[];
  readonly deltas: readonly Delta[];
  readonly models: readonly ApiModel[];
  readonly api: ApiInfo | undefined;
  readonly timings: Readonly<Partial<Record<Phase, number>>>;
}

export async function compile(options: CompileOptions): Promise<CompileResult> {
  // Workers warm up while this thread loads and folds; they are only worth it for many versions.
  const wantPool = options.emit !== false && !(options.versions?.from && options.versions.from === options.versions.to);
  const pool = startValidatorPool(wantPool ? (options.workers ?? defaultWorkers()) : 0);
  try {
    return await run(options, pool);
  } finally {
    await pool.close();
  }
}

async function run(options: CompileOptions, pool: ValidatorPool): Promise<CompileResult> {
  const host = options.host ?? nodeHost;
  const timings: Partial<Record<Phase, number>> = {};
  const time = <T>(phase: Phase, fn: () => T): T => {
    const t0 = performance.now();
    const r = fn();
    timings[phase] = performance.now() - t0;
    return r;
  };
  const fail = (diagnostics: Diagnostic[], rest: Partial<CompileResult> = {}): CompileResult => ({
    versions: [], deltas: [], models: [], api: undefined, ...rest, diagnostics: sortDiagnostics(diagnostics), timings,
  });

  // The workers compile their validator while this thread loads and folds.
  pool.warm();
  const [loaded, loadDiags] = time('load', () => loadSpec(host, options.specDir, options.values));
  // Check even when some files failed to load, so one run reports every error.
  const [checked, checkDiags] = time('check', () => checkSpec(loaded));
  const diagnostics = [...loadDiags, ...checkDiags];
  if (!checked) return fail(diagnostics);
  if (options.versions?.from && options.versions.to && compareVersionText(options.versions.from, options.versions.to) > 0) {
    return fail([...diagnostics, diag('check/bad-value', `--versions ${options.versions.from}..${options.versions.to} is empty; expected the first version before the last`)]);
  }
  if (!checked.complete) {
    diagnostics.push(...foldAll(checked.deltas, checked.api).diagnostics);
    return fail(diagnostics);
  }

  const { from, to } = options.versions ?? {};
  const known = checked.deltas.map((d) => d.version.text);
  for (const v of [from, to]) {
    if (v !== undefined && !known.includes(v)) {
      return fail([...diagnostics, diag('check/bad-value', `--versions names ${v}, which is not in the spec; expected a version from ${known[0]} to ${known[known.length - 1]}`)]);
    }
  }
  const inRange = (v: string) => (from === undefined || compareVersionText(v, from) >= 0) && (to === undefined || compareVersionText(v, to) <= 0);
  const deltas = to === undefined ? checked.deltas : checked.deltas.filter((d) => compareVersionText(d.version.text, to) <= 0);
  const timeline = time('fold', () => foldAll(deltas, checked.api));
  diagnostics.push(...timeline.diagnostics);
  const base = { deltas, models: timeline.models, api: checked.api };
  if (hasErrors(diagnostics) || options.emit === false) return hasErrors(diagnostics) ? fail(diagnostics, base) : { ...base, versions: [], diagnostics: sortDiagnostics(diagnostics), timings };

  const keys = versionKeys(loaded.api?.source.text ?? '', loaded.files.map((f) => f.source.text));
  const picked = deltas.map((d, i) => ({ delta: d, model: timeline.models[i]!, key: keys[i]! })).filter((x) => inRange(x.delta.version.text));
  const reused = new Set(picked.filter((p) => options.reuse?.(p.delta.version.text, p.key)).map((p) => p.delta.version.text));
  // Each document goes to a validating thread as soon as it is emitted, as pieces (its text
  // around its parts); that thread assembles, writes and validates it while this one goes on.
  const t0 = performance.now();
  const toValidate = picked.length - reused.size;
  let validated = 0;
  const counted = (p: Promise<JobResult>) => p.then((r) => { options.onProgress?.(++validated, toValidate); return r; });
  const docs = new Map<Delta, { document: Record<string, unknown>; readonly result: Promise<JobResult> }>();
  for (const { delta, model } of picked) {
    if (reused.has(delta.version.text)) continue;
    const v = delta.version.text;
    const document = emitDocument(model, delta, checked.api, (name, what) => {
      const at = schemaAddedAt(deltas, delta, name);
      diagnostics.push(diag('emit/name-clash', `${v}: the component schema name ${name} is used by ${what}; expected one name per schema (rename the shared schema)`, { version: v, pointer: `/components/schemas/${name}`, ...(at ? { location: at } : {}) }));
    });
    const parts = partIdsOf(document);
    const files = options.output?.(v);
    // Posted at once (a worker needs nothing more from this thread to start on it).
    docs.set(delta, { document, result: counted(pool.submit({ pieces: documentPieces(document, parts), parts, ...(files ? { files } : {}) })) });
  }
  timings.emit = performance.now() - t0;
  const compiled = (results?: ReadonlyMap<Delta, JobResult>) => picked.map(({ delta, model, key }) => {
    const done = docs.get(delta);
    const written = results?.get(delta)?.written;
    return compiledVersion(delta, key, done ? { document: done.document, ...(written ? { written } : {}) } : { lazy: () => emitDocument(model, delta, checked.api) });
  });
  // This thread has nothing else to do until the documents are validated: the caller's work
  // that needs only the documents runs meanwhile.
  const validate: ValidateOnPool = async (json) => (await pool.submit({ pieces: { json: [json], yaml: [], texts: new Map() }, parts: [] })).problems;
  const alongside = options.whileValidating?.({ ...base, versions: compiled(), diagnostics: sortDiagnostics(diagnostics), timings }, validate);
  const results = new Map<Delta, JobResult>();
  for (const [delta, d] of docs) results.set(delta, await d.result);
  timings.validate = performance.now() - t0 - timings.emit;
  await alongside;
  for (const { delta } of picked) {
    const v = delta.version.text;
    const r = results.get(delta);
    for (const p of r?.problems ?? []) {
      diagnostics.push(diag('emit/openapi-invalid', `${v}: the emitted OpenAPI document is invalid at ${p.pointer}: ${p.message}; expected a valid OpenAPI 3.1 document`, { version: v, pointer: p.pointer }));
    }
    if (r?.writeError) diagnostics.push(diag('write/failed', `${v}: writing its files failed: ${r.writeError}; expected a writable folder (the previous output was kept)`, { version: v }));
  }
  const versions = compiled(results);
  if (hasErrors(diagnostics)) return fail(diagnostics, base);
  return { ...base, versions, diagnostics: sortDiagnostics(diagnostics), timings };
}

export { sha256 } from './util/hash.js';

/** Where the shared schema `name` in force at `upTo` was added, to point a clash at it. */
function schemaAddedAt(deltas: readonly Delta[], upTo: Delta, name: string): Location | undefined {
  let at: Location | undefined;
  for (const d of deltas) {
    for (const { change, index } of d.changes) {
      if (change.kind === 'schema.add' && change.where.subject.kind === 'schema' && change.where.subject.name === name) at = locate(d.file, ['changes', index, 'where']);
    }
    if (d === upTo) break;
  }
  return at;
}

/** key_n = sha256(key_{n-1}, delta_n); key_1 also covers the compiler and api.yaml. */
function versionKeys(apiText: string, deltaTexts: readonly string[]): string[] {
  let key = sha256(`${compilerFingerprint()}\n${apiText}`);
  return deltaTexts.map((t) => (key = sha256(`${key}\n${t}`)));
}

function compiledVersion(
  delta: Delta, key: string,
  out: { document: Record<string, unknown>; written?: CompiledVersion['written'] } | { lazy: () => Record<string, unknown> },
): CompiledVersion {
  const base = { version: delta.version.text, summary: delta.summary, releases: delta.releases, key };
  if ('document' in out) {
    const document = out.document;
    // The texts are rebuilt on access, from memoized parts (cheaply), so they are not all held at once.
    return { ...base, reused: false, document, ...(out.written ? { written: out.written } : {}), get json() { return toJson(document) + '\n'; }, get yaml() { return toYaml(document); } };
  }
  let doc: Record<string, unknown> | undefined;
  return { ...base, reused: true, json: '', yaml: '', get document() { return (doc ??= out.lazy()); } };
}
