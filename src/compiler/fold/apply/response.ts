import type { ApiModel, Response } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import { assoc, dissoc, renameKey } from '../../util/immutable.js';
import { issue, type FoldContext } from '../context.js';
import { toResponse } from '../normalize.js';
import { updateHolder, type Applied } from '../targets.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;
const statusOf = (c: Change) => (c.where.place as { status: string }).status;
const list = (r: Readonly<Record<string, Response>>) => Object.keys(r).join(', ') || '(none)';

export function responseAdd(model: ApiModel, c: K<'response.add'>, ctx: FoldContext): Applied {
  const status = statusOf(c);
  return updateHolder(model, c.where, (h, label) => {
    if (h.responses[status]) return issue('fold/already-exists', `${label} already has a ${status} response; expected response.change`);
    let r: Response;
    if (c.response) r = toResponse(c.response);
    else {
      const e = ctx.api.errors[status];
      if (!e) return issue('fold/not-found', `${label}: error: true needs status ${status} under errors in api.yaml; expected one of ${Object.keys(ctx.api.errors).join(', ')}`);
      r = { description: e.description, headers: {}, error: true };
    }
    return { ...h, responses: assoc(h.responses, status, r) };
  });
}

export function responseRemove(model: ApiModel, c: K<'response.remove'>): Applied {
  const status = statusOf(c);
  return updateHolder(model, c.where, (h, label) =>
    h.responses[status] ? { ...h, responses: dissoc(h.responses, status) } : issue('fold/not-found', `${label} has no ${status} response to remove; expected one of: ${list(h.responses)}`));
}

export function responseChange(model: ApiModel, c: K<'response.change'>): Applied {
  const status = statusOf(c);
  return updateHolder(model, c.where, (h, label) => {
    const r = h.responses[status];
    if (!r) return issue('fold/not-found', `${label} has no ${status} response; expected one of: ${list(h.responses)}`);
    return { ...h, responses: assoc(h.responses, status, { ...r, ...c.set }) };
  });
}

export function statusChange(model: ApiModel, c: K<'status.change'>): Applied {
  const status = statusOf(c);
  const to = String(c.to);
  return updateHolder(model, c.where, (h, label) => {
    if (!h.responses[status]) return issue('fold/not-found', `${label} has no ${status} response to change; expected one of: ${list(h.responses)}`);
    if (h.responses[to]) return issue('fold/already-exists', `${label} already has a ${to} response; expected response.remove of it first`);
    const renamed = renameKey(h.responses, status, to);
    // Keep responses ordered by status code, as OpenAPI readers expect.
    const sorted: Record<string, Response> = {};
    for (const k of Object.keys(renamed).sort()) sorted[k] = renamed[k]!;
    return { ...h, responses: sorted };
  });
}
