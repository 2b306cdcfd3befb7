// The structural diff of two folded models, told by the deltas' intent what was renamed, moved to
// another status or replaced. Direction-neutral: "older" and "newer" are the two models; records
// for a direction are made from these in records.ts.
import type { Action, ApiModel, Header, Operation, Parameter, Response, Schema } from '../model/api-model.js';
import type { Side } from './change-record.js';
import type { Intent } from './intent.js';
import { isObject, same } from './json.js';
import { locKey, propToken, type Loc } from './loc.js';
import {
  actionRequestPointer, actionResponseSchemaPointer, childPointer, commonHeaderPointer, commonParameterPointer, componentSchemaPointer,
  keywordPointer, operationPointer, parameterPointer, requestBodyPointer, requestSchemaPointer, responseHeaderPointer, responsePointer,
  responseSchemaPointer, type ChildStep,
} from './pointers.js';
import { usageOfSchema } from './usage.js';

/** One end of a change: where its target is in one model and in that model's document. */
export interface End {
  readonly loc: Loc;
  readonly pointer: string;
}

export type WireSide = 'request' | 'response';

export interface RawChange {
  /** The kind going from older to newer. */
  readonly kind: string;
  /** The target in the older model; absent for additions. */
  readonly older?: End;
  /** The target in the newer model; absent for removals. */
  readonly newer?: End;
  readonly operation?: string;
  readonly side: Side;
  /** For shared schemas: the sides it is used on (both: judged on both). */
  readonly sides?: readonly WireSide[];
  readonly usedBy?: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly required?: boolean;
  readonly keys?: readonly string[];
  /** For replaced bodies and schemas: the changes inside, which judge its severity. */
  readonly inner?: readonly RawChange[];
  readonly note?: string;
}

interface SideInfo {
  readonly side: Side;
  readonly sides?: readonly WireSide[];
  readonly usedBy?: readonly string[];
}

interface SchemaEnv extends SideInfo {
  readonly prefix: 'property' | 'parameter' | 'header';
  /** false inside parameter and header schemas: `where` cannot address into them. */
  readonly extendLoc: boolean;
  readonly operation?: string;
}

interface Ctx {
  readonly a: ApiModel;
  readonly b: ApiModel;
  readonly intent: Intent;
  out: RawChange[];
}

type Fields = Omit<RawChange, 'kind' | 'older' | 'newer' | 'side' | 'sides' | 'usedBy' | 'operation'>;

const both = (la: Loc, pa: string, lb: Loc, pb: string) => ({ older: { loc: la, pointer: pa }, newer: { loc: lb, pointer: pb } });
const olderOnly = (l: Loc, p: string) => ({ older: { loc: l, pointer: p } });
const newerOnly = (l: Loc, p: string) => ({ newer: { loc: l, pointer: p } });

function push(x: Ctx, kind: string, ends: { older?: End; newer?: End }, info: SideInfo & { operation?: string }, fields: Fields = {}): void {
  const rec: RawChange = {
    kind, ...ends,
    ...(info.operation !== undefined ? { operation: info.operation } : {}),
    side: info.side,
    ...(info.sides ? { sides: info.sides } : {}),
    ...(info.usedBy ? { usedBy: info.usedBy } : {}),
    ...fields,
  };
  x.out.push(rec);
}

const METHOD_ORDER = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];
/** Operation keys (`METHOD path`) by path, then method; each key is split once, not per comparison. */
function sortByPathThenMethod(keys: readonly string[]): string[] {
  const parts = keys.map((k) => {
    const [m = '', p = ''] = k.split(' ');
    return { k, p, m: METHOD_ORDER.indexOf(m) };
  });
  parts.sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : a.m - b.m));
  return parts.map((x) => x.k);
}

function unionKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) if (!(k in a)) keys.push(k);
  return keys;
}

