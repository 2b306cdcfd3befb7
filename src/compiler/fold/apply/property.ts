import type { ApiModel, Schema } from '../../model/api-model.js';
import type { Change } from '../../model/delta.js';
import type { Segment } from '../../model/where.js';
import { assoc, renameKey } from '../../util/immutable.js';
import { expectedOneOf, isIssue, issue, type FoldIssue } from '../context.js';
import { editSchema, setRequired } from '../schema-edit.js';
import { updateAt, updateParent } from '../schema-path.js';
import { updateHolder, type Applied } from '../targets.js';
import { has, own } from '../../util/own.js';

type K<T extends Change['kind']> = Extract<Change, { kind: T }>;

/** Applies a schema edit at the pointer of a request body, response body or shared schema. */
function updateBodyAt(model: ApiModel, c: Change, fn: (root: Schema, segs: readonly Segment[], label: string) => Schema | FoldIssue): Applied {
  const w = c.where;
  if (w.subject.kind === 'schema') {
    const name = w.subject.name;
    const root = own(model.schemas, name);
    if (!root) return issue('fold/not-found', `no shared schema ${name}; expected schema.add first`);
    const segs = (w.place as { pointer: readonly Segment[] }).pointer;
    const next = fn(root, segs, `schema ${name}`);
    return isIssue(next) ? next : next === root ? model : { ...model, schemas: assoc(model.schemas, name, next) };
  }
  const place = w.place;
  return updateHolder(model, w, (h, label) => {
    if (place.kind === 'request') {
      if (!h.request) return issue('fold/not-found', `${label} has no request body; expected body.add first`);
      const next = fn(h.request, place.pointer, `${label} request`);
      return isIssue(next) ? next : { ...h, request: next };
    }
    if (place.kind !== 'response') return issue('fold/not-found', `${w.text} names no body`);
    const r = h.responses[place.status];
    if (!r) return issue('fold/not-found', `${label} has no ${place.status} response; expected one of: ${Object.keys(h.responses).join(', ')}`);
    if (!r.schema) return issue('fold/not-found', `${label} response ${place.status} has no body; expected body.add first`);
    const next = fn(r.schema, place.pointer, `${label} response ${place.status}`);
    return isIssue(next) ? next : { ...h, responses: assoc(h.responses, place.status, { ...r, schema: next }) };
  });
}

const props = (s: Schema) => (s['properties'] as Readonly<Record<string, Schema>> | undefined) ?? {};

export function propertyAdd(model: ApiModel, c: K<'property.add'>): Applied {
  return updateBodyAt(model, c, (root, segs, label) =>
    updateParent(root, segs, (parent, name, at) => {
      if (has(props(parent), name)) return issue('fold/already-exists', `${label}: property "${name}" already exists in ${at}; expected property.change`);
      if (parent['properties'] === undefined && parent['type'] !== 'object') {
        return issue('fold/not-an-object', `${label}: ${at} is not an object schema; expected type: object to add "${name}"`);
      }
      const withProp = { ...parent, properties: { ...props(parent), [name]: c.schema } };
      return c.required ? setRequired(withProp, name, true) : withProp;
    }));
}

export function propertyRemove(model: ApiModel, c: K<'property.remove'>): Applied {
  return updateBodyAt(model, c, (root, segs, label) =>
    updateParent(root, segs, (parent, name, at) => {
      const p = props(parent);
      if (!has(p, name)) return issue('fold/not-found', `${label}: no property "${name}" in ${at} to remove; ${expectedOneOf(name, Object.keys(p))}`);
      const rest: Record<string, Schema> = {};
      for (const k of Object.keys(p)) if (k !== name) rest[k] = p[k]!;
      return setRequired({ ...parent, properties: rest }, name, false);
    }));
}

export function propertyRename(model: ApiModel, c: K<'property.rename'>): Applied {
  return updateBodyAt(model, c, (root, segs, label) =>
    updateParent(root, segs, (parent, name, at) => {
      const p = props(parent);
      if (!has(p, name)) return issue('fold/not-found', `${label}: no property "${name}" in ${at} to rename; ${expectedOneOf(name, Object.keys(p))}`);
      if (has(p, c.to)) return issue('fold/already-exists', `${label}: cannot rename "${name}" to "${c.to}": ${at} already has "${c.to}"`);
      const req = Array.isArray(parent['required']) ? (parent['required'] as string[]) : undefined;
      return {
        ...parent,
        properties: renameKey(p, name, c.to),
        ...(req ? { required: req.map((n) => (n === name ? c.to : n)) } : {}),
      };
    }));
}

export function propertyChange(model: ApiModel, c: K<'property.change'>): Applied {
  return updateBodyAt(model, c, (root, segs, label) => {
    const edited = updateAt(root, segs, (node, at) => editSchema(node, c, `${label} ${at}`));
    if (isIssue(edited) || c.required === undefined) return edited;
    return updateParent(edited, segs, (parent, name) => setRequired(parent, name, c.required!));
  });
}

