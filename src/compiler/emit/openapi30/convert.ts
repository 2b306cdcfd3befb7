// One emitted OpenAPI 3.1 document → OpenAPI 3.0.3, for tools that do not read 3.1 yet.
//
// Schemas (JSON Schema 2020-12 → the OpenAPI 3.0 Schema Object):
//   type: [X, 'null']                    → type: X, nullable: true
//   type: 'null'                         → nullable: true, enum: [null]
//   type: [X, Y, …] (several non-null)   → oneOf: [{type: X}, {type: Y}, …] (nullable if 'null' was one)
//   anyOf/oneOf: [A, {type: 'null'}]     → A's keywords (or allOf: [A] for a $ref) with nullable: true;
//                                          with several non-null alternatives, the rest stay and nullable: true
//   const: V                             → enum: [V]
//   examples: [E, …]                     → example: E
//   exclusiveMinimum: N (a number)       → minimum: N, exclusiveMinimum: true (and Maximum alike)
//   $ref with siblings                   → allOf: [{$ref}] beside the siblings (3.0 ignores $ref siblings)
//   required: []                         → dropped (3.0 needs at least one name)
//   patternProperties                    → x-patternProperties (3.0 has no such keyword)
//   other 2020-12 keywords ($defs, if/then/else, prefixItems, dependentSchemas, unevaluated…,
//   contains, propertyNames, $id, $schema, $anchor, $comment, content*) → dropped
// Documents: openapi 3.0.3; webhooks, jsonSchemaDialect, components.pathItems, info.summary and
// info.license.identifier dropped; a Reference Object keeps only its $ref; mutualTLS security
// schemes dropped; paths present even when empty.
//
// A pure function of each node, memoized by identity: documents of adjacent versions share most
// subtrees, and so do their conversions (which also keeps the JSON and YAML writers' memos warm).
import { isObj, type Obj } from '../combined/json.js';

const schemaMemo = new WeakMap<object, unknown>();
const oasMemo = new WeakMap<object, unknown>();

/** Keywords the OpenAPI 3.0 Schema Object has, kept as they are (values converted where subschemas). */
const KEEP = new Set([
  'title', 'multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems',
  'maxProperties', 'minProperties', 'enum', 'description', 'format', 'default', 'nullable', 'discriminator', 'readOnly',
  'writeOnly', 'xml', 'externalDocs', 'example', 'deprecated', 'exclusiveMinimum', 'exclusiveMaximum', 'required',
]);
const ONE = new Set(['items', 'not', 'additionalProperties']);
const LIST = new Set(['allOf', 'anyOf', 'oneOf']);

const isNullSchema = (s: unknown): boolean =>
  isObj(s) && (s['type'] === 'null' || (Array.isArray(s['type']) && s['type'].length === 1 && s['type'][0] === 'null')) &&
  Object.keys(s).every((k) => k === 'type' || k === 'description');

export function convertSchema(schema: unknown): unknown {
  if (typeof schema === 'boolean') return schema ? {} : { not: {} };
  if (!isObj(schema)) return schema;
  const hit = schemaMemo.get(schema);
  if (hit !== undefined) return hit;
  const out = convert(schema);
  schemaMemo.set(schema, out);
  return out;
}

