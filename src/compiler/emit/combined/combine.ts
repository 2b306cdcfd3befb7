// Every version's OpenAPI document → one document for all microversions (OpenStack's code
// generator's conventions; the format is described in docs/combined.md):
//
//  - every operation carries `x-openstack: {min-ver, max-ver}` (max-ver absent while it exists at
//    the newest version); so does every other object that exists in fewer versions than its parent
//    (a parameter, response, header, media type, server, tag, component);
//  - a Reference Object cannot carry extensions: when its range is not implied by its target's
//    (a `$ref` to a component that is absent is absent too), the enclosing operation or response
//    lists it: `x-openstack: {responses: {"400": {min-ver, max-ver}}}` (also `parameters`, keyed by
//    the `$ref`, `headers` and `requestBody`);
//  - a schema that differs across versions is `{oneOf: [variants], x-openstack: {discriminator:
//    microversion}}`, each variant tagged with its range: component schemas as components named
//    `<Name>_<min-ver>` (dots as underscores), inline schemas inline;
//  - a union of action bodies is `{oneOf: [...], x-openstack: {discriminator: action}}`, each item
//    tagged `x-openstack: {action-name, min-ver?, max-ver?}`; an action whose body changes is itself
//    a microversion oneOf.
//
// Prose that changes across versions (summary and description outside schemas) takes the newest
// version's text; any other value outside a schema that changes is reported in `notes` (the
// combined document keeps the newest value). restrict() in restrict.ts inverts this.
import { isBareRef, isObj, same, SCHEMA_REF, mapSchema, schemaRefName, type Obj } from './json.js';
import { rangeOf, spans, withX, X, type Range, type Span } from './ranges.js';
import { SchemaTable } from './schema-table.js';

export interface CombineInput {
  readonly version: string;
  readonly document: Readonly<Record<string, unknown>>;
}

export interface CombineOptions {
  /** info.description of the combined document (default: the newest version's). */
  readonly description?: string;
}

export interface CombineResult {
  readonly document: Obj;
  /** What the combined document could not represent exactly (empty for a faithful merge). */
  readonly notes: readonly string[];
}

export function combine(inputs: readonly CombineInput[], options: CombineOptions = {}): CombineResult {
  if (!inputs.length) return { document: {}, notes: ['no versions to combine'] };
  const c = new Combiner(inputs.map((x) => x.version), inputs.map((x) => x.document as Obj));
  return { document: c.document(options), notes: c.notes };
}

type Vals = readonly unknown[];
/** Merges one field across versions: `vals[i]` is its value at version i (undefined: absent), `P` where its parent exists. */
type Merge = (vals: Vals, P: readonly number[], where: string) => unknown;

const PROSE = new Set(['summary', 'description']);
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const REF_SECTIONS = ['parameters', 'headers', 'responses', 'requestBodies', 'examples', 'links', 'callbacks', 'pathItems', 'securitySchemes'];

const eqIdx = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, k) => x === b[k]);
const pointerPart = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const at = (vals: Vals, i: number | undefined) => (i === undefined ? undefined : vals[i]);
const field = (vals: Vals, k: string): Vals => vals.map((v) => (isObj(v) ? v[k] : undefined));
const isRefObject = (x: unknown): x is Obj & { $ref: string } => isObj(x) && typeof x['$ref'] === 'string';

/** Ranges of children that are Reference Objects, kept on the enclosing object. */
class RefRanges {
  private readonly o: Record<string, Obj | Range> = {};
  add(container: string, key: string | undefined, r: Range): void {
    if (key === undefined) this.o[container] = r;
    else this.o[container] = { ...((this.o[container] as Obj | undefined) ?? {}), [key]: r };
  }
  apply(obj: unknown): unknown {
    return isObj(obj) && Object.keys(this.o).length ? withX(obj, this.o) : obj;
  }
}

class Combiner {
  readonly notes: string[] = [];
  private readonly n: number;
  private readonly all: readonly number[];
  private readonly table: SchemaTable;
  private readonly componentPresence = new Map<string, Set<number>>();
  private readonly rewriteMemo = new WeakMap<object, Map<number, unknown>>();

