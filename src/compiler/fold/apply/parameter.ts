import type { ApiModel, Parameter } from '../../model/api-model.js';
import { parameterKey } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import { assoc, dissoc } from '../../util/immutable.js';
import { isIssue, issue, type FoldIssue } from '../context.js';
import { toParameter } from '../normalize.js';
import { editSchema } from '../schema-edit.js';
import { opKeyOf, updateOperation, type Applied } from '../targets.js';
import { checkPathParams } from './operation.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;

type Params = Readonly<Record<string, Parameter>>;

/** Runs `fn` on the parameter record the where names: one operation's, or the API-wide one. */
function updateParams(model: ApiModel, c: Change, fn: (params: Params, key: string, label: string) => Params | FoldIssue): Applied {
  const p = c.where.place as { in: Parameter['in']; name: string };
  const key = parameterKey(p.in, p.name);
  if (c.where.subject.kind === 'all') {
    const next = fn(model.commonParameters, key, `every operation's ${p.in} parameter ${p.name}`);
    return isIssue(next) ? next : { ...model, commonParameters: next };
  }
  return updateOperation(model, c.where, (op) => {
    const next = fn(op.parameters, key, `${opKeyOf(c.where)} ${p.in} parameter ${p.name}`);
    if (isIssue(next)) return next;
    const updated = { ...op, parameters: next };
    if (p.in === 'path') {
      const bad = checkPathParams(updated);
      if (bad) return bad;
    }
    return updated;
  });
}

export function parameterAdd(model: ApiModel, c: K<'parameter.add'>): Applied {
  const p = c.where.place as { in: Parameter['in']; name: string };
  const key = parameterKey(p.in, p.name);
  // OpenAPI forbids two parameters of the same name and location on one operation.
  if (c.where.subject.kind === 'all') {
    const op = Object.values(model.operations).find((o) => o.parameters[key]);
    if (op) return issue('fold/already-exists', `${op.method} ${op.path} already has its own ${p.in} parameter ${p.name}; expected it removed before every operation takes one`);
  } else if (p.in === 'header' && model.commonParameters[key]) {
    return issue('fold/already-exists', `every operation already takes header ${p.name}; expected no per-operation copy`);
  }
  return updateParams(model, c, (params, key, label) =>
    params[key] ? issue('fold/already-exists', `${label} already exists; expected parameter.change`) : assoc(params, key, toParameter({ ...c.parameter, in: p.in, name: p.name })));
}

export function parameterRemove(model: ApiModel, c: K<'parameter.remove'>): Applied {
  return updateParams(model, c, (params, key, label) => (params[key] ? dissoc(params, key) : issue('fold/not-found', `${label} does not exist; expected one of: ${Object.keys(params).join(', ') || '(none)'}`)));
}

export function parameterChange(model: ApiModel, c: K<'parameter.change'>): Applied {
  return updateParams(model, c, (params, key, label) => {
    const p = params[key];
    if (!p) return issue('fold/not-found', `${label} does not exist; expected one of: ${Object.keys(params).join(', ') || '(none)'}`);
    const schema = editSchema(p.schema, c, label);
    if (isIssue(schema)) return schema;
    const next: Parameter = {
      ...p, schema,
      ...(c.description !== undefined ? { description: c.description } : {}),
      ...(c.required !== undefined ? { required: c.required } : {}),
      ...(c.deprecated !== undefined ? { deprecated: c.deprecated } : {}),
    };
    return assoc(params, key, next);
  });
}
