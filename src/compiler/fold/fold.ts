// The fold: model_n = fold(model_{n-1}, delta_n). Pure: inputs are never mutated, and every subtree
// a delta does not touch is shared by reference with the previous version's model.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { EMPTY_MODEL, type ApiModel, type Schema } from '../model/api-model.js';
import type { ApiInfo, Change, Delta } from '../model/delta.js';
import { locate } from '../source/source-file.js';
import { expectedOneOf, isIssue, issue, type FoldContext, type FoldIssue } from './context.js';
import type { Applied } from './targets.js';
import { actionAdd, actionChange, actionRemove } from './apply/action.js';
import { bodyAdd, bodyRemove, bodyReplace } from './apply/body.js';
import { headerAdd, headerRemove } from './apply/header.js';
import { operationAdd, operationChange, operationRemove } from './apply/operation.js';
import { parameterAdd, parameterChange, parameterRemove } from './apply/parameter.js';
import { propertyAdd, propertyChange, propertyRemove, propertyRename } from './apply/property.js';
import { responseAdd, responseChange, responseRemove, statusChange } from './apply/response.js';
import { schemaAdd, schemaRemove } from './apply/schema.js';
import { serversChange } from './apply/servers.js';
import { collectRefs, findUsers } from './refs.js';
import { has, own } from '../util/own.js';

export function applyChange(model: ApiModel, c: Change, ctx: FoldContext): Applied {
  switch (c.kind) {
    case 'operation.add': return operationAdd(model, c, ctx);
    case 'operation.remove': return operationRemove(model, c, ctx);
    case 'operation.change': return operationChange(model, c);
    case 'action.add': return actionAdd(model, c, ctx);
    case 'action.remove': return actionRemove(model, c, ctx);
    case 'action.change': return actionChange(model, c);
    case 'parameter.add': return parameterAdd(model, c);
    case 'parameter.remove': return parameterRemove(model, c);
    case 'parameter.change': return parameterChange(model, c);
    case 'body.add': return bodyAdd(model, c);
    case 'body.remove': return bodyRemove(model, c);
    case 'body.replace': return bodyReplace(model, c);
    case 'property.add': return propertyAdd(model, c);
    case 'property.remove': return propertyRemove(model, c);
    case 'property.rename': return propertyRename(model, c);
    case 'property.change': return propertyChange(model, c);
    case 'response.add': return responseAdd(model, c, ctx);
    case 'response.remove': return responseRemove(model, c);
    case 'response.change': return responseChange(model, c);
    case 'status.change': return statusChange(model, c);
    case 'header.add': return headerAdd(model, c);
    case 'header.remove': return headerRemove(model, c);
    case 'servers.change': return serversChange(model, c);
    case 'schema.add': return schemaAdd(model, c);
    case 'schema.remove': return schemaRemove(model, c);
  }
}

/** Folds one delta; a change whose precondition fails is reported and skipped, so every error shows. */
export function foldDelta(prev: ApiModel, delta: Delta, api: ApiInfo): [ApiModel, Diagnostic[]] {
  const version = delta.version.text;
  const ctx: FoldContext = { api, version };
  const diags: Diagnostic[] = [];
  let model: ApiModel = { ...prev, version };
  const where = (index: number, c: Change) => locate(delta.file, ['changes', index, c.kind === 'servers.change' ? 'kind' : 'where']);
  const report = (index: number, c: Change, i: FoldIssue) =>
    diags.push(diag(i.code, `${version}: ${c.kind}${c.where.text ? ` at "${c.where.text}"` : ''}: ${i.message}`, { location: where(index, c), version }));
  const refsToCheck: { index: number; c: Change; refs: Set<string> }[] = [];
  const removed = new Map<string, { index: number; c: Change; schema: Schema }>();
  for (const { change: c, index } of delta.changes) {
    const before = c.kind === 'schema.remove' ? own(model.schemas, (c.where.subject as { name: string }).name) : undefined;
    const next = applyChange(model, c, ctx);
    if (isIssue(next)) { report(index, c, next); continue; }
    model = next;
    const { where: _w, kind: _k, ...fields } = c;
    void _w; void _k;
    const refs = collectRefs(fields);
    if (refs.size) refsToCheck.push({ index, c, refs });
    if (c.kind === 'schema.remove' && before) removed.set((c.where.subject as { name: string }).name, { index, c, schema: before });
    // Removed and added again in the same delta: the new schema stands.
    if (c.kind === 'schema.add') removed.delete((c.where.subject as { name: string }).name);
  }
  // A schema still in use once the whole delta is in is not removed: it is put back, so its users
  // get no second, misleading error.
  if (removed.size) {
    const users = findUsers(model, new Set(removed.keys()));
    for (const [name, { index, c, schema }] of removed) {
      const u = users.get(name);
      if (!u) continue;
      report(index, c, issue('fold/schema-in-use', `schema ${name} is still referenced by ${u.slice(0, 5).join('; ')}${u.length > 5 ? ` and ${u.length - 5} more` : ''}; expected no users left`));
      model = { ...model, schemas: { ...model.schemas, [name]: schema } };
    }
  }
  // References are checked once the whole delta is in, so a delta may add a schema after its user
  // (and a reference removed again within the delta is no error).
  const missing = new Set([...refsToCheck.flatMap((x) => [...x.refs])].filter((r) => !own(model.schemas, r)));
  if (missing.size) {
    const stillUsed = findUsers(model, missing);
    for (const { index, c, refs } of refsToCheck) {
      for (const r of refs) {
        if (stillUsed.has(r)) report(index, c, issue('fold/unknown-ref', `$ref ${r} names no shared schema at ${version}; ${expectedOneOf(r, Object.keys(model.schemas))}`));
      }
    }
  }
  return [model, diags];
}

export interface Timeline {
  /** One model per delta, in version order. */
  readonly models: readonly ApiModel[];
  readonly diagnostics: readonly Diagnostic[];
}

export function foldAll(deltas: readonly Delta[], api: ApiInfo): Timeline {
  const models: ApiModel[] = [];
  const diagnostics: Diagnostic[] = [];
  let model = EMPTY_MODEL;
  for (const d of deltas) {
    const [next, ds] = foldDelta(model, d, api);
    models.push(next);
    diagnostics.push(...ds);
    model = next;
  }
  return { models, diagnostics };
}
