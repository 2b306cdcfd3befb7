// The files of out/openapi/: each version's YAML and JSON, and index.json listing them.
import type { CompiledVersion } from '../pipeline.js';
import { sha256 } from '../pipeline.js';
import type { OutputFile } from './write-output.js';

export function buildIndex(versions: readonly CompiledVersion[]): string {
  const index = versions.map((v) => ({
    version: v.version,
    summary: v.summary,
    releases: v.releases,
    yaml: `${v.version}.yaml`,
    json: `${v.version}.json`,
    sha256: { yaml: sha256(v.yaml), json: sha256(v.json) },
  }));
  return JSON.stringify({ generator: 'microversion-compiler', versions: index }, null, 2) + '\n';
}

export function openapiFiles(versions: readonly CompiledVersion[]): OutputFile[] {
  const files: OutputFile[] = [];
  for (const v of versions) files.push({ path: `${v.version}.yaml`, content: v.yaml }, { path: `${v.version}.json`, content: v.json });
  files.push({ path: 'index.json', content: buildIndex(versions) });
  return files;
}
