// The files of out/openapi/: each version's YAML and JSON, and index.json listing them.
import path from 'node:path';
import type { CompiledVersion } from '../pipeline.js';
import { sha256 } from '../util/hash.js';
import type { VersionRecord } from '../cache/build-cache.js';
import type { OutputFile } from './write-output.js';

/** The record of each version: for a reused one, the earlier build's (its files are unchanged). */
export function versionRecords(versions: readonly CompiledVersion[], previous: Readonly<Record<string, VersionRecord>> = {}): Record<string, VersionRecord> {
  const out: Record<string, VersionRecord> = {};
  for (const v of versions) {
    const prev = previous[v.version];
    out[v.version] = v.reused && prev ? prev : {
      key: v.key,
      sha256: { yaml: sha256(v.yaml), json: sha256(v.json) },
      size: { yaml: Buffer.byteLength(v.yaml), json: Buffer.byteLength(v.json) },
    };
  }
  return out;
}

export function buildIndex(versions: readonly CompiledVersion[], records: Readonly<Record<string, VersionRecord>> = versionRecords(versions)): string {
  const index = versions.map((v) => ({
    version: v.version,
    summary: v.summary,
    releases: v.releases,
    yaml: `${v.version}.yaml`,
    json: `${v.version}.json`,
    sha256: records[v.version]!.sha256,
  }));
  return JSON.stringify({ generator: 'microversion-compiler', versions: index }, null, 2) + '\n';
}

/** `previousDir` holds the earlier build's files, linked for reused versions. */
export function openapiFiles(versions: readonly CompiledVersion[], records: Readonly<Record<string, VersionRecord>> = versionRecords(versions), previousDir?: string): OutputFile[] {
  const files: OutputFile[] = [];
  for (const v of versions) {
    for (const ext of ['yaml', 'json'] as const) {
      const name = `${v.version}.${ext}`;
      if (v.reused) {
        if (!previousDir) throw new Error(`internal: ${v.version} was reused without an earlier build to link from`);
        files.push({ path: name, linkFrom: path.join(previousDir, name) });
      } else files.push({ path: name, content: ext === 'yaml' ? v.yaml : v.json });
    }
  }
  files.push({ path: 'index.json', content: buildIndex(versions, records) });
  return files;
}
