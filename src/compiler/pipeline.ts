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
import { defaultWorkers, startValidatorPool, yieldToWorkers, type ValidatorPool } from './emit/validate-pool.js';
import type { ValidationProblem } from './emit/validate-output.js';
import type { OpenAPIV3_1 } from 'openapi-types';
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
   * Takes each version's JSON and YAML text as soon as both exist, so a caller can write them
   * out and the texts need not all be held at once; the returned versions then rebuild their
   * text on access (from memoized parts, cheaply).
   */
  readonly sink?: (out: { readonly version: string; readonly key: string; readonly json: string; readonly yaml: string }) => void;
}

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
}

export type Phase = 'load' | 'check' | 'fold' | 'emit' | 'yaml' | 'validate';

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
  // Each document goes to the validators as soon as it is emitted; YAML is written meanwhile.
  const t0 = performance.now();
  const toValidate = picked.length - reused.size;
  let validated = 0;
  const counted = (p: Promise<ValidationProblem[]>) => p.then((r) => { options.onProgress?.(++validated, toValidate); return r; });
  const docs: { delta: Delta; model: ApiModel; key: string; document: Record<string, unknown>; json: string; readonly problems: Promise<ValidationProblem[]> }[] = [];
  for (const { delta, model, key } of picked) {
    if (reused.has(delta.version.text)) continue;
    const v = delta.version.text;
    const document = emitDocument(model, delta, checked.api, (name, what) => {
      const at = schemaAddedAt(deltas, delta, name);
      diagnostics.push(diag('emit/name-clash', `${v}: the component schema name ${name} is used by ${what}; expected one name per schema (rename the shared schema)`, { version: v, pointer: `/components/schemas/${name}`, ...(at ? { location: at } : {}) }));
    });
    const json = toJson(document) + '\n';
    docs.push({ delta, model, key, document, json, problems: counted(pool.submit(json, document as unknown as OpenAPIV3_1.Document)) });
    await yieldToWorkers();
  }
  timings.emit = performance.now() - t0;
  const yamls = new Map<string, string>();
  for (const d of docs) {
    const yaml = toYaml(d.document);
    if (options.sink) {
      options.sink({ version: d.delta.version.text, key: d.key, json: d.json, yaml });
      d.json = '';
    } else yamls.set(d.delta.version.text, yaml);
    await yieldToWorkers();
  }
  timings.yaml = performance.now() - t0 - timings.emit;
  await pool.helpOnThisThread();
  const problems = new Map<string, ValidationProblem[]>();
  for (const d of docs) problems.set(d.delta.version.text, await d.problems);
  timings.validate = performance.now() - t0 - timings.emit - timings.yaml;
  const versions: CompiledVersion[] = [];
  for (const { delta, model, key } of picked) {
    const v = delta.version.text;
    for (const p of problems.get(v) ?? []) {
      diagnostics.push(diag('emit/openapi-invalid', `${v}: the emitted OpenAPI document is invalid at ${p.pointer}: ${p.message}; expected a valid OpenAPI 3.1 document`, { version: v, pointer: p.pointer }));
    }
    const done = docs.find((d) => d.delta === delta);
    versions.push(compiledVersion(delta, key, !done ? { lazy: () => emitDocument(model, delta, checked.api) } : options.sink ? { document: done.document } : { document: done.document, json: done.json, yaml: yamls.get(v)! }));
  }
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
  out: { document: Record<string, unknown>; json: string; yaml: string } | { document: Record<string, unknown> } | { lazy: () => Record<string, unknown> },
): CompiledVersion {
  const base = { version: delta.version.text, summary: delta.summary, releases: delta.releases, key };
  if ('json' in out) return { ...base, reused: false, ...out };
  if ('document' in out) {
    const document = out.document;
    return { ...base, reused: false, document, get json() { return toJson(document) + '\n'; }, get yaml() { return toYaml(document); } };
  }
  let doc: Record<string, unknown> | undefined;
  return { ...base, reused: true, json: '', yaml: '', get document() { return (doc ??= out.lazy()); } };
}