/** The changes from model `a` to model `b`; `intent` comes from the deltas between them. */
export function diffModels(a: ApiModel, b: ApiModel, intent: Intent): RawChange[] {
  const x: Ctx = { a, b, intent, out: [] };
  const api: SideInfo = { side: 'operation' };
  if (!same(a.servers, b.servers)) push(x, 'servers.changed', both(['servers'], '/servers', ['servers'], '/servers'), api, { before: a.servers, after: b.servers });

  for (const name of unionKeys(a.commonParameters, b.commonParameters)) {
    const pa = a.commonParameters[name], pb = b.commonParameters[name];
    const loc: Loc = ['*', `header ${pb?.name ?? pa!.name}`];
    const ptr = commonParameterPointer(pb?.name ?? pa!.name);
    if (!pa) push(x, 'parameter.added', newerOnly(loc, ptr), { side: 'request' }, { after: pb, required: pb!.required });
    else if (!pb) push(x, 'parameter.removed', olderOnly(loc, ptr), { side: 'request' }, { before: pa, required: pa.required });
    else if (pa !== pb) diffParameter(x, undefined, pa, pb, loc, ptr, ptr);
  }
  for (const name of unionKeys(a.commonResponseHeaders, b.commonResponseHeaders)) {
    const ha = a.commonResponseHeaders[name], hb = b.commonResponseHeaders[name];
    const loc: Loc = ['*', `response header ${name}`];
    const ptr = commonHeaderPointer(name);
    if (!ha) push(x, 'header.added', newerOnly(loc, ptr), { side: 'response' }, { after: hb });
    else if (!hb) push(x, 'header.removed', olderOnly(loc, ptr), { side: 'response' }, { before: ha });
    else if (ha !== hb) diffHeader(x, undefined, ha, hb, loc, loc, ptr, ptr);
  }

  for (const key of sortByPathThenMethod(unionKeys(a.operations, b.operations))) {
    const oa = a.operations[key], ob = b.operations[key];
    const info: SideInfo & { operation: string } = { side: 'operation', operation: key };
    if (!oa) push(x, 'operation.added', newerOnly([key], operationPointer(ob!)), info, { after: opSummary(ob!) });
    else if (!ob) push(x, 'operation.removed', olderOnly([key], operationPointer(oa)), info, { before: opSummary(oa) });
    else if (oa !== ob) diffOperation(x, key, oa, ob);
  }

  for (const name of unionKeys(a.schemas, b.schemas).sort()) {
    const sa = a.schemas[name], sb = b.schemas[name];
    const loc: Loc = [`schema ${name}`];
    const ptr = componentSchemaPointer(name);
    // Unchanged schemas (the same object, mostly) need no usage: it is looked up for changes only.
    if (sa === sb) continue;
    const info = sharedSide(x, name);
    if (!sa) push(x, 'schema.added', newerOnly(loc, ptr), info, { after: sb });
    else if (!sb) push(x, 'schema.removed', olderOnly(loc, ptr), info, { before: sa });
    else if (sa !== sb && !same(sa, sb)) {
      const env: SchemaEnv = { ...info, prefix: 'property', extendLoc: true };
      if (x.intent.replaced.has(locKey(loc))) push(x, 'schema.replaced', both(loc, ptr, loc, ptr), info, { before: sa, after: sb, inner: nested(x, env, sa, sb, loc, ptr) });
      else diffSchema(x, env, sa, sb, loc, loc, ptr, ptr);
    }
  }
  return x.out;
}

const opSummary = (op: Operation) => ({ operationId: op.operationId, summary: op.summary });

function sharedSide(x: Ctx, name: string): SideInfo {
  const model = x.b.schemas[name] ? x.b : x.a;
  const u = usageOfSchema(model, name);
  const sides: WireSide[] = [];
  if (u.request.size) sides.push('request');
  if (u.response.size) sides.push('response');
  const usedBy = [...new Set([...u.request, ...u.response])].sort();
  // Unused: judged as both sides, to be safe (generated clients may still name it).
  const judged: WireSide[] = sides.length ? sides : ['request', 'response'];
  return { side: judged.length === 1 ? judged[0]! : 'response', sides: judged, ...(usedBy.length ? { usedBy } : {}) };
}

