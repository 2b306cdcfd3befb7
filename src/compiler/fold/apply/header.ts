import type { ApiModel } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import { assoc, dissoc } from '../../util/immutable.js';
import { issue } from '../context.js';
import { toHeader } from '../normalize.js';
import { updateHolder, type Applied } from '../targets.js';
import { own } from '../../util/own.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;

export function headerAdd(model: ApiModel, c: K<'header.add'>): Applied {
  const p = c.where.place;
  if (p.kind === 'common-response-header') {
    if (own(model.commonResponseHeaders, p.name)) return issue('fold/already-exists', `every response already carries header ${p.name}`);
    return { ...model, commonResponseHeaders: assoc(model.commonResponseHeaders, p.name, toHeader(c.header)) };
  }
  const { status, name } = p as { status: string; name: string };
  return updateHolder(model, c.where, (h, label) => {
    const r = h.responses[status];
    if (!r) return issue('fold/not-found', `${label} has no ${status} response; expected one of: ${Object.keys(h.responses).join(', ')}`);
    if (own(r.headers, name)) return issue('fold/already-exists', `${label} response ${status} already has header ${name}`);
    return { ...h, responses: assoc(h.responses, status, { ...r, headers: assoc(r.headers, name, toHeader(c.header)) }) };
  });
}

export function headerRemove(model: ApiModel, c: K<'header.remove'>): Applied {
  const p = c.where.place;
  if (p.kind === 'common-response-header') {
    if (!own(model.commonResponseHeaders, p.name)) return issue('fold/not-found', `no API-wide response header ${p.name}; expected one of: ${Object.keys(model.commonResponseHeaders).join(', ') || '(none)'}`);
    return { ...model, commonResponseHeaders: dissoc(model.commonResponseHeaders, p.name) };
  }
  const { status, name } = p as { status: string; name: string };
  return updateHolder(model, c.where, (h, label) => {
    const r = h.responses[status];
    if (!r) return issue('fold/not-found', `${label} has no ${status} response; expected one of: ${Object.keys(h.responses).join(', ')}`);
    if (!own(r.headers, name)) return issue('fold/not-found', `${label} response ${status} has no header ${name}; expected one of: ${Object.keys(r.headers).join(', ') || '(none)'}`);
    return { ...h, responses: assoc(h.responses, status, { ...r, headers: dissoc(r.headers, name) }) };
  });
}
