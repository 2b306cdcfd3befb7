// index.json of out/openapi/: every version with its summary, releases, files and sha256.
import type { CompiledVersion } from '../pipeline.js';
import type { VersionRecord } from '../cache/build-cache.js';
import { sha256 } from '../util/hash.js';

/** `records` holds each version's hashes; without it they are computed from the texts. */
export function buildIndex(versions: readonly CompiledVersion[], records?: Readonly<Record<string, Pick<VersionRecord, 'sha256'>>>): string {
  const index = versions.map((v) => ({
    version: v.version,
    summary: v.summary,
    releases: v.releases,
    yaml: `${v.version}.yaml`,
    json: `${v.version}.json`,
    sha256: records?.[v.version]?.sha256 ?? { yaml: sha256(v.yaml), json: sha256(v.json) },
  }));
  return JSON.stringify({ generator: 'microversion-compiler', versions: index }, null, 2) + '\n';
}
