import path from 'node:path';
import type { CompilerHost } from '../host.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import { lazySourceFile } from '../source/source-file.js';
import { sha256 } from '../util/hash.js';

/**
 * Parsed values of files by the sha256 of their text, from an earlier run (the build cache).
 * Only files that parsed without a diagnostic are ever stored, so a hit needs no checking here.
 */
export type ValueCache = Map<string, unknown>;
import { compareVersions, parseVersion, type Version } from '../source/version.js';

export interface LoadedFile extends ParsedYaml {
  /** The version the file name says, e.g. 2.26 for `2.26.yaml`. */
  readonly fileVersion: Version;
}

export interface LoadedSpec {
  readonly specDir: string;
  readonly api: ParsedYaml | undefined;
  /** Sorted by the version in the file name, numerically. */
  readonly files: readonly LoadedFile[];
}

const FILE_RE = /^(\d+\.\d+)\.ya?ml$/;

/** Reads api.yaml and versions/*.yaml, keeping positions. Never throws on bad input. */
export function loadSpec(host: CompilerHost, specDir: string, cache?: ValueCache): [LoadedSpec, Diagnostic[]] {
  const diags: Diagnostic[] = [];
  const apiPath = path.join(specDir, 'api.yaml');
  let api: ParsedYaml | undefined;
  try {
    const [parsed, ds] = parseYaml(apiPath, host.readFile(apiPath));
    api = parsed;
    diags.push(...ds);
  } catch (err) {
    diags.push(diag('load/read-failed', `cannot read ${apiPath}: ${errText(err)}; expected the API-wide file spec/api.yaml`));
  }
  const dir = path.join(specDir, 'versions');
  let names: string[] = [];
  let listed = false;
  try {
    names = host.listDir(dir);
    listed = true;
  } catch (err) {
    diags.push(diag('load/read-failed', `cannot read the folder ${dir}: ${errText(err)}; expected a folder of 2.N.yaml files`));
  }
  const files: LoadedFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const m = FILE_RE.exec(name);
    const v = m ? parseVersion(m[1]!) : undefined;
    if (!v) {
      if (!name.startsWith('.')) diags.push(diag('load/bad-file-name', `"${name}" in ${dir} is not a version file; expected a name like 2.26.yaml`, { location: { file, line: 1, col: 1 } }));
      continue;
    }
    try {
      const text = host.readFile(file);
      const key = cache ? sha256(text) : '';
      if (cache?.has(key)) {
        files.push({ source: lazySourceFile(file, text), value: cache.get(key), fileVersion: v });
        continue;
      }
      const [parsed, ds] = parseYaml(file, text, v.text);
      files.push({ ...parsed, fileVersion: v });
      diags.push(...ds);
      if (cache && ds.length === 0 && jsonSafe(parsed.value)) cache.set(key, parsed.value);
    } catch (err) {
      diags.push(diag('load/read-failed', `${v.text}: cannot read ${file}: ${errText(err)}; expected a readable YAML file`, { version: v.text, location: { file, line: 1, col: 1 } }));
      // Kept without a value, so the sequence check still sees the version.
      files.push({ source: lazySourceFile(file, ''), value: undefined, fileVersion: v });
    }
  }
  if (listed && files.length === 0) diags.push(diag('load/no-versions', `${dir} holds no version files; expected 2.1.yaml and later`));
  files.sort((a, b) => compareVersions(a.fileVersion, b.fileVersion));
  return [{ specDir, api, files }, diags];
}

/** Only values that survive JSON unchanged go in the cache (YAML's .inf would come back as null). */
export function jsonSafe(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(jsonSafe);
  if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(jsonSafe);
  return false;
}

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));
