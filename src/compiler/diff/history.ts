// The timeline of one operation, or of one field of it, across every version: when it was added,
// changed, renamed and removed, with the changes of each version that touched it.
//
// A field is `/server/locked` (looked for in the request body and in every response body; array
// items may be left out: `/servers/locked` is `/servers/[]/locked`), or any `where` location
// after the operation: `request /x`, `response 200 /x`, `response 202 header Location`,
// `query limit`. A field that passes through `$ref: Server` is followed into `schema Server`, so
// changes made there count.
import type { ApiModel, Schema } from '../model/api-model.js';
import { parseWhere, type Segment } from '../model/where.js';
import type { CompileResult } from '../pipeline.js';
import type { ChangeRecord } from './change-record.js';
import { isObject } from './json.js';
import { locContains, locEqual, locOfWhere, segmentToken, whereText, type Loc } from './loc.js';
import { stepChanges } from './range.js';
import { toRecord } from './records.js';
import type { RawChange } from './model-diff.js';

export type HistoryEvent = 'added' | 'changed' | 'renamed' | 'removed';

export interface HistoryEntry {
  readonly version: string;
  readonly summary: string;
  readonly event: HistoryEvent;
  /** Where the target is at this version (before it, for removals). */
  readonly where: string;
  readonly changes: readonly ChangeRecord[];
}

export interface History {
  readonly operation: string;
  readonly field?: string;
  readonly entries: readonly HistoryEntry[];
}

type Result = Pick<CompileResult, 'deltas' | 'models'>;

type Place =
  | { readonly t: 'self' }
  | { readonly t: 'body'; readonly where?: 'request' | string; readonly segments: readonly Segment[] }
  | { readonly t: 'parameter'; readonly key: string }
  | { readonly t: 'header'; readonly status: string; readonly name: string };

interface Subject {
  readonly op: string;
  readonly action?: string;
  readonly head: Loc;
}

function parseSubject(operation: string): Subject {
  const w = parseWhere(operation);
  if ('error' in w || w.subject.kind !== 'operation' || w.place.kind !== 'self') {
    throw new RangeError(`"${operation}" is not an operation; expected "METHOD /path" or "POST /path #action"${'error' in w ? ` (${w.error})` : ''}`);
  }
  const s = w.subject;
  return { op: `${s.method} ${s.path}`, ...(s.action ? { action: s.action } : {}), head: locOfWhere(w, 'operation.change') };
}

function parseField(subject: Subject, field: string): Place {
  const text = field.trim();
  const base = subject.action ? `${subject.op} #${subject.action}` : subject.op;
  const w = parseWhere(text.startsWith('/') ? `${base} request ${text}` : `${base} ${text}`);
  if ('error' in w) throw new RangeError(`"${field}" is not a field; expected a pointer like /server/locked, or "response 200 /x", "query name", "response 200 header Name" (${w.error})`);
  const p = w.place;
  if (p.kind === 'request') return { t: 'body', ...(text.startsWith('/') ? {} : { where: 'request' as const }), segments: p.pointer };
  if (p.kind === 'response') return { t: 'body', where: p.status, segments: p.pointer };
  if (p.kind === 'parameter') return { t: 'parameter', key: `${p.in} ${p.name}` };
  if (p.kind === 'response-header') return { t: 'header', status: p.status, name: p.name };
  throw new RangeError(`"${field}" is not a field of ${base}`);
}

interface Holder {
  readonly request?: Schema;
  readonly responses: ApiModel['operations'][string]['responses'];
  readonly parameters: ApiModel['operations'][string]['parameters'];
}

function holderOf(model: ApiModel, s: Subject): Holder | undefined {
  const op = model.operations[s.op];
  if (!op) return undefined;
  if (!s.action) return { ...(op.request ? { request: op.request.schema } : {}), responses: op.responses, parameters: op.parameters };
  const a = op.actions?.[s.action];
  return a ? { request: a.request, responses: a.responses, parameters: op.parameters } : undefined;
}

/**
 * Walks a body along the segments, into shared schemas through $ref, into array items and into
 * oneOf/anyOf alternatives where a property is not found directly. The field's locations (in the
 * operation, and in the shared schema it is in, if any), or undefined.
 */
function resolveBody(model: ApiModel, root: Schema | undefined, start: Loc, segments: readonly Segment[]): Loc[] | undefined {
  const out: Loc[] = [];
  const child = (n: Schema, key: string): Schema | undefined => (isObject(n[key]) ? (n[key] as Schema) : undefined);
  const alternatives = (n: Schema): Schema[] => (Array.isArray(n['oneOf']) ? n['oneOf'] : Array.isArray(n['anyOf']) ? n['anyOf'] : []).filter(isObject) as Schema[];
  const walk = (start: Schema | undefined, local: Loc, startShared: Loc | undefined, i: number, depth: number): void => {
    let node = start;
    let shared = startShared;
    for (let hops = 0; node && typeof node['$ref'] === 'string' && hops < 20; hops++) {
      const name: string = node['$ref'];
      node = model.schemas[name];
      shared = [`schema ${name}`];
    }
    if (!node || depth > 64) return;
    const go = (next: Schema | undefined, token: string, j: number) => walk(next, [...local, token], shared ? [...shared, token] : undefined, j, depth + 1);
    if (i === segments.length) {
      out.push(local);
      if (shared && !locEqual(shared, local)) out.push(shared);
      return;
    }
    const seg = segments[i]!;
    switch (seg.t) {
      case 'prop': {
        const props = child(node, 'properties');
        const p = props ? child(props, seg.name) : undefined;
        if (p) go(p, segmentToken(seg), i + 1);
        else if (child(node, 'items')) go(child(node, 'items'), '/[]', i);
        else alternatives(node).forEach((a, k) => go(a, `/[${k}]`, i));
        return;
      }
      case 'items': return go(child(node, 'items'), '/[]', i + 1);
      case 'values': return go(child(node, 'additionalProperties'), '/{}', i + 1);
      case 'alt': return go(alternatives(node)[seg.index], `/[${seg.index}]`, i + 1);
    }
  };
  walk(root, start, undefined, 0, 0);
  const seen = new Set<string>();
  const unique = out.filter((l) => { const k = l.join('\u0000'); if (seen.has(k)) return false; seen.add(k); return true; });
  return unique.length ? unique : undefined;
}

