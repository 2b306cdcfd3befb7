// Finding the operation, action or body a `where` names, and writing a new one back.
import type { Action, ApiModel, Operation, Response, Schema } from '../model/api-model.js';
import { operationKey } from '../model/api-model.js';
import type { Where } from '../model/where.js';
import { assoc } from '../util/immutable.js';
import { expectedOneOf, isIssue, issue, type FoldIssue } from './context.js';
import { nearest } from '../check/shape.js';
import { own } from '../util/own.js';

export type Applied = ApiModel | FoldIssue;

export function opKeyOf(w: Where): string {
  return w.subject.kind === 'operation' ? operationKey(w.subject.method, w.subject.path) : '';
}

export function updateOperation(model: ApiModel, w: Where, fn: (op: Operation) => Operation | FoldIssue): Applied {
  const key = opKeyOf(w);
  const op = model.operations[key];
  if (!op) return issue('fold/not-found', `no operation ${key}${nearbyOps(model, key)}`);
  const next = fn(op);
  if (isIssue(next)) return next;
  return next === op ? model : { ...model, operations: assoc(model.operations, key, next) };
}

export function updateAction(model: ApiModel, w: Where, fn: (a: Action) => Action | FoldIssue): Applied {
  const name = w.subject.kind === 'operation' ? w.subject.action! : '';
  return updateOperation(model, w, (op) => {
    if (!op.actions) return issue('fold/not-an-action-operation', `${opKeyOf(w)} takes no actions; expected an operation added with actions`);
    const a = own(op.actions, name);
    if (!a) return issue('fold/not-found', `${opKeyOf(w)} has no action "${name}"; ${expectedOneOf(name, Object.keys(op.actions))}`);
    const next = fn(a);
    if (isIssue(next)) return next;
    return next === a ? op : { ...op, actions: assoc(op.actions, name, next) };
  });
}

/** What operations and actions have in common: a request body and responses. */
export interface Holder {
  readonly request: Schema | undefined;
  readonly requestRequired: boolean;
  readonly responses: Readonly<Record<string, Response>>;
}

/** Applies `fn` to the operation or action the where names, as a Holder. */
export function updateHolder(model: ApiModel, w: Where, fn: (h: Holder, label: string) => Holder | FoldIssue): Applied {
  if (w.subject.kind !== 'operation') return issue('fold/not-found', `${w.text} names no operation`);
  const label = w.subject.action ? `${opKeyOf(w)} #${w.subject.action}` : opKeyOf(w);
  if (w.subject.action) {
    return updateAction(model, w, (a) => {
      const next = fn({ request: a.request, requestRequired: true, responses: a.responses }, label);
      if (isIssue(next)) return next;
      if (next.request === undefined) return issue('fold/not-found', `an action's request body cannot be removed; expected action.remove for ${label}`);
      return next.request === a.request && next.responses === a.responses ? a : { ...a, request: next.request, responses: next.responses };
    });
  }
  return updateOperation(model, w, (op) => {
    const next = fn({ request: op.request?.schema, requestRequired: op.request?.required ?? false, responses: op.responses }, label);
    if (isIssue(next)) return next;
    if (next.request === op.request?.schema && next.requestRequired === (op.request?.required ?? false) && next.responses === op.responses) return op;
    const { request: _drop, ...rest } = op;
    void _drop;
    if (next.request === undefined) return { ...rest, responses: next.responses };
    // An unchanged request keeps its own object, so it stays shared with the previous version.
    const same = op.request && op.request.schema === next.request && op.request.required === next.requestRequired;
    return { ...rest, request: same ? op.request! : { required: next.requestRequired, schema: next.request }, responses: next.responses };
  });
}

function nearbyOps(model: ApiModel, key: string): string {
  const path = key.split(' ')[1] ?? '';
  const same = Object.keys(model.operations).filter((k) => k.endsWith(` ${path}`));
  if (same.length) return `; expected one of: ${same.join(', ')}`;
  const near = nearest(key, Object.keys(model.operations));
  return near ? `; did you mean ${near}?` : '; expected an operation that exists at this version';
}
