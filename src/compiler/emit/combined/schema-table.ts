// The component schemas of every version, and where each one changes. A schema's meaning at a
// version is its own content plus the content of every schema it reaches through `$ref`s, so a
// run (a range of versions with one variant) ends where the schema itself changes or where any
// schema it reaches changes: each variant is then self-contained, its `$ref`s pointing at the one
// variant of each referenced schema that covers its whole range.
//
// Changes are found by comparing each version's value with the previous version's: identity first
// (the fold shares unchanged schema objects, so nearly every comparison is a pointer test), then
// structural equality. "Reaches a change at version i" is a reverse-reachability pass from the
// schemas that changed at i, over the `$ref` graph of version i.
import { forEachSchema, isBareRef, isObj, same, schemaRefName, type Obj } from './json.js';
import type { Span } from './ranges.js';

export const ACTION_KEY = 'x-openstack-action';

export const UNION_KEYWORDS = ['oneOf', 'anyOf', 'allOf'] as const;
export type UnionKeyword = (typeof UNION_KEYWORDS)[number];

export class SchemaTable {
  /** Every component schema name of any version, sorted. */
  readonly names: readonly string[];
  private readonly vals = new Map<string, readonly (Obj | undefined)[]>();
  private readonly runsOf = new Map<string, Span[]>();
  private readonly variants = new Map<string, string[]>();
  private readonly unions = new Set<string>();
  /** reach[i]: the names whose closure changed between versions i-1 and i. */
  private readonly reach: ReadonlySet<string>[] = [];
  private readonly refMemo = new WeakMap<object, readonly string[]>();
  /** Schemas that carry `x-openstack` themselves (the combined document could not tell it from its own). */
  readonly withX = new Set<string>();

  constructor(readonly versions: readonly string[], docs: readonly Obj[]) {
    const n = versions.length;
    const all = new Set<string>();
    const perDoc = docs.map((d) => {
      const c = isObj(d['components']) ? d['components'] : {};
      const s = isObj(c['schemas']) ? c['schemas'] : {};
      for (const k of Object.keys(s)) all.add(k);
      return s;
    });
    this.names = [...all].sort();
    const xMemo = new WeakMap<object, boolean>();
    const hasX = (schema: Obj): boolean => {
      let hit = xMemo.get(schema);
      if (hit === undefined) {
        hit = false;
        forEachSchema(schema, (sub) => { if ('x-openstack' in sub) hit = true; });
        xMemo.set(schema, hit);
      }
      return hit;
    };
    for (const name of this.names) {
      const v = perDoc.map((s) => (isObj(s[name]) ? s[name] : undefined));
      this.vals.set(name, v);
      if (v.some((x) => x !== undefined && hasX(x))) this.withX.add(name);
    }

    this.reach.push(new Set());
    for (let i = 1; i < n; i++) {
      const changed = this.names.filter((name) => this.ownChanged(name, i));
      if (!changed.length) { this.reach.push(new Set()); continue; }
      const rev = new Map<string, string[]>();
      for (const name of this.names) {
        const v = this.vals.get(name)![i];
        if (!v) continue;
        for (const m of this.refsOf(v)) {
          const ups = rev.get(m);
          if (ups) ups.push(name);
          else rev.set(m, [name]);
        }
      }
      const seen = new Set<string>(changed);
      const queue = [...changed];
      while (queue.length) for (const up of rev.get(queue.pop()!) ?? []) if (!seen.has(up)) { seen.add(up); queue.push(up); }
      this.reach.push(seen);
    }

    for (const name of this.names) {
      const v = this.vals.get(name)!;
      const present = v.map((x, i) => (x ? i : -1)).filter((i) => i >= 0);
      const union = present.every((i) => !isBareRef(v[i]) && this.unionItems(v[i], i) !== undefined) && present.some((i) => this.unionItems(v[i], i)!.length > 0);
      if (union) this.unions.add(name);
      const runs: Span[] = [];
      for (const i of present) {
        const last = runs[runs.length - 1];
        const cont = last !== undefined && last.to === i - 1 && (union || !this.reach[i]!.has(name));
        if (cont) runs[runs.length - 1] = { from: last.from, to: i };
        else runs.push({ from: i, to: i });
      }
      this.runsOf.set(name, runs);
      if (runs.length > 1) {
        const names: string[] = [];
        for (const r of runs) {
          let vn = `${name}_${versions[r.from]!.replace(/\./g, '_')}`;
          while (all.has(vn)) vn += '_';
          all.add(vn);
          names.push(vn);
        }
        this.variants.set(name, names);
      }
    }
  }

