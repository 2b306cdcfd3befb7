// The combined document → the document of one microversion: what a client that negotiated
// `version` sees. It keeps what is in range, picks the one variant of each microversion oneOf,
// keeps the actions in range of each action oneOf, and removes every `x-openstack` annotation:
//
//  - an object whose `x-openstack` range does not hold `version` is removed from its map or list;
//  - a Reference Object to a component that is absent at `version` is removed, and so is one whose
//    range the enclosing object lists (`x-openstack: {responses|headers|parameters|requestBody}`);
//  - `{oneOf, x-openstack: {discriminator: microversion}}` becomes its variant in range (a variant
//    component `<Name>_<min-ver>` becomes `<Name>` again, and `$ref`s to it are rewritten);
//  - a map or list outside schemas that this empties is removed;
//  - `info.version` is `version`; `x-openstack-microversion` is that version's entry.
import { isBareRef, isObj, isSubschemaKey, SCHEMA_REF, schemaRefName, type Obj } from './json.js';
import { inRange, X } from './ranges.js';

const DROP: unique symbol = Symbol('drop');
type Out = unknown;

const xOf = (o: Obj): Obj | undefined => (isObj(o[X]) ? o[X] : undefined);

/**
 * Per combined document: whether a subtree is the same at every version (no annotation in it, no
 * `$ref` that restriction rewrites or may drop), so restriction can return it as it is. Most of
 * the document is, and sharing it keeps restricting all 100 versions cheap.
 */
const STATIC = new WeakMap<object, WeakMap<object, boolean>>();

export function restrict(combined: Readonly<Record<string, unknown>>, version: string): Obj {
  return new Restrictor(combined as Obj, version).run();
}

class Restrictor {
  private readonly schemas: Obj;
  private readonly variantOf = new Map<string, string>();
  private readonly present = new Set<string>();
  /** `$ref`s that restriction rewrites (variants) or may drop (components with a range). */
  private readonly dynamicRefs = new Set<string>();
  private readonly stat: WeakMap<object, boolean>;

  constructor(private readonly doc: Obj, private readonly version: string) {
    let stat = STATIC.get(doc);
    if (!stat) STATIC.set(doc, (stat = new WeakMap()));
    this.stat = stat;
    const comps = isObj(doc['components']) ? doc['components'] : {};
    this.schemas = isObj(comps['schemas']) ? comps['schemas'] : {};
    for (const [name, s] of Object.entries(this.schemas)) {
      if (!isObj(s) || !this.isMicroversion(s)) continue;
      for (const item of s['oneOf'] as unknown[]) {
        const vn = isBareRef(item) ? schemaRefName(item.$ref) : undefined;
        if (vn !== undefined) {
          this.variantOf.set(vn, name);
          this.dynamicRefs.add(SCHEMA_REF + vn);
        }
      }
    }
    for (const [section, entries] of Object.entries(comps)) {
      if (!isObj(entries)) continue;
      for (const [name, c] of Object.entries(entries)) {
        if (section !== 'schemas' && isObj(c) && X in c) this.dynamicRefs.add(`#/components/${section}/${name}`);
        if (section === 'schemas' && this.variantOf.has(name)) continue;
        if (!isObj(c) || !inRange(c[X], version)) continue;
        if (section === 'schemas' && this.isMicroversion(c) && !this.pick(c)) continue;
        this.present.add(`#/components/${section}/${name}`);
      }
    }
  }

