// The cross-check: for adjacent versions, a generic structural diff of the two emitted OpenAPI
// documents must find no change the model diff did not report, and the model diff must report no
// change the documents do not show, up to the equivalences documented in docs/diff.md
// ("Cross-check"). It also checks that every change's pointer resolves in its document.
import type { ApiModel } from '../model/api-model.js';
import type { CompileResult } from '../pipeline.js';
import { emitDocument } from '../emit/openapi/document.js';
import { isObject } from './json.js';
import { isWhole, jsonDiff, type JsonChange } from './json-diff.js';
import type { RawChange } from './model-diff.js';
import { escapeToken, splitPointer } from './pointers.js';
import { stepChanges } from './range.js';
import { locContains, locKey, locOfWhere, type Loc } from './loc.js';
import { intentOf } from './intent.js';

export interface CrossCheckIssue {
  /** The newer version of the pair. */
  readonly version: string;
  /**
   * unreported: the documents differ and no change explains it; unseen: a change the documents do
   * not show; dangling: a change's pointer does not resolve in its document.
   */
  readonly problem: 'unreported' | 'unseen' | 'dangling';
  readonly pointer: string;
  readonly detail: string;
}

type Json = unknown;
type Obj = Record<string, Json>;

interface Canonical {
  readonly doc: Obj;
  /** Maps a pointer into the emitted document to the same place in `doc`. */
  readonly map: (pointer: string) => string;
  /** Operations (as `/paths/<p>/<m>` in `doc`) that take actions. */
  readonly actionOps: ReadonlyMap<string, string>;
}

const SCHEMA_REF = '#/components/schemas/';
const REQUIRED = '«required»';

const paramKey = (p: Json): string => {
  if (isObject(p) && typeof p['$ref'] === 'string') return `$ref ${p['$ref'].split('/').pop()}`;
  return isObject(p) ? `${String(p['in'])} ${String(p['name'])}` : String(p);
};

/**
 * The document in the form the cross-check compares:
 * - component schemas hoisted from an operation (every one that is not a shared schema of the
 *   model, nor Fault) are inlined where they are used, so their names do not matter;
 * - `parameters` lists become objects keyed `in name`, and `required` lists become a marker on
 *   each property, so that order does not matter;
 * - references to API-wide parameters and response headers are dropped from operations (the
 *   headers themselves are compared under components);
 * - per-version metadata (info.version, info.description, x-openstack-microversion) is dropped.
 */