  constructor(private readonly versions: readonly string[], private readonly docs: readonly Obj[]) {
    this.n = versions.length;
    this.all = versions.map((_, i) => i);
    this.table = new SchemaTable(versions, docs);
    for (const name of this.table.withX) this.note(`/components/schemas/${pointerPart(name)}`, `already has ${X}, which the combined document uses for its own annotations`);
    docs.forEach((d, i) => {
      const comps = isObj(d['components']) ? d['components'] : {};
      for (const section of REF_SECTIONS) {
        const s = comps[section];
        if (!isObj(s)) continue;
        for (const name of Object.keys(s)) {
          const key = `#/components/${section}/${name}`;
          const set = this.componentPresence.get(key);
          if (set) set.add(i);
          else this.componentPresence.set(key, new Set([i]));
        }
      }
    });
  }

  private note(where: string, message: string): void {
    this.notes.push(`${where || '/'}: ${message}`);
  }

  private range(P: readonly number[], where: string): Range {
    const s = spans(P);
    if (s.length > 1) this.note(where, `exists in ${s.length} separate ranges of versions; it is given the range from the first to the last`);
    return rangeOf(this.versions, { from: P[0]!, to: P[P.length - 1]! });
  }

  // ---- the document ----

  document(options: CombineOptions): Obj {
    const docs = this.docs;
    const out: Obj = {};
    for (const key of this.keysOf(docs, this.all)) {
      const vals = field(docs, key);
      const where = `/${pointerPart(key)}`;
      switch (key) {
        case 'info': out[key] = this.info(vals, options); break;
        case 'servers': out[key] = this.list(vals, this.all, where, (s) => JSON.stringify(s), this.plain, 'servers'); break;
        case 'tags': out[key] = this.list(vals, this.all, where, (t) => (isObj(t) ? String(t['name']) : JSON.stringify(t)), this.plain, 'tags'); break;
        case 'paths': out[key] = this.map(vals, this.all, where, this.pathItem, { container: 'paths', annotate: false }); break;
        case 'components': out[key] = this.components(vals); break;
        case 'x-openstack-microversion':
          out[key] = {
            'min-ver': this.versions[0],
            'max-ver': this.versions[this.n - 1],
            versions: docs.map((d, i) => d[key] ?? { version: this.versions[i] }),
          };
          break;
        default: out[key] = this.scalar(vals, this.all, where);
      }
    }
    return out;
  }

  private info(vals: Vals, options: CombineOptions): Obj {
    const merged = this.fields(vals, this.all, '/info', { version: () => this.versions[this.n - 1] });
    if (options.description !== undefined) merged['description'] = options.description;
    return merged;
  }

  private components(vals: Vals): Obj {
    const out: Obj = {};
    for (const key of this.keysOf(vals, this.all)) {
      const sect = field(vals, key);
      const where = `/components/${key}`;
      switch (key) {
        case 'schemas': out[key] = this.schemas(); break;
        case 'responses': out[key] = this.map(sect, this.all, where, this.response, { container: key }); break;
        case 'parameters': out[key] = this.map(sect, this.all, where, this.parameter, { container: key }); break;
        case 'headers': out[key] = this.map(sect, this.all, where, this.header, { container: key }); break;
        case 'requestBodies': out[key] = this.map(sect, this.all, where, this.requestBody, { container: key }); break;
        default: out[key] = this.map(sect, this.all, where, this.plain, { container: key });
      }
    }
    return out;
  }

  // ---- generic merges ----

  /** Keys of the objects in vals at P, in an order that agrees with each version's. */
  private keysOf(vals: Vals, P: readonly number[]): string[] {
    return this.order(P.map((i) => vals[i]).filter(isObj), (o) => Object.keys(o), false);
  }

