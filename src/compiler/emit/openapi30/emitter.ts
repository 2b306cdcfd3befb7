// The `openapi-3.0` emitter: out/openapi-3.0/<version>.yaml and .json, every version's document
// converted to OpenAPI 3.0.3 (convert.ts; why a folder of its own: docs/openapi-3.0.md), plus an
// index.json like out/openapi's. Each document is validated against the OpenAPI 3.0 schema first.
import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Emitter } from '../emitter.js';
import { toJson } from '../../util/json-writer.js';
import { toYaml } from '../../util/yaml-writer.js';
import { sha256 } from '../../util/hash.js';
import type { OutputFile } from '../../write/write-output.js';
import { toOpenApi30 } from './convert.js';

export const OPENAPI30_FOLDER = 'openapi-3.0';

export const openapi30Emitter: Emitter = {
  name: 'openapi-3.0',
  folder: OPENAPI30_FOLDER,
  async emit({ result }): Promise<[OutputFile[], Diagnostic[]]> {
    const files: OutputFile[] = [];
    const diagnostics: Diagnostic[] = [];
    const index: Record<string, unknown>[] = [];
    // Loaded on use: swagger-parser and Ajv are slow to load, and only --openapi 3.0 needs them here.
    const { validate30 } = await import('./validate30.js');
    for (const v of result.versions) {
      const doc = toOpenApi30(v.document);
      for (const p of validate30(doc)) {
        diagnostics.push(diag('emit/openapi-invalid', `${v.version}: the OpenAPI 3.0 document is invalid at ${p.pointer}: ${p.message}; expected a valid OpenAPI 3.0.3 document`, { version: v.version, pointer: p.pointer }));
      }
      const yaml = toYaml(doc);
      const json = toJson(doc) + '\n';
      files.push({ path: `${v.version}.yaml`, content: yaml }, { path: `${v.version}.json`, content: json });
      index.push({ version: v.version, summary: v.summary, releases: v.releases, yaml: `${v.version}.yaml`, json: `${v.version}.json`, sha256: { yaml: sha256(yaml), json: sha256(json) } });
    }
    if (diagnostics.length) return [[], diagnostics];
    if (result.versions.length) files.push({ path: 'index.json', content: JSON.stringify({ generator: 'microversion-compiler', openapi: '3.0.3', versions: index }, null, 2) + '\n' });
    return [files, []];
  },
};
