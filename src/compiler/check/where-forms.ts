// Which forms of `where` each change kind takes; anything else is check/bad-where.
import type { Where } from '../model/where.js';

type Form = 'operation' | 'action' | 'parameter' | 'body' | 'property' | 'response' | 'header' | 'schema' | 'none';

const FORMS: Readonly<Record<string, readonly Form[]>> = {
  'operation.add': ['operation'], 'operation.remove': ['operation'], 'operation.change': ['operation'],
  'action.add': ['action'], 'action.remove': ['action'], 'action.change': ['action'],
  'parameter.add': ['parameter'], 'parameter.remove': ['parameter'], 'parameter.change': ['parameter'],
  'body.add': ['body'], 'body.remove': ['body'], 'body.replace': ['body', 'schema'],
  'property.add': ['property'], 'property.remove': ['property'], 'property.rename': ['property'], 'property.change': ['property'],
  'response.add': ['response'], 'response.remove': ['response'], 'response.change': ['response'], 'status.change': ['response'],
  'header.add': ['header'], 'header.remove': ['header'],
  'schema.add': ['schema'], 'schema.remove': ['schema'],
  'servers.change': ['none'],
};

const DESCRIBE: Readonly<Record<Form, string>> = {
  operation: '"METHOD /path"',
  action: '"METHOD /path #action"',
  parameter: '"METHOD /path query|path|header name" or "* header Name"',
  body: '"… request" or "… response N"',
  property: '"… request /pointer", "… response N /pointer" or "schema Name /pointer"',
  response: '"… response N"',
  header: '"… response N header Name" or "* response header Name"',
  schema: '"schema Name"',
  none: 'no where',
};

export function formOf(w: Where): Form | undefined {
  const s = w.subject, p = w.place;
  if (s.kind === 'schema') return p.kind === 'self' ? 'schema' : p.kind === 'schema-pointer' ? 'property' : undefined;
  if (s.kind === 'all') return p.kind === 'parameter' ? 'parameter' : p.kind === 'common-response-header' ? 'header' : undefined;
  switch (p.kind) {
    case 'self': return s.action ? 'action' : 'operation';
    case 'parameter': return s.action ? undefined : 'parameter';
    case 'request': return p.pointer.length ? 'property' : 'body';
    case 'response': return p.pointer.length ? 'property' : 'response';
    case 'response-header': return 'header';
    default: return undefined;
  }
}

/** Why this where does not fit this kind, or undefined when it does. */
export function whereFormError(kind: string, w: Where): string | undefined {
  const forms = FORMS[kind];
  if (!forms) return undefined;
  const form = formOf(w);
  if (form && forms.includes(form)) return undefined;
  // A body is addressed like a response for the body kinds.
  if (form === 'response' && forms.includes('body')) return undefined;
  if (w.subject.kind === 'operation' && w.subject.action && w.place.kind === 'parameter') return 'parameters belong to the operation, not to one action; drop the "#action"';
  return `${kind} takes ${forms.map((f) => DESCRIBE[f]).join(' or ')}`;
}