const hidden = (o: { gone?: unknown; retiredIn?: string }) => o.gone !== undefined || o.retiredIn !== undefined;

/** Lifecycle flags shared by operations and actions: gone, retired, deprecated. */
function diffLifecycle(x: Ctx, family: 'operation' | 'action', oa: Operation | Action, ob: Operation | Action, e: { older: End; newer: End }, deprecatedPointers: [string, string], info: SideInfo & { operation: string }): void {
  if (!oa.gone && ob.gone) push(x, `${family}.gone`, e, info, { after: ob.gone.release });
  else if (oa.gone && !ob.gone) push(x, `${family}.ungone`, e, info, { before: oa.gone.release });
  else if (oa.gone && ob.gone && oa.gone.release !== ob.gone.release) push(x, `${family}.changed`, e, info, { before: { gone: oa.gone.release }, after: { gone: ob.gone.release }, keys: ['gone'] });
  if (!oa.retiredIn && ob.retiredIn) push(x, `${family}.retired`, e, info, { after: ob.retiredIn });
  else if (oa.retiredIn && !ob.retiredIn) push(x, `${family}.unretired`, e, info, { before: oa.retiredIn });
  // Gone and retired ones are emitted deprecated anyway: the flag underneath is not visible.
  if (oa.deprecated !== ob.deprecated && !hidden(oa) && !hidden(ob)) {
    const [pa, pb] = deprecatedPointers;
    push(x, `${family}.${ob.deprecated ? 'deprecated' : 'undeprecated'}`, both(e.older.loc, pa, e.newer.loc, pb), info, { before: oa.deprecated, after: ob.deprecated });
  }
}

function diffOperation(x: Ctx, key: string, oa: Operation, ob: Operation): void {
  const loc: Loc = [key];
  const pa = operationPointer(oa), pb = operationPointer(ob);
  const e = both(loc, pa, loc, pb);
  const info = { side: 'operation' as const, operation: key };
  if (oa.operationId !== ob.operationId) push(x, 'operation.changed', e, info, { before: { operationId: oa.operationId }, after: { operationId: ob.operationId }, keys: ['operationId'] });
  if (oa.summary !== ob.summary) push(x, 'summary.changed', both(loc, `${pa}/summary`, loc, `${pb}/summary`), info, { before: oa.summary, after: ob.summary });
  if (oa.description !== ob.description) push(x, 'description.changed', both(loc, `${pa}/description`, loc, `${pb}/description`), info, { before: oa.description, after: ob.description });
  if (!same(oa.tags, ob.tags)) push(x, 'tags.changed', both(loc, `${pa}/tags`, loc, `${pb}/tags`), info, { before: oa.tags, after: ob.tags });
  diffLifecycle(x, 'operation', oa, ob, e, [`${pa}/deprecated`, `${pb}/deprecated`], info);

  if (oa.parameters !== ob.parameters) {
    for (const pk of unionKeys(oa.parameters, ob.parameters)) {
      const qa = oa.parameters[pk], qb = ob.parameters[pk];
      const ploc: Loc = [key, pk];
      if (!qa) push(x, 'parameter.added', newerOnly(ploc, parameterPointer(ob, pk)), { side: 'request', operation: key }, { after: qb, required: qb!.required });
      else if (!qb) push(x, 'parameter.removed', olderOnly(ploc, parameterPointer(oa, pk)), { side: 'request', operation: key }, { before: qa, required: qa.required });
      else if (qa !== qb) diffParameter(x, key, qa, qb, ploc, parameterPointer(oa, pk), parameterPointer(ob, pk));
    }
  }

  // A retired operation's contract is not emitted (it answers only 410).
  const contract = !oa.retiredIn && !ob.retiredIn;
  if (oa.actions || ob.actions) {
    diffActions(x, key, oa, ob, contract);
    return;
  }
  if (!contract) return;
  const hloc = loc;
  const ra = oa.request, rb = ob.request;
  const rinfo = { side: 'request' as const, operation: key };
  const rloc: Loc = [...hloc, 'request'];
  if (!ra && rb) push(x, 'body.added', newerOnly(rloc, requestBodyPointer(ob)), rinfo, { after: rb.schema, required: rb.required });
  else if (ra && !rb) push(x, 'body.removed', olderOnly(rloc, requestBodyPointer(oa)), rinfo, { before: ra.schema, required: ra.required });
  else if (ra && rb && ra !== rb) {
    if (ra.required !== rb.required) {
      push(x, `body.${rb.required ? 'made-required' : 'made-optional'}`, both(rloc, `${requestBodyPointer(oa)}/required`, rloc, `${requestBodyPointer(ob)}/required`), rinfo, { before: ra.required, after: rb.required });
    }
    diffBody(x, rinfo, ra.schema, rb.schema, rloc, rloc, requestSchemaPointer(oa), requestSchemaPointer(ob));
  }
  diffResponses(x, { op: oa, loc: hloc }, { op: ob, loc: hloc }, key);
}

