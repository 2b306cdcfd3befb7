// `$ref` integrity: every reference names a shared schema that exists at that version.
import type { ApiModel, Schema } from '../model/api-model.js';

/** The schema names referenced anywhere inside `value`. */
export function collectRefs(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

const refsMemo = new WeakMap<object, ReadonlySet<string>>();

/**
 * collectRefs of one schema, memoized by identity: the models of adjacent versions share most
 * schema objects (unchanged ones are never copied), so a walk over every model pays once per schema.
 */
export function refsOf(schema: Schema): ReadonlySet<string> {
  let refs = refsMemo.get(schema);
  if (!refs) refsMemo.set(schema, (refs = collectRefs(schema)));
  return refs;
}

/** Where in the model each of `names` is still referenced, as readable places. */
export function findUsers(model: ApiModel, names: ReadonlySet<string>): Map<string, string[]> {
  const users = new Map<string, string[]>();
  const note = (place: string, s: Schema | undefined) => {
    if (!s) return;
    for (const r of refsOf(s)) if (names.has(r)) users.set(r, [...(users.get(r) ?? []), place]);
  };
  for (const [name, s] of Object.entries(model.schemas)) note(`schema ${name}`, s);
  for (const [key, op] of Object.entries(model.operations)) {
    note(`${key} request`, op.request?.schema);
    for (const p of Object.values(op.parameters)) note(`${key} ${p.in} ${p.name}`, p.schema);
    for (const [st, r] of Object.entries(op.responses)) note(`${key} response ${st}`, r.schema);
    for (const [an, a] of Object.entries(op.actions ?? {})) {
      note(`${key} #${an} request`, a.request);
      for (const [st, r] of Object.entries(a.responses)) note(`${key} #${an} response ${st}`, r.schema);
    }
  }
  return users;
}
