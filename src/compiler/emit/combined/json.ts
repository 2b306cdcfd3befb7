// Plain-JSON helpers for the emitters that rewrite emitted documents (combined, openapi30): type
// guards, structural equality, and a schema-aware walk that knows which keys hold subschemas and
// which hold data (`enum`, `default`, `examples` … may contain objects that look like `$ref`s).
import { isDeepStrictEqual } from 'node:util';

export type Obj = Record<string, unknown>;

export const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Identity first (the fold shares unchanged subtrees across versions), then structure. */
export const same = (a: unknown, b: unknown): boolean => a === b || isDeepStrictEqual(a, b);

export const SCHEMA_REF = '#/components/schemas/';

/** Keys of a JSON Schema whose value is one subschema. */
const ONE = new Set(['items', 'not', 'additionalProperties', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems']);
/** Keys whose value is a list of subschemas. */
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keys whose value maps names to subschemas. */
const MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * Copy-on-write transform of a schema tree: `f` sees every (sub)schema object after its children
 * were transformed, and returns it or a replacement. Unchanged subtrees keep their identity.
 */
export function mapSchema(schema: unknown, f: (s: Obj) => Obj): unknown {
  if (!isObj(schema)) return schema;
  let out: Obj | undefined;
  const set = (k: string, v: unknown) => {
    out ??= { ...schema };
    out[k] = v;
  };
  for (const [k, v] of Object.entries(schema)) {
    if (ONE.has(k)) {
      const nv = mapSchema(v, f);
      if (nv !== v) set(k, nv);
    } else if (LIST.has(k) && Array.isArray(v)) {
      let changed = false;
      const nv = v.map((item) => {
        const ni = mapSchema(item, f);
        if (ni !== item) changed = true;
        return ni;
      });
      if (changed) set(k, nv);
    } else if (MAP.has(k) && isObj(v)) {
      let changed = false;
      const nv: Obj = {};
      for (const [pk, pv] of Object.entries(v)) {
        const np = mapSchema(pv, f);
        if (np !== pv) changed = true;
        nv[pk] = np;
      }
      if (changed) set(k, nv);
    }
  }
  return f(out ?? schema);
}

/** Visits every (sub)schema object of a schema tree, parents first. */
export function forEachSchema(schema: unknown, f: (s: Obj) => void): void {
  if (!isObj(schema)) return;
  f(schema);
  for (const [k, v] of Object.entries(schema)) {
    if (ONE.has(k)) forEachSchema(v, f);
    else if (LIST.has(k) && Array.isArray(v)) for (const item of v) forEachSchema(item, f);
    else if (MAP.has(k) && isObj(v)) for (const pv of Object.values(v)) forEachSchema(pv, f);
  }
}

export const isSubschemaKey = (k: string): 'one' | 'list' | 'map' | undefined =>
  ONE.has(k) ? 'one' : LIST.has(k) ? 'list' : MAP.has(k) ? 'map' : undefined;

/** A `$ref` object with nothing beside it (the form every emitted reference takes). */
export const isBareRef = (x: unknown): x is { $ref: string } =>
  isObj(x) && typeof x['$ref'] === 'string' && Object.keys(x).length === 1;

export function schemaRefName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined;
}