function diffActions(x: Ctx, key: string, oa: Operation, ob: Operation, contract: boolean): void {
  const aa = oa.actions ?? {}, ab = ob.actions ?? {};
  if (aa === ab) return;
  for (const name of unionKeys(aa, ab)) {
    const xa = aa[name], xb = ab[name];
    const loc: Loc = [key, `#${name}`];
    const info = { side: 'operation' as const, operation: `${key} #${name}` };
    if (!xa) push(x, 'action.added', newerOnly(loc, actionRequestPointer(ob, name)), info, { after: { summary: xb!.summary } });
    else if (!xb) push(x, 'action.removed', olderOnly(loc, actionRequestPointer(oa, name)), info, { before: { summary: xa.summary } });
    else if (xa !== xb) {
      const pa = actionRequestPointer(oa, name), pb = actionRequestPointer(ob, name);
      const changed = (['summary', 'description'] as const).filter((k) => xa[k] !== xb[k]);
      if (changed.length) {
        const pick = (v: Action) => Object.fromEntries(changed.map((k) => [k, v[k]]));
        push(x, 'action.changed', both(loc, `${operationPointer(oa)}/description`, loc, `${operationPointer(ob)}/description`), info, { before: pick(xa), after: pick(xb), keys: changed });
      }
      diffLifecycle(x, 'action', xa, xb, both(loc, pa, loc, pb), [`${pa}/deprecated`, `${pb}/deprecated`], info);
      if (!contract) continue;
      const rloc: Loc = [...loc, 'request'];
      diffBody(x, { side: 'request', operation: info.operation }, xa.request, xb.request, rloc, rloc, pa, pb);
      // A retired action's responses leave the operation's merged responses.
      if (!xa.retiredIn && !xb.retiredIn) diffResponses(x, { op: oa, action: name, loc }, { op: ob, action: name, loc }, info.operation);
    }
  }
}

interface HolderSide {
  readonly op: Operation;
  readonly action?: string;
  readonly loc: Loc;
}

const responsesOf = (h: HolderSide): Readonly<Record<string, Response>> => (h.action ? h.op.actions![h.action]!.responses : h.op.responses);
const bodyPointer = (h: HolderSide, status: string) => (h.action ? actionResponseSchemaPointer(h.op, h.action, status) : responseSchemaPointer(h.op, status));

function diffResponses(x: Ctx, ha: HolderSide, hb: HolderSide, operation: string): void {
  const ra = responsesOf(ha), rb = responsesOf(hb);
  if (ra === rb) return;
  const info = { side: 'response' as const, operation };
  const moved = new Map<string, string>();
  for (const [from, to] of x.intent.statuses.get(locKey(ha.loc)) ?? []) {
    if (ra[from] && !ra[to] && rb[to] && !rb[from]) moved.set(from, to);
  }
  const movedTo = new Set(moved.values());
  for (const status of unionKeys(ra, rb)) {
    const to = moved.get(status);
    if (to !== undefined) {
      push(x, 'status.changed', both([...ha.loc, `response ${status}`], responsePointer(ha.op, status), [...hb.loc, `response ${to}`], responsePointer(hb.op, to)), info, { before: Number(status), after: Number(to) });
      diffResponse(x, ha, hb, status, to, ra[status]!, rb[to]!, info);
      continue;
    }
    if (movedTo.has(status)) continue;
    const a = ra[status], b = rb[status];
    if (!a) push(x, 'response.added', newerOnly([...hb.loc, `response ${status}`], responsePointer(hb.op, status)), info, { after: b });
    else if (!b) push(x, 'response.removed', olderOnly([...ha.loc, `response ${status}`], responsePointer(ha.op, status)), info, { before: a });
    else if (a !== b) diffResponse(x, ha, hb, status, status, a, b, info);
  }
}

