// The normalisations under which a restricted combined document equals the version's own
// document (docs/combined.md, "Restriction"):
//  1. info.description is dropped: the combined document has the API's description, not each
//     version's "## Microversion …" section;
//  2. an allOf, anyOf or oneOf of one schema is the same whichever keyword it uses (written allOf),
//     and with nothing beside it is that schema: a union of action bodies stays a oneOf when
//     restriction leaves one action, where the version's document has `allOf: [$ref]` or the bare
//     `$ref`;
//  3. with `prose`, summary and description outside schemas, and the description of a union of
//     action bodies, are dropped: the combined document keeps the newest version's prose. At the
//     newest version itself prose is compared too.
// Copy-on-write and memoized by identity, so subtrees shared across versions stay shared and
// compare by identity.
import { isObj, mapSchema, schemaRefName, type Obj } from '../../src/compiler/emit/combined/json.js';

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

export class Normaliser {
  private readonly memo = new WeakMap<object, unknown>();
  private readonly schemaMemo = new WeakMap<object, unknown>();

  /** actions: the names of the component schemas that are action bodies (x-openstack-action). */
  constructor(private readonly actions: ReadonlySet<string>, private readonly prose: boolean) {}

  document(doc: Readonly<Record<string, unknown>>): Obj {
    const out: Obj = { ...doc };
    if (isObj(out['info'])) {
      const { description: _, ...info } = out['info'];
      out['info'] = info;
    }
    if (isObj(out['paths'])) out['paths'] = this.oas(out['paths']);
    if (isObj(out['components'])) {
      const comps: Obj = { ...out['components'] };
      for (const [k, v] of Object.entries(comps)) {
        if (k === 'schemas' && isObj(v)) comps[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, this.schema(s)]));
        else comps[k] = this.oas(v);
      }
      out['components'] = comps;
    }
    return out;
  }

  private oas(node: unknown): unknown {
    if (typeof node !== 'object' || node === null) return node;
    const hit = this.memo.get(node);
    if (hit !== undefined) return hit;
    let out: unknown;
    if (Array.isArray(node)) out = node.map((x) => this.oas(x));
    else {
      const o: Obj = {};
      for (const [k, v] of Object.entries(node as Obj)) {
        if (this.prose && (k === 'summary' || k === 'description')) continue;
        o[k] = k === 'schema' ? this.schema(v) : k.startsWith('x-') ? v : this.oas(v);
      }
      out = o;
    }
    this.memo.set(node, out);
    return out;
  }

  private schema(node: unknown): unknown {
    if (!isObj(node)) return node;
    const hit = this.schemaMemo.get(node);
    if (hit !== undefined) return hit;
    const out = mapSchema(node, (s) => {
      const keyword = COMBINATORS.find((k) => Array.isArray(s[k]));
      if (!keyword) return s;
      const list = s[keyword] as unknown[];
      const union = list.length > 0 && list.every((i) => isObj(i) && this.actions.has(schemaRefName(i['$ref']) ?? ''));
      const { [keyword]: _, ...rest } = s;
      if (union && this.prose) delete rest['description'];
      if (list.length !== 1 || COMBINATORS.some((k) => k in rest)) return union && this.prose ? { ...rest, [keyword]: list } : s;
      return Object.keys(rest).length ? { ...rest, allOf: list } : (list[0] as Obj);
    });
    this.schemaMemo.set(node, out);
    return out;
  }
}

/** The names of the action-body component schemas of any of the documents. */
export function actionSchemas(docs: readonly Readonly<Record<string, unknown>>[]): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    const comps = isObj(d['components']) ? d['components'] : {};
    const schemas = isObj(comps['schemas']) ? comps['schemas'] : {};
    for (const [n, s] of Object.entries(schemas)) if (isObj(s) && typeof s['x-openstack-action'] === 'string') out.add(n);
  }
  return out;
}

/** The first place two JSON values differ, as a pointer and both values (for failure messages). */
export function firstDifference(a: unknown, b: unknown, pointer = ''): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${pointer || '/'}: ${JSON.stringify(a)?.slice(0, 400) ?? 'absent'} ≠ ${JSON.stringify(b)?.slice(0, 400) ?? 'absent'}`;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  for (const k of new Set([...ka, ...kb])) {
    const d = firstDifference((a as Obj)[k], (b as Obj)[k], `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (d) return d;
  }
  return undefined;
}
