// Which operations use each shared schema, on which side of the wire (directly or through other
// shared schemas): a change inside `schema Server` is judged as a request change, a response
// change, or both.
import type { ApiModel, Schema } from '../model/api-model.js';
import { refsOf as schemaRefs } from '../fold/refs.js';

export interface SchemaUsage {
  readonly request: ReadonlySet<string>;
  readonly response: ReadonlySet<string>;
}

export type Usage = ReadonlyMap<string, SchemaUsage>;

const memo = new WeakMap<ApiModel, Usage>();
const EMPTY: SchemaUsage = { request: new Set(), response: new Set() };

export function usageOf(model: ApiModel): Usage {
  const hit = memo.get(model);
  if (hit) return hit;
  const direct = new Map<string, { request: Set<string>; response: Set<string> }>();
  const note = (side: 'request' | 'response', user: string, s: Schema | undefined) => {
    if (!s) return;
    for (const r of schemaRefs(s)) {
      const u = direct.get(r) ?? { request: new Set<string>(), response: new Set<string>() };
      direct.set(r, u);
      u[side].add(user);
    }
  };
  for (const p of Object.values(model.commonParameters)) note('request', '*', p.schema);
  for (const h of Object.values(model.commonResponseHeaders)) note('response', '*', h.schema);
  for (const [key, op] of Object.entries(model.operations)) {
    note('request', key, op.request?.schema);
    for (const p of Object.values(op.parameters)) note('request', key, p.schema);
    for (const r of Object.values(op.responses)) {
      note('response', key, r.schema);
      for (const h of Object.values(r.headers)) note('response', key, h.schema);
    }
    for (const [name, a] of Object.entries(op.actions ?? {})) {
      const label = `${key} #${name}`;
      note('request', label, a.request);
      for (const r of Object.values(a.responses)) {
        note('response', label, r.schema);
        for (const h of Object.values(r.headers)) note('response', label, h.schema);
      }
    }
  }
  // Through other shared schemas: whoever uses X uses what X references, on the same side.
  const refsOf = new Map<string, ReadonlySet<string>>();
  for (const [name, s] of Object.entries(model.schemas)) refsOf.set(name, schemaRefs(s));
  const out = new Map<string, { request: Set<string>; response: Set<string> }>();
  for (const name of Object.keys(model.schemas)) out.set(name, { request: new Set(), response: new Set() });
  for (const [name, u] of direct) {
    for (const side of ['request', 'response'] as const) {
      for (const user of u[side]) {
        const stack = [name];
        const seen = new Set<string>();
        while (stack.length) {
          const n = stack.pop()!;
          if (seen.has(n)) continue;
          seen.add(n);
          const slot = out.get(n) ?? { request: new Set<string>(), response: new Set<string>() };
          out.set(n, slot);
          slot[side].add(user);
          for (const r of refsOf.get(n) ?? []) stack.push(r);
        }
      }
    }
  }
  memo.set(model, out);
  return out;
}

export const usageOfSchema = (model: ApiModel, name: string): SchemaUsage => usageOf(model).get(name) ?? EMPTY;