  /** An object merged field by field; fields without a merge of their own are scalars (prose: newest wins). */
  private fields(vals: Vals, P: readonly number[], where: string, merges: Record<string, Merge> = {}): Obj {
    const out: Obj = {};
    for (const key of this.keysOf(vals, P)) {
      if (key === X) this.note(where, `already has ${X}, which the combined document uses for its own annotations`);
      const m = merges[key] ?? (PROSE.has(key) ? this.prose : this.scalar);
      const v = m(field(vals, key), P, `${where}/${pointerPart(key)}`);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }

  private readonly prose: Merge = (vals, P) => at(vals, P[P.length - 1]);

  private readonly scalar: Merge = (vals, P, where) => {
    const last = at(vals, P[P.length - 1]);
    let prev: unknown = last;
    for (const i of P) {
      const v = vals[i];
      if (v === prev) continue;
      if (!same(v, last)) {
        this.note(where, `differs across versions (${this.versions[i]}: ${JSON.stringify(v)?.slice(0, 60) ?? 'absent'}); the combined document keeps the newest value`);
        break;
      }
      prev = v;
    }
    return last;
  };

  /** An object that is only ever identical across versions, or merged field by field. */
  private readonly plain: Merge = (vals, P, where) => this.fields(vals, P, where);

  /**
   * One child of an object whose versions are P: merged over the versions it exists in, and
   * tagged with its range when that differs from P (or always, for operations).
   */
  private child(vals: Vals, P: readonly number[], where: string, merge: Merge, opts: { always?: boolean; annotate?: boolean; refRanges?: RefRanges; container: string; key?: string }): unknown {
    const Pc = P.filter((i) => vals[i] !== undefined);
    if (!Pc.length) return undefined;
    const merged = merge(vals, Pc, where);
    if (opts.annotate === false || (!opts.always && eqIdx(Pc, P))) return merged;
    if (isRefObject(merged) && !opts.always) {
      const target = this.componentPresence.get(merged.$ref);
      if (target && eqIdx(Pc, P.filter((i) => target.has(i)))) return merged;
      if (opts.refRanges) opts.refRanges.add(opts.container, opts.key, this.range(Pc, where));
      else this.note(where, 'a reference that exists in fewer versions than its parent, with nowhere to put its range');
      return merged;
    }
    if (!isObj(merged)) {
      this.note(where, 'exists in fewer versions than its parent but cannot carry x-openstack');
      return merged;
    }
    return withX(merged, this.range(Pc, where));
  }

  /** A map (name → child): every name of any version, each child with its range. */
  private map(vals: Vals, P: readonly number[], where: string, merge: Merge, opts: { container: string; refRanges?: RefRanges; annotate?: boolean; always?: boolean }): Obj | undefined {
    const Pm = P.filter((i) => isObj(vals[i]));
    if (!Pm.length) return undefined;
    const keys = this.order(Pm.map((i) => vals[i] as Obj), (m) => Object.keys(m), false);
    const out: Obj = {};
    for (const key of keys) {
      const v = this.child(field(vals, key), P, `${where}/${pointerPart(key)}`, merge, { ...opts, key });
      if (v !== undefined) out[key] = v;
    }
    this.checkContainer(vals, P, where, (m) => Object.keys(m as Obj).length);
    return out;
  }

  /** A list of keyed items (parameters by `$ref` or in+name, tags by name, servers by content). */
  private list(vals: Vals, P: readonly number[], where: string, keyOf: (item: unknown) => string, merge: Merge, container: string, refRanges?: RefRanges): unknown[] | undefined {
    const Pl = P.filter((i) => Array.isArray(vals[i]));
    if (!Pl.length) return undefined;
    const lists = vals.map((v) => (Array.isArray(v) ? v : undefined));
    const keys = this.order(Pl.map((i) => lists[i]!), (l) => l.map(keyOf), true, where);
    const out: unknown[] = [];
    for (const key of keys) {
      const itemVals = lists.map((l) => l?.find((x) => keyOf(x) === key));
      const v = this.child(itemVals, P, `${where}/${pointerPart(key)}`, merge, { container, key, ...(refRanges ? { refRanges } : {}) });
      if (v !== undefined) out.push(v);
    }
    this.checkContainer(vals, P, where, (l) => (l as unknown[]).length);
    return out;
  }

  /** restrict() drops a map or list that it empties: that is right only if it was absent exactly when all its entries were. */
  private checkContainer(vals: Vals, P: readonly number[], where: string, size: (c: unknown) => number): void {
    for (const i of P) {
      if (vals[i] !== undefined && size(vals[i]) === 0) {
        this.note(where, `is empty at ${this.versions[i]}; the combined document cannot tell an empty one from an absent one`);
        return;
      }
    }
  }

  /**
   * One order for the keys of every version that keeps each version's own order (when they agree;
   * `check`: report when they do not, for lists, where order means something).
   */
  private order<C extends object>(containers: readonly C[], keysOf: (c: C) => readonly string[], check: boolean, where = ''): string[] {
    const out: string[] = [];
    let prev: C | undefined;
    const lists: (readonly string[])[] = [];
    for (const c of containers) {
      if (c === prev) continue;
      prev = c;
      const ks = keysOf(c);
      lists.push(ks);
      let after = -1;
      ks.forEach((k, j) => {
        let pos = out.indexOf(k);
        if (pos < 0) {
          // After its predecessor; a first key goes before the next key already placed, or last.
          const next = j === 0 ? ks.slice(1).map((x) => out.indexOf(x)).find((p) => p >= 0) : undefined;
          pos = j > 0 ? after + 1 : next ?? out.length;
          out.splice(pos, 0, k);
        }
        after = pos;
      });
    }
    if (check) for (const ks of lists) {
      const set = new Set(ks);
      const seen = out.filter((k) => set.has(k));
      if (!eqIdx(seen.map((k) => ks.indexOf(k)), ks.map((_, j) => j))) {
        this.note(where, `entries ${ks.slice(0, 3).join(', ')}… are ordered differently in different versions`);
        break;
      }
    }
    return out;
  }

  /** A Reference Object in every version (the same one), or an inline object merged by `inline`. */
  private refOr(vals: Vals, P: readonly number[], where: string, inline: Merge): unknown {
    const refs = P.filter((i) => isRefObject(vals[i]));
    if (!refs.length) return inline(vals, P, where);
    if (refs.length < P.length) {
      this.note(where, 'is a $ref in some versions and inline in others; the combined document keeps the newest');
      return at(vals, P[P.length - 1]);
    }
    return this.scalar(vals, P, where);
  }

  // ---- the OpenAPI objects ----

  private readonly pathItem: Merge = (vals, P, where) => {
    const refRanges = new RefRanges();
    const merges: Record<string, Merge> = {
      parameters: (v, p, w) => this.list(v, p, w, paramKey, this.parameter, 'parameters', refRanges),
    };
    for (const m of METHODS) merges[m] = (v, p, w) => this.child(v, p, w, this.operation, { always: true, container: m });
    return refRanges.apply(this.fields(vals, P, where, merges));
  };

  private readonly operation: Merge = (vals, P, where) => {
    const refRanges = new RefRanges();
    const merged = this.fields(vals, P, where, {
      parameters: (v, p, w) => this.list(v, p, w, paramKey, this.parameter, 'parameters', refRanges),
      requestBody: (v, p, w) => this.child(v, p, w, this.requestBody, { container: 'requestBody', refRanges }),
      responses: (v, p, w) => this.map(v, p, w, this.response, { container: 'responses', refRanges }),
    });
    return refRanges.apply(merged);
  };

  private readonly parameter: Merge = (vals, P, where) =>
    this.refOr(vals, P, where, (v, p, w) => this.fields(v, p, w, { schema: this.schema, content: this.content }));

  private readonly header: Merge = (vals, P, where) =>
    this.refOr(vals, P, where, (v, p, w) => this.fields(v, p, w, { schema: this.schema, content: this.content }));

  private readonly requestBody: Merge = (vals, P, where) =>
    this.refOr(vals, P, where, (v, p, w) => this.fields(v, p, w, { content: this.content }));

  private readonly response: Merge = (vals, P, where) =>
    this.refOr(vals, P, where, (v, p, w) => {
      const refRanges = new RefRanges();
      const merged = this.fields(v, p, w, {
        headers: (hv, hp, hw) => this.map(hv, hp, hw, this.header, { container: 'headers', refRanges }),
        content: this.content,
      });
      return refRanges.apply(merged);
    });

  private readonly content: Merge = (vals, P, where) => this.map(vals, P, where, this.mediaType, { container: 'content' });

  private readonly mediaType: Merge = (vals, P, where) => this.fields(vals, P, where, { schema: this.schema });

  // ---- schemas ----

  /** The component schemas: unchanged ones as they are, changing ones as a parent and its variants. */
  private schemas(): Obj {
    const t = this.table;
    const out: Obj = {};
    for (const name of t.names) {
      const vals = t.values(name);
      const P = this.all.filter((i) => vals[i] !== undefined);
      const full = P.length === this.n;
      const where = `/components/schemas/${pointerPart(name)}`;
      if (t.isUnion(name)) {
        const u = this.union(vals, P, where);
        out[name] = full ? u : withX(u, this.range(P, where));
      } else if (!t.isSplit(name)) {
        const run = t.runs(name)[0]!;
        const body = this.variantBody(vals[run.to], run, where);
        out[name] = full ? body : withX(body, this.range(P, where));
      } else {
        const variants = t.variantNames(name);
        const hull = rangeOf(this.versions, { from: P[0]!, to: P[P.length - 1]! });
        out[name] = { oneOf: variants.map((vn) => ({ $ref: SCHEMA_REF + vn })), [X]: { discriminator: 'microversion', ...(full ? {} : hull) } };
        t.runs(name).forEach((run, k) => {
          out[variants[k]!] = withX(this.variantBody(vals[run.to], run, where), rangeOf(this.versions, run));
        });
      }
    }
    return out;
  }

  /** A schema for the versions of `run`, its `$ref`s pointing at the variants that cover the run. */
  private variantBody(schema: unknown, run: Span, where: string): Obj {
    const body = this.rewrite(schema, run.from);
    if (isObj(body)) return body;
    this.note(where, 'a schema that is not an object cannot carry x-openstack; it is wrapped in allOf');
    return { allOf: [body] };
  }

  private rewrite(schema: unknown, i: number): unknown {
    const t = this.table;
    if (!isObj(schema) || !t.refsOf(schema).some((r) => t.isSplit(r))) return schema;
    let byVersion = this.rewriteMemo.get(schema);
    if (!byVersion) this.rewriteMemo.set(schema, (byVersion = new Map()));
    const hit = byVersion.get(i);
    if (hit !== undefined) return hit;
    const out = mapSchema(schema, (s) => {
      const name = schemaRefName(s['$ref']);
      if (name === undefined) return s;
      const target = t.resolve(name, i);
      return target === name ? s : { ...s, $ref: SCHEMA_REF + target };
    });
    byVersion.set(i, out);
    return out;
  }

  /** A schema position (parameter, header, media type): one schema, or a microversion oneOf. */
  private readonly schema: Merge = (vals, P, where) => {
    const t = this.table;
    const Pc = P.filter((i) => vals[i] !== undefined);
    if (!Pc.length) return undefined;
    if (Pc.length < P.length) this.note(where, 'a schema absent in some versions of its parent');
    const first = vals[Pc[0]!];
    if (Pc.every((i) => t.unionItems(vals[i], i) !== undefined) && !Pc.every((i) => same(vals[i], first))) return this.union(vals, Pc, where);
    // A bare $ref changes only when it names another schema: the schema it names has the variants.
    const bare = Pc.every((i) => isBareRef(vals[i]));
    const runs: Span[] = [];
    for (const i of Pc) {
      const last = runs[runs.length - 1];
      const cont = last !== undefined && last.to === i - 1 && same(vals[i - 1], vals[i]) && (bare || !t.refsOf(vals[i]).some((m) => t.closureChanged(m, i)));
      if (cont) runs[runs.length - 1] = { from: last.from, to: i };
      else runs.push({ from: i, to: i });
    }
    if (runs.length === 1) return bare ? vals[runs[0]!.to] : this.rewrite(vals[runs[0]!.to], runs[0]!.from);
    return {
      oneOf: runs.map((r) => withX(bare ? (vals[r.to] as Obj) : this.variantBody(vals[r.to], r, where), rangeOf(this.versions, r))),
      [X]: { discriminator: 'microversion' },
    };
  };

  /**
   * A union of action bodies: every action of any version, each tagged with its name and range.
   * A oneOf, unless every version with several actions says anyOf (bodies that may overlap).
   */
  private union(vals: Vals, P: readonly number[], where: string): Obj {
    const t = this.table;
    const unions = vals.map((v, i) => (v === undefined ? undefined : t.union(v, i)));
    const keys = this.order(P.map((i) => unions[i]!.refs), (l) => l, true, where);
    const items = keys.map((ref) => {
      const Pi = P.filter((i) => unions[i]!.refs.includes(ref));
      const name = schemaRefName(ref)!;
      const action = t.actionName(name, Pi[Pi.length - 1]!);
      return { $ref: ref, [X]: { 'action-name': action, ...(eqIdx(Pi, P) ? {} : this.range(Pi, `${where}/${pointerPart(ref)}`)) } };
    });
    const several = P.map((i) => unions[i]!).filter((u) => u.refs.length > 1);
    const keyword = several.length && several.every((u) => u.keyword === 'anyOf') ? 'anyOf' : 'oneOf';
    const last = vals[P[P.length - 1]!];
    const description = isObj(last) ? last['description'] : undefined;
    return { ...(description !== undefined ? { description } : {}), [keyword]: items, [X]: { discriminator: 'action' } };
  }
}

function paramKey(p: unknown): string {
  if (isRefObject(p)) return p.$ref;
  return isObj(p) ? `${String(p['in'])} ${String(p['name'])}` : JSON.stringify(p);
}
