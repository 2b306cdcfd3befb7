import type { ApiModel, Operation } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import { assoc, dissoc } from '../../util/immutable.js';
import { issue, type FoldContext, type FoldIssue } from '../context.js';
import { pathParams, toOperation } from '../normalize.js';
import { opKeyOf, updateOperation, type Applied } from '../targets.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;

export function operationAdd(model: ApiModel, c: K<'operation.add'>, ctx: FoldContext): Applied {
  const key = opKeyOf(c.where);
  if (model.operations[key]) return issue('fold/already-exists', `operation ${key} already exists; expected operation.change, or operation.remove first`);
  const s = c.where.subject as { method: string; path: string };
  const op = toOperation(ctx.api, s.method, s.path, c.operation);
  const bad = checkPathParams(op);
  if (bad) return bad;
  if (!op.actions && Object.keys(op.responses).length === 0) return issue('fold/not-found', `operation ${key} has no responses; expected at least one under responses or errors`);
  const shape = templateShape(op.path);
  const twin = Object.values(model.operations).find((o) => o.path !== op.path && templateShape(o.path) === shape);
  if (twin) return issue('fold/ambiguous-path', `${key} has the same path template as ${twin.method} ${twin.path} with other parameter names; expected the same names ({${pathParams(twin.path).join('}, {')}})`);
  const common = Object.values(op.parameters).find((p) => p.in === 'header' && model.commonParameters[`header ${p.name}`]);
  if (common) return issue('fold/already-exists', `${key} declares header parameter ${common.name}, which every operation already takes; expected no such parameter here`);
  const clash = Object.values(model.operations).find((o) => o.operationId === op.operationId);
  if (clash) return issue('fold/duplicate-operation-id', `operationId "${op.operationId}" of ${key} is already used by ${clash.method} ${clash.path}; expected a unique operationId`);
  return { ...model, operations: assoc(model.operations, key, op) };
}

export function operationRemove(model: ApiModel, c: K<'operation.remove'>, ctx: FoldContext): Applied {
  const key = opKeyOf(c.where);
  const op = model.operations[key];
  if (!op) return issue('fold/not-found', `no operation ${key} to remove; expected an operation that exists at this version`);
  if (c.answers === 404) return { ...model, operations: dissoc(model.operations, key) };
  if (op.retiredIn) return issue('fold/already-exists', `operation ${key} was already retired (410) in ${op.retiredIn}`);
  return { ...model, operations: assoc(model.operations, key, { ...op, deprecated: true, retiredIn: ctx.version }) };
}

export function operationChange(model: ApiModel, c: K<'operation.change'>): Applied {
  return updateOperation(model, c.where, (op) => ({ ...op, ...c.set }));
}

/** A path with its parameter names blanked: equal shapes are the same path to OpenAPI. */
const templateShape = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');

/** Every `{name}` in the path has an `in: path` parameter, and every path parameter is in the path. */
export function checkPathParams(op: Operation): FoldIssue | undefined {
  const inPath = pathParams(op.path);
  const declared = Object.values(op.parameters).filter((p) => p.in === 'path').map((p) => p.name);
  const missing = inPath.filter((n) => !declared.includes(n));
  const extra = declared.filter((n) => !inPath.includes(n));
  if (missing.length) return issue('fold/path-parameter-missing', `${op.method} ${op.path} has no path parameter for {${missing.join('}, {')}}; expected a parameter with in: path and name: ${missing[0]}`);
  if (extra.length) return issue('fold/path-parameter-missing', `${op.method} ${op.path} declares path parameter ${extra.join(', ')} that is not in the path; expected {${extra[0]}} in the path`);
  return undefined;
}