function diffResponse(x: Ctx, ha: HolderSide, hb: HolderSide, sa: string, sb: string, a: Response, b: Response, info: SideInfo & { operation: string }): void {
  const la: Loc = [...ha.loc, `response ${sa}`], lb: Loc = [...hb.loc, `response ${sb}`];
  const pa = responsePointer(ha.op, sa), pb = responsePointer(hb.op, sb);
  if (!!a.error !== !!b.error) {
    push(x, 'response.changed', both(la, pa, lb, pb), info, { before: a, after: b, keys: ['error'] });
    return;
  }
  // Error responses are described by api.yaml, the same at every version.
  if (a.error) return;
  if (a.description !== b.description) push(x, 'description.changed', both(la, `${pa}/description`, lb, `${pb}/description`), info, { before: a.description, after: b.description });
  if (a.headers !== b.headers) {
    for (const name of unionKeys(a.headers, b.headers)) {
      const xa = a.headers[name], xb = b.headers[name];
      const hla: Loc = [...la, `header ${name}`], hlb: Loc = [...lb, `header ${name}`];
      if (!xa) push(x, 'header.added', newerOnly(hlb, responseHeaderPointer(hb.op, sb, name)), info, { after: xb });
      else if (!xb) push(x, 'header.removed', olderOnly(hla, responseHeaderPointer(ha.op, sa, name)), info, { before: xa });
      else if (xa !== xb) diffHeader(x, info.operation, xa, xb, hla, hlb, responseHeaderPointer(ha.op, sa, name), responseHeaderPointer(hb.op, sb, name));
    }
  }
  if (!a.schema && b.schema) push(x, 'body.added', newerOnly(lb, bodyPointer(hb, sb)), info, { after: b.schema });
  else if (a.schema && !b.schema) push(x, 'body.removed', olderOnly(la, bodyPointer(ha, sa)), info, { before: a.schema });
  else if (a.schema && b.schema && a.schema !== b.schema) diffBody(x, info, a.schema, b.schema, la, lb, bodyPointer(ha, sa), bodyPointer(hb, sb));
}

/** A body present on both sides: replaced wholesale (the delta said so), or diffed inside. */
function diffBody(x: Ctx, info: SideInfo & { operation: string }, a: Schema, b: Schema, la: Loc, lb: Loc, pa: string, pb: string): void {
  if (a === b || same(a, b)) return;
  const env: SchemaEnv = { ...info, prefix: 'property', extendLoc: true };
  if (x.intent.replaced.has(locKey(lb)) || x.intent.replaced.has(locKey(la))) {
    push(x, 'body.replaced', both(la, pa, lb, pb), info, { before: a, after: b, inner: nested(x, env, a, b, la, pa, lb, pb) });
  } else diffSchema(x, env, a, b, la, lb, pa, pb);
}

function nested(x: Ctx, env: SchemaEnv, a: Schema, b: Schema, la: Loc, pa: string, lb: Loc = la, pb: string = pa): RawChange[] {
  const sub: Ctx = { ...x, out: [] };
  diffSchema(sub, env, a, b, la, lb, pa, pb);
  return sub.out;
}