function convert(s: Obj): Obj {
  let out: Obj = {};
  let nullable = false;
  let onlyNull = false;
  let types: string[] | undefined;
  let exclusiveMin: number | undefined;
  let exclusiveMax: number | undefined;
  const lostNull = new Set<string>();
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-')) out[k] = v;
    else if (k === 'type') {
      const list = Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : typeof v === 'string' ? [v] : [];
      if (list.includes('null')) nullable = true;
      const rest = list.filter((t) => t !== 'null');
      if (rest.length === 0) onlyNull = nullable;
      else if (rest.length === 1) out['type'] = rest[0];
      else types = rest;
    } else if (k === 'const') {
      out['enum'] = [v];
      if (v === null) nullable = true;
    } else if (k === 'examples') {
      if (Array.isArray(v) && v.length && !('example' in s)) out['example'] = v[0];
    } else if ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof v === 'number') {
      if (k === 'exclusiveMinimum') exclusiveMin = v;
      else exclusiveMax = v;
    } else if (k === 'properties' && isObj(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, convertSchema(pv)]));
    } else if (k === 'patternProperties' && isObj(v)) {
      out['x-patternProperties'] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, convertSchema(pv)]));
    } else if (ONE.has(k)) {
      out[k] = k === 'additionalProperties' && typeof v === 'boolean' ? v : convertSchema(v);
    } else if (LIST.has(k) && Array.isArray(v)) {
      const alts = v.filter((a) => !isNullSchema(a));
      if (alts.length < v.length && k !== 'allOf') { nullable = true; lostNull.add(k); }
      out[k] = (k === 'allOf' ? v : alts).map(convertSchema);
    } else if (k === '$ref' || k === 'enum') {
      out[k] = v;
    } else if (KEEP.has(k)) {
      out[k] = v;
    }
    // Anything else is a JSON Schema 2020-12 keyword that OpenAPI 3.0 does not have: dropped.
  }

  if (exclusiveMin !== undefined) {
    const min = out['minimum'];
    if (typeof min !== 'number' || exclusiveMin >= min) { out['minimum'] = exclusiveMin; out['exclusiveMinimum'] = true; }
  }
  if (exclusiveMax !== undefined) {
    const max = out['maximum'];
    if (typeof max !== 'number' || exclusiveMax <= max) { out['maximum'] = exclusiveMax; out['exclusiveMaximum'] = true; }
  }
  if (Array.isArray(out['required']) && out['required'].length === 0) delete out['required'];

  // A nullable union that is left with one alternative is that alternative, nullable.
  for (const k of ['anyOf', 'oneOf'] as const) {
    const alts = out[k];
    if (!lostNull.has(k) || !Array.isArray(alts)) continue;
    if (alts.length === 0) { delete out[k]; onlyNull = true; continue; }
    if (alts.length !== 1) continue;
    delete out[k];
    const alt = alts[0];
    const clash = isObj(alt) && Object.keys(alt).some((ak) => ak in out && !(ak === 'description' && out[ak] === alt[ak]));
    if (isObj(alt) && !('$ref' in alt) && !clash) out = { ...alt, ...out };
    else out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), alt];
  }
  if (types) {
    const alts = types.map((t) => ({ type: t }));
    const slot = !('oneOf' in out) ? 'oneOf' : !('anyOf' in out) ? 'anyOf' : undefined;
    if (slot) out[slot] = alts;
    else out['allOf'] = [...(Array.isArray(out['allOf']) ? out['allOf'] : []), { oneOf: alts }];
  }
  if (onlyNull && !('enum' in out)) out['enum'] = [null];
  if (nullable) out['nullable'] = true;
  // OpenAPI 3.0 ignores everything beside a $ref: keep the siblings, with the $ref in an allOf.
  if (typeof out['$ref'] === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    out = { ...rest, allOf: [{ $ref }, ...(Array.isArray(rest['allOf']) ? rest['allOf'] : [])] };
  }
  return out;
}

/** An OpenAPI object outside schemas (an operation, a response, a parameter, …). */
function convertOas(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const hit = oasMemo.get(node);
  if (hit !== undefined) return hit;
  let out: unknown;
  if (Array.isArray(node)) out = node.map(convertOas);
  else if (typeof (node as Obj)['$ref'] === 'string') out = { $ref: (node as Obj)['$ref'] };
  else {
    const o: Obj = {};
    for (const [k, v] of Object.entries(node as Obj)) {
      o[k] = k === 'schema' ? convertSchema(v) : k.startsWith('x-') || k === 'example' || k === 'examples' ? v : convertOas(v);
    }
    out = o;
  }
  oasMemo.set(node, out);
  return out;
}

const DROPPED_TOP = new Set(['webhooks', 'jsonSchemaDialect']);

/** The OpenAPI 3.0.3 form of an emitted OpenAPI 3.1 document (the input is not changed). */
export function toOpenApi30(doc: Readonly<Record<string, unknown>>): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(doc)) {
    if (DROPPED_TOP.has(k)) continue;
    if (k === 'openapi') out[k] = '3.0.3';
    else if (k === 'info' && isObj(v)) out[k] = info(v);
    else if (k === 'components' && isObj(v)) out[k] = components(v);
    else out[k] = k.startsWith('x-') ? v : convertOas(v);
  }
  if (!('paths' in out)) out['paths'] = {};
  return out;
}

function info(v: Obj): Obj {
  const { summary: _summary, license, ...rest } = v;
  const out: Obj = { ...rest };
  if (isObj(license)) {
    const { identifier: _identifier, ...lic } = license;
    out['license'] = lic;
  }
  // Keep the key order of the input.
  return Object.fromEntries(Object.keys(v).filter((k) => k in out).map((k) => [k, out[k]]));
}

function components(c: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'pathItems') continue;
    if (k === 'schemas' && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, convertSchema(s)]));
    else if (k === 'securitySchemes' && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).filter(([, s]) => !isObj(s) || s['type'] !== 'mutualTLS').map(([n, s]) => [n, convertOas(s)]));
    else out[k] = k.startsWith('x-') ? v : convertOas(v);
  }
  return out;
}