  value(name: string, i: number): Obj | undefined {
    return this.vals.get(name)?.[i];
  }

  values(name: string): readonly (Obj | undefined)[] {
    return this.vals.get(name) ?? [];
  }

  ownChanged(name: string, i: number): boolean {
    const v = this.vals.get(name);
    if (!v?.[i]) return false;
    return i === 0 || !v[i - 1] || !same(v[i - 1], v[i]);
  }

  /** Whether anything `name` means (itself or what it reaches) changed at version i. */
  closureChanged(name: string, i: number): boolean {
    return i > 0 && this.reach[i]!.has(name);
  }

  /** Names of the component schemas a schema tree refers to (memoized by identity). */
  refsOf(schema: unknown): readonly string[] {
    if (!isObj(schema)) return [];
    const hit = this.refMemo.get(schema);
    if (hit) return hit;
    const out = new Set<string>();
    forEachSchema(schema, (s) => {
      const n = schemaRefName(s['$ref']);
      if (n !== undefined) out.add(n);
    });
    const list = [...out];
    this.refMemo.set(schema, list);
    return list;
  }

  isAction(name: string, i: number): boolean {
    return typeof this.value(name, i)?.[ACTION_KEY] === 'string';
  }

  actionName(name: string, i: number): string | undefined {
    const a = this.value(name, i)?.[ACTION_KEY];
    return typeof a === 'string' ? a : undefined;
  }

  /**
   * A union of action bodies at version i: a bare `$ref` to an action schema, or `{oneOf|anyOf|allOf:
   * [$ref …], description?}` of action schemas only; undefined for anything else.
   */
  unionItems(value: unknown, i: number): string[] | undefined {
    return this.union(value, i)?.refs;
  }

  union(value: unknown, i: number): { refs: string[]; keyword?: UnionKeyword } | undefined {
    if (isBareRef(value)) {
      const n = schemaRefName(value.$ref);
      return n !== undefined && this.isAction(n, i) ? { refs: [value.$ref] } : undefined;
    }
    if (!isObj(value)) return undefined;
    const keys = Object.keys(value).filter((k) => k !== 'description');
    const keyword = keys.length === 1 ? UNION_KEYWORDS.find((k) => k === keys[0]) : undefined;
    const list = keyword ? value[keyword] : undefined;
    if (!keyword || !Array.isArray(list)) return undefined;
    const refs: string[] = [];
    for (const item of list) {
      if (!isBareRef(item)) return undefined;
      const n = schemaRefName(item.$ref);
      if (n === undefined || !this.isAction(n, i)) return undefined;
      refs.push(item.$ref);
    }
    return { refs, keyword };
  }

  isUnion(name: string): boolean {
    return this.unions.has(name);
  }

  runs(name: string): readonly Span[] {
    return this.runsOf.get(name) ?? [];
  }

  isSplit(name: string): boolean {
    return this.variants.has(name);
  }

  variantNames(name: string): readonly string[] {
    return this.variants.get(name) ?? [];
  }

  /** The component to refer to for `name` at version i: its variant covering i, or itself. */
  resolve(name: string, i: number): string {
    const vs = this.variants.get(name);
    if (!vs) return name;
    const k = this.runs(name).findIndex((r) => r.from <= i && i <= r.to);
    return k >= 0 ? vs[k]! : name;
  }
}
