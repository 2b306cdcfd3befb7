import type { ApiModel } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import { assoc, dissoc } from '../../util/immutable.js';
import { issue } from '../context.js';
import type { Applied } from '../targets.js';
import { own } from '../../util/own.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;
const nameOf = (c: Change) => (c.where.subject as { name: string }).name;

export function schemaAdd(model: ApiModel, c: K<'schema.add'>): Applied {
  const name = nameOf(c);
  if (own(model.schemas, name)) return issue('fold/already-exists', `shared schema ${name} already exists; expected body.replace on "schema ${name}", or a new name`);
  return { ...model, schemas: assoc(model.schemas, name, c.schema) };
}

/** Whether it is still in use is checked once the whole delta is folded (see refs.ts). */
export function schemaRemove(model: ApiModel, c: K<'schema.remove'>): Applied {
  const name = nameOf(c);
  if (!own(model.schemas, name)) return issue('fold/not-found', `no shared schema ${name} to remove; expected one of: ${Object.keys(model.schemas).join(', ') || '(none)'}`);
  return { ...model, schemas: dissoc(model.schemas, name) };
}