  run(): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(this.doc)) {
      if (k === 'x-openstack-microversion') {
        const list = isObj(v) && Array.isArray(v['versions']) ? v['versions'] : [];
        const mine = list.find((e) => isObj(e) && e['version'] === this.version);
        if (mine !== undefined) out[k] = mine;
      } else if (k === 'components' && isObj(v)) {
        out[k] = this.components(v);
      } else {
        const r = this.oas(v);
        if (r !== DROP) out[k] = r;
      }
    }
    if (isObj(out['info'])) out['info'] = { ...out['info'], version: this.version };
    return out;
  }

  private components(comps: Obj): Obj {
    const out: Obj = {};
    for (const [section, entries] of Object.entries(comps)) {
      if (section !== 'schemas' || !isObj(entries)) {
        const r = this.oas(entries);
        if (r !== DROP) out[section] = r;
        continue;
      }
      const schemas: Obj = {};
      for (const [name, s] of Object.entries(entries)) {
        if (this.variantOf.has(name)) continue;
        const r = this.schema(s);
        if (r !== DROP) schemas[name] = r;
      }
      if (Object.keys(schemas).length || !Object.keys(entries).length) out[section] = schemas;
    }
    return out;
  }

  private isMicroversion(s: Obj): boolean {
    return xOf(s)?.['discriminator'] === 'microversion' && Array.isArray(s['oneOf']);
  }

  /** The variant of a microversion oneOf whose range holds the version. */
  private pick(s: Obj): Obj | undefined {
    for (const item of s['oneOf'] as unknown[]) {
      const vn = isBareRef(item) ? schemaRefName(item.$ref) : undefined;
      const body = vn !== undefined && this.variantOf.get(vn) !== undefined ? this.schemas[vn] : item;
      if (isObj(body) && inRange(body[X], this.version)) return body;
    }
    return undefined;
  }

  private isStatic(node: unknown, schema: boolean): boolean {
    if (typeof node !== 'object' || node === null) return true;
    const hit = this.stat.get(node);
    if (hit !== undefined) return hit;
    let r = true;
    if (!isObj(node)) r = (node as unknown[]).every((x) => this.isStatic(x, schema));
    else if (X in node || (typeof node['$ref'] === 'string' && this.dynamicRefs.has(node['$ref']))) r = false;
    else {
      for (const [k, v] of Object.entries(node)) {
        const sub = schema ? isSubschemaKey(k) !== undefined : !k.startsWith('x-') && k !== 'example' && k !== 'examples';
        if (sub && !this.isStatic(v, schema || k === 'schema')) { r = false; break; }
      }
    }
    this.stat.set(node, r);
    return r;
  }

  private schema(node: unknown): Out {
    if (!isObj(node) || this.isStatic(node, true)) return node;
    if (!inRange(node[X], this.version)) return DROP;
    if (this.isMicroversion(node)) {
      const p = this.pick(node);
      return p ? this.schema(p) : DROP;
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === X) continue;
      const kind = isSubschemaKey(k);
      if (kind === 'one') {
        const r = this.schema(v);
        if (r !== DROP) out[k] = r;
      } else if (kind === 'list' && Array.isArray(v)) {
        out[k] = v.map((item) => this.schema(item)).filter((r) => r !== DROP);
      } else if (kind === 'map' && isObj(v)) {
        const m: Obj = {};
        for (const [pk, pv] of Object.entries(v)) {
          const r = this.schema(pv);
          if (r !== DROP) m[pk] = r;
        }
        out[k] = m;
      } else if (k === '$ref') {
        const name = schemaRefName(v);
        const base = name === undefined ? undefined : this.variantOf.get(name);
        out[k] = base === undefined ? v : SCHEMA_REF + base;
      } else {
        out[k] = v;
      }
    }
    return out;
  }

  /** Any OpenAPI object outside schemas. */
  private oas(node: unknown): Out {
    if (this.isStatic(node, false)) return node;
    if (Array.isArray(node)) {
      const out = node.map((item) => this.oas(item)).filter((r) => r !== DROP);
      return node.length && !out.length ? DROP : out;
    }
    if (!isObj(node)) return node;
    if (!inRange(node[X], this.version)) return DROP;
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/components/') && !ref.startsWith(SCHEMA_REF) && !this.present.has(ref)) return DROP;
    const x = xOf(node);
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === X) continue;
      if (k.startsWith('x-') || k === 'example' || k === 'examples') { out[k] = v; continue; }
      if (k === 'schema') {
        const r = this.schema(v);
        if (r !== DROP) out[k] = r;
        continue;
      }
      const ranges = x?.[k];
      let child = v;
      if (ranges !== undefined) {
        if (k === 'requestBody' && !inRange(ranges, this.version)) continue;
        if (isObj(ranges) && isObj(v)) child = Object.fromEntries(Object.entries(v).filter(([key]) => inRange(ranges[key], this.version)));
        if (isObj(ranges) && Array.isArray(v)) child = v.filter((p) => !isObj(p) || typeof p['$ref'] !== 'string' || inRange(ranges[p['$ref']], this.version));
        if ((Array.isArray(v) && !(child as unknown[]).length && v.length) || (isObj(v) && isObj(child) && !Object.keys(child).length && Object.keys(v).length)) continue;
      }
      const r = this.oas(child);
      if (r !== DROP) out[k] = r;
    }
    const had = Object.keys(node).some((k) => k !== X);
    return had && !Object.keys(out).length ? DROP : out;
  }
}