export function canonicalize(document: Obj, model: ApiModel): Canonical {
  const components = (isObject(document['components']) ? document['components'] : {}) as Obj;
  const schemas = (isObject(components['schemas']) ? components['schemas'] : {}) as Obj;
  const shared = new Set([...Object.keys(model.schemas), 'Fault']);
  const hoisted = (ref: Json): string | undefined => {
    if (typeof ref !== 'string' || !ref.startsWith(SCHEMA_REF)) return undefined;
    const name = ref.slice(SCHEMA_REF.length);
    return shared.has(name) || !(name in schemas) ? undefined : name;
  };
  const site = new Map<string, string[]>();

  const build = (node: Json, path: string[], parentKey: string | undefined): Json => {
    if (Array.isArray(node)) {
      if (parentKey === 'parameters' && node.every(isObject)) {
        const out: Obj = {};
        for (const p of node) {
          if (typeof p['$ref'] === 'string' && p['$ref'].startsWith('#/components/parameters/')) continue;
          const k = paramKey(p);
          out[k] = build(p, [...path, k], undefined);
        }
        return out;
      }
      return node.map((x, i) => build(x, [...path, String(i)], undefined));
    }
    if (!isObject(node)) return node;
    const h = Object.keys(node).length === 1 ? hoisted(node['$ref']) : undefined;
    if (h !== undefined) {
      site.set(h, path);
      return build(schemas[h], path, undefined);
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(node)) {
      if (parentKey === 'headers' && isObject(v) && typeof v['$ref'] === 'string' && v['$ref'].startsWith('#/components/headers/')) continue;
      out[k] = build(v, [...path, k], k);
    }
    // A list that only held API-wide references is absent in the other document.
    if (isObject(out['headers']) && Object.keys(out['headers']).length === 0 && isObject(node['headers'])) delete out['headers'];
    if (isObject(out['parameters']) && Object.keys(out['parameters']).length === 0 && Array.isArray(node['parameters'])) delete out['parameters'];
    if (Array.isArray(node['required']) && isObject(out['properties'])) {
      const props = out['properties'] as Obj;
      const rest: string[] = [];
      for (const n of node['required'] as Json[]) {
        const p = typeof n === 'string' ? props[n] : undefined;
        if (isObject(p)) props[n as string] = { ...p, [REQUIRED]: true };
        else rest.push(String(n));
      }
      if (rest.length) out['required'] = rest;
      else delete out['required'];
    }
    return out;
  };

  const doc: Obj = {};
  const order = ['openapi', 'info', 'servers', 'tags', 'paths', 'components'];
  for (const k of [...order, ...Object.keys(document).filter((k) => !order.includes(k))]) {
    if (!(k in document) || k === 'x-openstack-microversion') continue;
    if (k === 'info') {
      const { version: _v, description: _d, ...rest } = document['info'] as Obj;
      void _v; void _d;
      doc[k] = rest;
    } else if (k === 'components') {
      const c: Obj = {};
      // Everything else first, so that schemas hoisted from shared responses have their site.
      for (const [ck, cv] of Object.entries(components)) if (ck !== 'schemas') c[ck] = build(cv, ['components', ck], ck);
      const s: Obj = {};
      for (const [name, v] of Object.entries(schemas)) {
        if (site.has(name)) continue;
        const built = build(v, ['components', 'schemas', name], undefined);
        if (!site.has(name)) s[name] = built;
      }
      if ('schemas' in components) c['schemas'] = s;
      doc[k] = c;
    } else doc[k] = build(document[k], [k], k);
  }

  const map = (pointer: string): string => {
    const tokens = splitPointer(pointer);
    let out: string[] = [];
    let node: Json = document;
    let i = 0;
    if (tokens[0] === 'components' && tokens[1] === 'schemas' && tokens[2] !== undefined && site.has(tokens[2])) {
      out = [...site.get(tokens[2])!];
      node = schemas[tokens[2]];
      i = 3;
    }
    let parentKey: string | undefined;
    for (; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (isObject(node) && Object.keys(node).length === 1 && hoisted(node['$ref']) !== undefined) node = schemas[hoisted(node['$ref'])!];
      if (Array.isArray(node) && parentKey === 'parameters') {
        const el: Json = node[Number(t)];
        out.push(paramKey(el));
        node = el;
      } else {
        out.push(t);
        node = Array.isArray(node) ? node[Number(t)] : isObject(node) ? node[t] : undefined;
      }
      parentKey = t;
    }
    return out.map((t) => '/' + escapeToken(t)).join('');
  };

  const actionOps = new Map<string, string>();
  for (const op of Object.values(model.operations)) {
    if (op.actions) actionOps.set(`/paths/${escapeToken(op.path)}/${op.method.toLowerCase()}`, `${op.method} ${op.path}`);
  }
  return { doc, map, actionOps };
}

function resolves(doc: Json, pointer: string): boolean {
  let node = doc;
  for (const t of splitPointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(t)];
    else if (isObject(node) && t in node) node = node[t];
    else return false;
  }
  return true;
}

const under = (p: string, q: string) => p === q || p.startsWith(q + '/');

/**
 * The parts of an action operation that merge its actions: its description (which lists them),
 * the wrapper of the request body (oneOf/allOf of the actions' bodies, and its description), and
 * each merged response: description, headers, and the wrapper of the bodies (one body, or a oneOf).
 * What is inside one action's body is not merged: that must be explained by a pointer.
 */
const MERGED = /^\/(description|requestBody\/content\/application~1json\/schema\/(description|oneOf|anyOf|allOf)|responses\/\d{3}(\/description|\/headers(\/.*)?|\/content(\/application~1json(\/schema(\/[^/]+)?)?)?)?)$/;

const OPERATION_LIFECYCLE = /^(operation|action)\.(added|removed|retired|unretired|gone|ungone)$/;