function diffParameter(x: Ctx, operation: string | undefined, a: Parameter, b: Parameter, loc: Loc, pa: string, pb: string): void {
  const info = { side: 'request' as const, ...(operation !== undefined ? { operation } : {}) };
  if (a.description !== b.description) push(x, 'description.changed', both(loc, `${pa}/description`, loc, `${pb}/description`), info, { before: a.description, after: b.description });
  if (a.required !== b.required) push(x, `parameter.${b.required ? 'made-required' : 'made-optional'}`, both(loc, `${pa}/required`, loc, `${pb}/required`), info, { before: a.required, after: b.required });
  if (!!a.deprecated !== !!b.deprecated) push(x, `parameter.${b.deprecated ? 'deprecated' : 'undeprecated'}`, both(loc, `${pa}/deprecated`, loc, `${pb}/deprecated`), info, { before: !!a.deprecated, after: !!b.deprecated });
  diffSchema(x, { ...info, prefix: 'parameter', extendLoc: false }, a.schema, b.schema, loc, loc, `${pa}/schema`, `${pb}/schema`);
}

function diffHeader(x: Ctx, operation: string | undefined, a: Header, b: Header, la: Loc, lb: Loc, pa: string, pb: string): void {
  const info = { side: 'response' as const, ...(operation !== undefined ? { operation } : {}) };
  if (a.description !== b.description) push(x, 'description.changed', both(la, `${pa}/description`, lb, `${pb}/description`), info, { before: a.description, after: b.description });
  diffSchema(x, { ...info, prefix: 'header', extendLoc: false }, a.schema, b.schema, la, lb, `${pa}/schema`, `${pb}/schema`);
}

// Schema keywords diffed on their own; every other keyword is reported in one `*.changed`.
const OWN_KEYS = new Set(['type', '$ref', 'nullable', 'description', 'deprecated', 'enum', 'properties', 'required', 'items', 'additionalProperties', 'oneOf', 'anyOf', 'allOf']);

/** The type a schema allows, for type-changed: `boolean`, `[boolean, string]`, `{ $ref: Color }`, `{ type: integer, nullable: true }`. */
export function typeView(s: Schema): unknown {
  const t = s['type'], r = s['$ref'], n = s['nullable'] === true;
  if (r === undefined && !n) return t;
  return { ...(t !== undefined ? { type: t } : {}), ...(r !== undefined ? { $ref: r } : {}), ...(n ? { nullable: true } : {}) };
}

const requiredSet = (s: Schema): Set<string> => new Set(Array.isArray(s['required']) ? (s['required'] as unknown[]).filter((n): n is string => typeof n === 'string') : []);
const propsOf = (s: Schema): Readonly<Record<string, Schema>> | undefined => (isObject(s['properties']) ? (s['properties'] as Readonly<Record<string, Schema>>) : undefined);

