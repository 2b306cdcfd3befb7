// The `combined` emitter: out/openapi/all.yaml and all.json, one OpenAPI 3.1 document for every
// microversion (see combine.ts and docs/combined.md), validated like the per-version documents.
import type { OpenAPIV3_1 } from 'openapi-types';
import { diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Emitter } from '../emitter.js';
import { toJson } from '../../util/json-writer.js';
import { toYaml } from '../../util/yaml-writer.js';
import type { OutputFile } from '../../write/write-output.js';
import type { CompileResult } from '../../pipeline.js';
import { combine, type CombineResult } from './combine.js';

export const COMBINED_NAME = 'all';

/** The combined document of a compile result (no validation). */
export function combineResult(result: CompileResult): CombineResult {
  const vs = result.versions;
  const head = (result.api?.info.description ?? '').trim();
  const range = vs.length ? `${vs[0]!.version} to ${vs[vs.length - 1]!.version}` : 'none';
  const description = `${head ? `${head}\n\n` : ''}## Every microversion: ${range}\n\nOne document for all microversions. Each operation has \`x-openstack: {min-ver, max-ver}\`; a schema that changes across microversions is a \`oneOf\` with \`x-openstack: {discriminator: microversion}\` whose variants carry their range; server actions are a \`oneOf\` with \`x-openstack: {discriminator: action}\`.\n`;
  return combine(vs, { description });
}

export const combinedEmitter: Emitter = {
  name: 'combined',
  folder: 'openapi',
  async emit({ result, validate }): Promise<[OutputFile[], Diagnostic[]]> {
    if (!result.versions.length) return [[], []];
    const { document } = combineResult(result);
    // Both texts are made before the wait: validating on the pool lets this thread go on.
    const json = toJson(document) + '\n';
    const yaml = toYaml(document);
    const problems = validate ? await validate(json) : await (await import('../validate-output.js')).validateDocument(document as unknown as OpenAPIV3_1.Document);
    if (problems.length) {
      return [[], problems.map((p) => diag('emit/openapi-invalid', `${COMBINED_NAME}: the combined OpenAPI document is invalid at ${p.pointer}: ${p.message}; expected a valid OpenAPI 3.1 document`, { pointer: p.pointer }))];
    }
    return [[
      { path: `${COMBINED_NAME}.yaml`, content: yaml },
      { path: `${COMBINED_NAME}.json`, content: json },
    ], []];
  },
};
