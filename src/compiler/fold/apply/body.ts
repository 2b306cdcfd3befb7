import type { ApiModel } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import { assoc } from '../../util/immutable.js';
import { issue } from '../context.js';
import { updateHolder, type Applied } from '../targets.js';
import { own } from '../../util/own.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;

export function bodyAdd(model: ApiModel, c: K<'body.add'>): Applied {
  const place = c.where.place;
  return updateHolder(model, c.where, (h, label) => {
    if (place.kind === 'request') {
      if (h.request) return issue('fold/already-exists', `${label} already has a request body; expected body.replace`);
      return { ...h, request: c.schema, requestRequired: c.required ?? true };
    }
    const status = (place as { status: string }).status;
    const r = h.responses[status];
    if (!r) return issue('fold/not-found', `${label} has no ${status} response; expected one of: ${Object.keys(h.responses).join(', ')} (or response.add)`);
    if (r.schema) return issue('fold/already-exists', `${label} response ${status} already has a body; expected body.replace`);
    return { ...h, responses: assoc(h.responses, status, { ...r, schema: c.schema }) };
  });
}

export function bodyRemove(model: ApiModel, c: K<'body.remove'>): Applied {
  const place = c.where.place;
  return updateHolder(model, c.where, (h, label) => {
    if (place.kind === 'request') {
      if (!h.request) return issue('fold/not-found', `${label} has no request body to remove`);
      return { ...h, request: undefined, requestRequired: false };
    }
    const status = (place as { status: string }).status;
    const r = h.responses[status];
    if (!r?.schema) return issue('fold/not-found', `${label} has no ${status} response body to remove`);
    const { schema: _s, ...rest } = r;
    void _s;
    return { ...h, responses: assoc(h.responses, status, rest) };
  });
}

export function bodyReplace(model: ApiModel, c: K<'body.replace'>): Applied {
  const place = c.where.place;
  if (c.where.subject.kind === 'schema') {
    const name = c.where.subject.name;
    if (!own(model.schemas, name)) return issue('fold/not-found', `no shared schema ${name}; expected schema.add first`);
    return { ...model, schemas: assoc(model.schemas, name, c.schema) };
  }
  return updateHolder(model, c.where, (h, label) => {
    if (place.kind === 'request') {
      if (!h.request) return issue('fold/not-found', `${label} has no request body to replace; expected body.add`);
      return { ...h, request: c.schema };
    }
    const status = (place as { status: string }).status;
    const r = h.responses[status];
    if (!r?.schema) return issue('fold/not-found', `${label} has no ${status} response body to replace; expected body.add`);
    return { ...h, responses: assoc(h.responses, status, { ...r, schema: c.schema }) };
  });
}