function diffSchema(x: Ctx, env: SchemaEnv, a: Schema, b: Schema, la: Loc, lb: Loc, pa: string, pb: string): void {
  if (a === b || same(a, b)) return;
  const p = env.prefix;
  const e = both(la, pa, lb, pb);
  const kw = (key: string) => both(la, keywordPointer(a, pa, key), lb, keywordPointer(b, pb, key));
  const child = (l: Loc, token: string): Loc => (env.extendLoc ? [...l, token] : l);
  const generic: string[] = [];

  const ta = typeView(a), tb = typeView(b);
  if (!same(ta, tb)) push(x, `${p}.type-changed`, e, env, { before: ta, after: tb });
  if (a['description'] !== b['description']) push(x, 'description.changed', kw('description'), env, { before: a['description'], after: b['description'] });
  if (!!a['deprecated'] !== !!b['deprecated']) push(x, `${p}.${b['deprecated'] ? 'deprecated' : 'undeprecated'}`, kw('deprecated'), env, { before: !!a['deprecated'], after: !!b['deprecated'] });

  const ea = a['enum'], eb = b['enum'];
  if (Array.isArray(ea) && Array.isArray(eb)) {
    for (const v of eb) if (!ea.some((w) => same(v, w))) push(x, 'enum.value-added', kw('enum'), env, { after: v });
    for (const v of ea) if (!eb.some((w) => same(v, w))) push(x, 'enum.value-removed', kw('enum'), env, { before: v });
  } else if (!same(ea, eb)) generic.push('enum');

  const propsA = propsOf(a), propsB = propsOf(b);
  const reqA = requiredSet(a), reqB = requiredSet(b);
  const named = new Set<string>();
  if (propsA || propsB) {
    const PA = propsA ?? {}, PB = propsB ?? {};
    const renamed = new Map<string, string>();
    for (const [from, to] of (env.extendLoc ? x.intent.renames.get(locKey(la)) : undefined) ?? []) {
      if (from in PA && !(from in PB) && to in PB && !(to in PA)) renamed.set(from, to);
    }
    const renamedTo = new Set(renamed.values());
    const step = (name: string): ChildStep => ({ t: 'prop', name });
    for (const name of unionKeys(PA, PB)) {
      named.add(name);
      const to = renamed.get(name);
      const cla = child(la, propToken(name));
      const cpa = childPointer(a, pa, step(name));
      if (to !== undefined) {
        const clb = child(lb, propToken(to)), cpb = childPointer(b, pb, step(to));
        push(x, `${p}.renamed`, both(cla, cpa, clb, cpb), env, { before: name, after: to });
        if (reqA.has(name) !== reqB.has(to)) push(x, `${p}.${reqB.has(to) ? 'made-required' : 'made-optional'}`, both(cla, cpa, clb, cpb), env, { before: reqA.has(name), after: reqB.has(to) });
        diffSchema(x, env, PA[name]!, PB[to]!, cla, clb, cpa, cpb);
        continue;
      }
      if (renamedTo.has(name)) continue;
      const sa = PA[name], sb = PB[name];
      const clb = child(lb, propToken(name)), cpb = childPointer(b, pb, step(name));
      if (!sa) push(x, `${p}.added`, newerOnly(clb, cpb), env, { after: sb, required: reqB.has(name) });
      else if (!sb) push(x, `${p}.removed`, olderOnly(cla, cpa), env, { before: sa, required: reqA.has(name) });
      else {
        if (reqA.has(name) !== reqB.has(name)) push(x, `${p}.${reqB.has(name) ? 'made-required' : 'made-optional'}`, both(cla, cpa, clb, cpb), env, { before: reqA.has(name), after: reqB.has(name) });
        diffSchema(x, env, sa, sb, cla, clb, cpa, cpb);
      }
    }
    for (const [from, to] of renamed) { named.add(from); named.add(to); }
  }
  // Required names that are not properties here are plain keyword changes.
  const loose = (r: Set<string>) => [...r].filter((n) => !named.has(n)).sort();
  if (!same(loose(reqA), loose(reqB))) generic.push('required');

  const sub = (key: 'items' | 'additionalProperties', token: string, s: ChildStep) => {
    const ca = a[key], cb = b[key];
    if (isObject(ca) && isObject(cb)) diffSchema(x, env, ca as Schema, cb as Schema, child(la, token), child(lb, token), childPointer(a, pa, s), childPointer(b, pb, s));
    else if (!same(ca, cb)) generic.push(key);
  };
  sub('items', '/[]', { t: 'items' });
  sub('additionalProperties', '/{}', { t: 'values' });
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const ca = a[key], cb = b[key];
    if (Array.isArray(ca) && Array.isArray(cb) && ca.length === cb.length) {
      ca.forEach((s, i) => diffSchema(x, env, s as Schema, cb[i] as Schema, child(la, `/[${i}]`), child(lb, `/[${i}]`), childPointer(a, pa, { t: 'alt', key, index: i }), childPointer(b, pb, { t: 'alt', key, index: i })));
    } else if (!same(ca, cb)) generic.push(key);
  }

  for (const k of unionKeys(a, b)) if (!OWN_KEYS.has(k) && !same(a[k], b[k])) generic.push(k);
  if (generic.length) {
    const pick = (s: Schema) => Object.fromEntries(generic.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
    push(x, `${p}.changed`, e, env, { before: pick(a), after: pick(b), keys: generic });
  }
}