interface Located {
  readonly raw: RawChange;
  /** Canonical pointers: of the older end (in the older document), of the newer end. */
  readonly older?: string;
  readonly newer?: string;
  readonly pointers: readonly string[];
}

/**
 * A document difference and a change match when the difference is at or below the change's
 * pointer, or when it is a whole subtree that holds the change: an added subtree holding an
 * addition, a removed one holding a removal, a replaced array or object holding any change.
 */
function matches(d: JsonChange, c: Located): boolean {
  if (c.pointers.some((p) => under(d.pointer, p))) return true;
  if (!isWhole(d)) return false;
  if (d.op === 'added') return !c.older && c.newer !== undefined && under(c.newer, d.pointer);
  if (d.op === 'removed') return !c.newer && c.older !== undefined && under(c.older, d.pointer);
  return c.pointers.some((p) => under(p, d.pointer));
}

/** Whether one document difference is explained by one of the changes. */
function explained(d: JsonChange, changes: readonly Located[], a: Canonical, b: Canonical): boolean {
  const byPointer = changes.some((c) => matches(d, c));
  if (byPointer) return true;
  // The tag list follows the operations that use the tags.
  if (under(d.pointer, '/tags')) return changes.some(({ raw }) => OPERATION_LIFECYCLE.test(raw.kind) || raw.kind === 'tags.changed');
  // Shared error responses (and Fault) appear with their first user and go with their last.
  if (under(d.pointer, '/components/responses') || under(d.pointer, '/components/schemas/Fault')) {
    return changes.some(({ raw }) => /^(response|status|operation|action)\./.test(raw.kind));
  }
  // An action operation's description, request oneOf and responses merge its actions.
  const t = splitPointer(d.pointer);
  const opPtr = `/paths/${escapeToken(t[1] ?? '')}/${t[2] ?? ''}`;
  const key = a.actionOps.get(opPtr) ?? b.actionOps.get(opPtr);
  if (key !== undefined) {
    const rest = d.pointer.slice(opPtr.length);
    if (MERGED.test(rest)) return changes.some(({ raw }) => raw.operation?.startsWith(`${key} #`) === true);
  }
  return false;
}

/** Whether a change is one the documents may legitimately not show. */
function mayBeUnseen(raw: RawChange, pointers: readonly string[], a: Canonical, b: Canonical): boolean {
  // An action's response merges with the other actions' responses of that status.
  if (raw.operation?.includes(' #')) {
    return pointers.some((p) => [...a.actionOps.keys(), ...b.actionOps.keys()].some((op) => under(p, `${op}/responses`)));
  }
  return false;
}

/**
 * Cross-checks the versions named (default: every version but the first, each against the one
 * before it) of a compiled result. Documents the result holds are used; the others are emitted
 * from its models. An empty list: the model diff and the documents agree.
 */
