// The build cache, keyed by content. Two parts, both under the output folder:
//  - .mvc-cache/values.json: the parsed value of every spec file by the sha256 of its text, so an
//    unchanged file is not parsed again;
//  - the manifest of out/openapi (written by the build): per version, the key it was built from
//    (a hash chain over the compiler, api.yaml and the deltas up to that version) and the sizes
//    and hashes of its files, so an unchanged version is linked, not emitted and validated again.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../util/hash.js';
import { MANIFEST } from '../write/write-output.js';

export const CACHE_DIR = '.mvc-cache';

export interface VersionRecord {
  readonly key: string;
  readonly sha256: { readonly yaml: string; readonly json: string };
  readonly size: { readonly yaml: number; readonly json: number };
}

export interface OpenapiManifest {
  readonly generator: 'microversion-compiler';
  readonly files: readonly string[];
  /** A hash of every input of the build (compiler, spec, options): equal means nothing to do. */
  readonly inputs?: string;
  readonly versions?: Readonly<Record<string, VersionRecord>>;
}

let fingerprint: string | undefined;

/** A hash of the compiler's own code, so a changed compiler never reuses stale output. */
export function compilerFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(root);
  fingerprint = sha256(files.map((f) => `${path.relative(root, f)}\n${fs.readFileSync(f, 'utf8')}`).join('\n'));
  return fingerprint;
}

export function readManifest(outDir: string, folder = 'openapi'): OpenapiManifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(outDir, folder, MANIFEST), 'utf8')) as OpenapiManifest;
    return m.generator === 'microversion-compiler' ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the files of a version built earlier are still there exactly as written (by hash). */
export function intact(outDir: string, version: string, rec: VersionRecord): boolean {
  try {
    const dir = path.join(outDir, 'openapi');
    for (const ext of ['yaml', 'json'] as const) {
      const file = path.join(dir, `${version}.${ext}`);
      // The size rules most damage out before the hash is computed.
      if (fs.statSync(file).size !== rec.size[ext]) return false;
      if (createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== rec.sha256[ext]) return false;
    }
    return true;
  } catch {
    return false;
  }
}

export function readValueCache(outDir: string): Map<string, unknown> {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(outDir, CACHE_DIR, 'values.json'), 'utf8')) as { compiler: string; values: Record<string, unknown> };
    if (raw.compiler !== compilerFingerprint()) return new Map();
    return new Map(Object.entries(raw.values));
  } catch {
    return new Map();
  }
}

/** Best effort: the cache only speeds builds up, so failing to write it is not an error. */
export function writeValueCache(outDir: string, values: ReadonlyMap<string, unknown>, keep: ReadonlySet<string>): void {
  try {
    const dir = path.join(outDir, CACHE_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const kept: Record<string, unknown> = {};
    for (const k of [...keep].sort()) if (values.has(k)) kept[k] = values.get(k);
    const tmp = path.join(dir, `values.json.${process.pid}`);
    fs.writeFileSync(tmp, JSON.stringify({ compiler: compilerFingerprint(), values: kept }));
    fs.renameSync(tmp, path.join(dir, 'values.json'));
  } catch {
    // ignored on purpose
  }
}