/** The target's locations at `model`, or undefined if it does not exist there. */
function targetsAt(model: ApiModel, s: Subject, place: Place): Loc[] | undefined {
  const h = holderOf(model, s);
  if (!h) return undefined;
  switch (place.t) {
    case 'self': return [s.head];
    case 'parameter': return h.parameters[place.key] ? [[s.op, place.key]] : undefined;
    case 'header': return h.responses[place.status]?.headers[place.name] ? [[...s.head, `response ${place.status}`, `header ${place.name}`]] : undefined;
    case 'body': {
      const out: Loc[] = [];
      const tryOne = (root: Schema | undefined, token: string) => {
        if (!root) return;
        const r = resolveBody(model, root, [...s.head, token], place.segments);
        if (r) out.push(...r);
      };
      if (place.where === undefined || place.where === 'request') tryOne(h.request, 'request');
      for (const [status, r] of Object.entries(h.responses)) {
        if (place.where === undefined || place.where === status) tryOne(r.schema, `response ${status}`);
      }
      if (place.segments.length === 0 && place.where !== undefined && place.where !== 'request' && h.responses[place.where]) out.push([...s.head, `response ${place.where}`]);
      return out.length ? out : undefined;
    }
  }
}

const LIFECYCLE = /\.(added|removed|renamed|replaced|type-changed|retired|unretired|gone|ungone|deprecated|undeprecated)$|^status\.changed$/;

function relevant(c: RawChange, targets: readonly Loc[], s: Subject, whole: boolean): boolean {
  const locs = [c.older?.loc, c.newer?.loc].filter((l): l is Loc => l !== undefined);
  if (locs.some((l) => targets.some((t) => locContains(t, l)))) return true;
  if (locs.some((l) => targets.some((t) => locContains(l, t) && !locEqual(l, t))) && LIFECYCLE.test(c.kind)) return true;
  if (whole && c.usedBy) {
    const label = s.action ? `${s.op} #${s.action}` : s.op;
    return c.usedBy.some((u) => u === label || (!s.action && u.startsWith(`${s.op} #`)));
  }
  return false;
}

/** Renames the field when a change of this version renamed it (or a property on its way). */
function followRename(place: Place, raws: readonly RawChange[], before: readonly Loc[]): Place | undefined {
  if (place.t !== 'body') return undefined;
  for (const c of raws) {
    if (!c.kind.endsWith('.renamed') || !c.older) continue;
    const from = c.older.loc;
    const t = before.find((l) => locContains(from, l));
    if (!t) continue;
    const after = String(c.after), old = String(c.before);
    const fromEnd = t.length - from.length;
    const segs = [...place.segments];
    // The renamed segment, counted from the end (array items the field left out shift it).
    for (let i = segs.length - 1 - fromEnd; i >= 0; i--) {
      const sg = segs[i]!;
      if (sg.t === 'prop' && sg.name === old) { segs[i] = { t: 'prop', name: after }; return { ...place, segments: segs }; }
    }
  }
  return undefined;
}

/** The timeline of `operation` (e.g. `GET /servers/{server_id}`), or of one field of it. */
export function historyOf(result: Result, operation: string, field?: string): History {
  const s = parseSubject(operation);
  let place: Place = field === undefined || field.trim() === '' ? { t: 'self' } : parseField(s, field);
  const whole = place.t === 'self';
  const entries: HistoryEntry[] = [];
  let prev: Loc[] | undefined;
  result.deltas.forEach((delta, i) => {
    const version = delta.version.text;
    const raws = stepChanges(result, i);
    let now = targetsAt(result.models[i]!, s, place);
    let event: HistoryEvent | undefined;
    if (prev && !now) {
      const renamed = followRename(place, raws, prev);
      const moved = renamed ? targetsAt(result.models[i]!, s, renamed) : undefined;
      if (renamed && moved) { place = renamed; now = moved; event = 'renamed'; }
    }
    const targets = [...(prev ?? []), ...(now ?? [])];
    const touched = raws.filter((c) => relevant(c, targets, s, whole));
    if (!prev && now) event = 'added';
    else if (prev && !now) event = 'removed';
    else if (prev && now && !event && touched.length) event = 'changed';
    if (event) {
      const at = event === 'removed' ? prev! : now!;
      entries.push({ version, summary: delta.summary, event, where: whereText(at[0]!), changes: touched.map((c) => toRecord(c, version)) });
    }
    prev = now;
  });
  return { operation, ...(field !== undefined && field.trim() !== '' ? { field: field.trim() } : {}), entries };
}