export function crossCheck(result: Pick<CompileResult, 'deltas' | 'models' | 'versions' | 'api'>, versions?: readonly string[]): CrossCheckIssue[] {
  const issues: CrossCheckIssue[] = [];
  const held = new Map(result.versions.map((v) => [v.version, v]));
  const docs = new Map<string, Obj>();
  const documentAt = (i: number): Obj => {
    const v = result.deltas[i]!.version.text;
    let doc = docs.get(v) ?? held.get(v)?.document;
    if (!doc) {
      if (!result.api) throw new Error('crossCheck needs the api.yaml info of the result');
      doc = emitDocument(result.models[i]!, result.deltas[i]!, result.api);
    }
    docs.set(v, doc);
    return doc;
  };
  const canon = new Map<number, Canonical>();
  const canonical = (i: number): Canonical => {
    let c = canon.get(i);
    if (!c) {
      c = canonicalize(documentAt(i), result.models[i]!);
      canon.set(i, c);
    }
    return c;
  };
  const wanted = versions ? new Set(versions) : undefined;
  for (let i = 1; i < result.deltas.length; i++) {
    const version = result.deltas[i]!.version.text;
    if (wanted && !wanted.has(version)) continue;
    const a = canonical(i - 1), b = canonical(i);
    const rawA = documentAt(i - 1), rawB = documentAt(i);
    const raws = stepChanges(result, i);
    const changes = raws.map((raw) => {
      const older = raw.older ? a.map(raw.older.pointer) : undefined;
      const newer = raw.newer ? b.map(raw.newer.pointer) : undefined;
      const pointers = [older, newer].filter((p): p is string => p !== undefined);
      for (const [end, doc] of [[raw.older, rawA], [raw.newer, rawB]] as const) {
        if (!end) continue;
        const parent = end.pointer.slice(0, end.pointer.lastIndexOf('/'));
        if (!resolves(doc, end.pointer) && !resolves(doc, parent)) {
          issues.push({ version, problem: 'dangling', pointer: end.pointer, detail: `${raw.kind}: the pointer does not resolve in the ${end === raw.older ? 'older' : 'newer'} document` });
        }
      }
      const located: Located = { raw, ...(older !== undefined ? { older } : {}), ...(newer !== undefined ? { newer } : {}), pointers };
      return located;
    });
    const diffs = jsonDiff(a.doc, b.doc);
    for (const d of diffs) {
      if (!explained(d, changes, a, b)) issues.push({ version, problem: 'unreported', pointer: d.pointer, detail: `the documents differ (${d.op}) and no change explains it` });
    }
    for (const c of changes) {
      const { raw, pointers } = c;
      // A change whose ends differ (a rename, a status change) must show at both.
      const ends: Located[] = c.older !== undefined && c.newer !== undefined && c.older !== c.newer
        ? [{ raw, older: c.older, pointers: [c.older] }, { raw, newer: c.newer, pointers: [c.newer] }]
        : [c];
      const seen = ends.every((e) => diffs.some((d) => matches(d, e)));
      if (!seen && !mayBeUnseen(raw, pointers, a, b)) issues.push({ version, problem: 'unseen', pointer: pointers[0] ?? '', detail: `${raw.kind} is reported but the documents do not differ there` });
    }
  }
  return issues;
}

export interface DeclarationIssue {
  readonly version: string;
  /** The index of the change in the delta's `changes`. */
  readonly index: number;
  readonly kind: string;
  readonly where: string;
  readonly detail: string;
}

const LIFECYCLE = /\.(added|removed|replaced|retired|unretired|gone|ungone)$/;

/**
 * The declared changes of each delta that have no effect on that version: nothing in the model diff
 * is at their target or below it (nor a change above it that adds, removes or replaces it). Such a
 * change is undone in the same delta, or sets what was already so, and so shows in no document.
 */
export function declaredWithoutEffect(result: Pick<CompileResult, 'deltas' | 'models'>, versions?: readonly string[]): DeclarationIssue[] {
  const out: DeclarationIssue[] = [];
  const wanted = versions ? new Set(versions) : undefined;
  result.deltas.forEach((delta, i) => {
    const version = delta.version.text;
    if (wanted && !wanted.has(version)) return;
    const raws = stepChanges(result, i);
    const intent = intentOf(delta);
    for (const { change, index } of delta.changes) {
      const loc = locOfWhere(change.where, change.kind);
      // A change addressed before (or after) a status change of the same delta names the other status.
      const locs: Loc[] = [loc];
      const at = loc.findIndex((t) => t.startsWith('response ') && !t.startsWith('response header'));
      if (at > 0) {
        const status = loc[at]!.slice(9);
        for (const [from, to] of intent.statuses.get(locKey(loc.slice(0, at))) ?? []) {
          const other = status === from ? to : status === to ? from : undefined;
          if (other !== undefined) locs.push([...loc.slice(0, at), `response ${other}`, ...loc.slice(at + 1)]);
        }
      }
      const hit = raws.some((r) => [r.older?.loc, r.newer?.loc].some((l) => l !== undefined && locs.some((d) => locContains(d, l) || (locContains(l, d) && LIFECYCLE.test(r.kind)))));
      if (!hit) out.push({ version, index, kind: change.kind, where: change.where.text, detail: `${change.kind}${change.where.text ? ` at "${change.where.text}"` : ''} changes nothing at ${version}` });
    }
  });
  return out;
}
