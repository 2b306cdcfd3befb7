import type { ApiModel } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import { assoc, dissoc } from '../../util/immutable.js';
import { expectedOneOf, issue, type FoldContext } from '../context.js';
import { toAction } from '../normalize.js';
import { opKeyOf, updateAction, updateOperation, type Applied } from '../targets.js';
import { own } from '../../util/own.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;
const actionName = (c: Change) => (c.where.subject.kind === 'operation' ? c.where.subject.action! : '');

export function actionAdd(model: ApiModel, c: K<'action.add'>, ctx: FoldContext): Applied {
  const name = actionName(c);
  return updateOperation(model, c.where, (op) => {
    if (!op.actions) return issue('fold/not-an-action-operation', `${opKeyOf(c.where)} takes no actions; expected an operation added with actions: {}`);
    if (own(op.actions, name)) return issue('fold/already-exists', `${opKeyOf(c.where)} already has action "${name}"; expected action.change, or action.remove first`);
    return { ...op, actions: assoc(op.actions, name, toAction(ctx.api, name, c.action)) };
  });
}

export function actionRemove(model: ApiModel, c: K<'action.remove'>, ctx: FoldContext): Applied {
  const name = actionName(c);
  if (c.answers === 410) {
    return updateAction(model, c.where, (a) =>
      a.retiredIn ? issue('fold/already-exists', `action "${name}" was already retired (410) in ${a.retiredIn}`) : { ...a, deprecated: true, retiredIn: ctx.version });
  }
  return updateOperation(model, c.where, (op) => {
    if (!op.actions) return issue('fold/not-an-action-operation', `${opKeyOf(c.where)} takes no actions`);
    if (!own(op.actions, name)) return issue('fold/not-found', `${opKeyOf(c.where)} has no action "${name}" to remove; ${expectedOneOf(name, Object.keys(op.actions))}`);
    return { ...op, actions: dissoc(op.actions, name) };
  });
}

export function actionChange(model: ApiModel, c: K<'action.change'>): Applied {
  return updateAction(model, c.where, (a) => ({ ...a, ...c.set }));
}
