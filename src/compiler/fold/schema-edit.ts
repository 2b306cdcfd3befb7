// Edits of one schema node: set, unset, enum values added or removed.
import type { Schema } from '../model/api-model.js';
import type { SchemaEdit } from '../model/delta.js';
import { issue, type FoldIssue } from './context.js';

export function editSchema(node: Schema, e: SchemaEdit, at: string): Schema | FoldIssue {
  let out: Record<string, unknown> = { ...node, ...(e.set ?? {}) };
  for (const k of e.unset ?? []) {
    if (!(k in out)) return issue('fold/not-found', `${at} has no "${k}" to unset; expected one of its keys: ${Object.keys(node).join(', ')}`);
    delete out[k];
  }
  if (e.enumAdded?.length || e.enumRemoved?.length) {
    // On an array, the enum of interest is its items' enum.
    const onItems = !Array.isArray(out['enum']) && typeof out['items'] === 'object' && out['items'] !== null && Array.isArray((out['items'] as Schema)['enum']);
    const target = onItems ? ({ ...(out['items'] as Schema) } as Record<string, unknown>) : out;
    if (!Array.isArray(target['enum'])) return issue('fold/enum-value', `${at} has no enum to edit; expected a schema with enum (or array items with enum)`);
    let values = [...(target['enum'] as unknown[])];
    for (const v of e.enumAdded ?? []) {
      if (values.some((x) => same(x, v))) return issue('fold/enum-value', `${at}: enum value ${JSON.stringify(v)} is already allowed; expected a new value`);
      values.push(v);
    }
    for (const v of e.enumRemoved ?? []) {
      if (!values.some((x) => same(x, v))) return issue('fold/enum-value', `${at}: enum value ${JSON.stringify(v)} is not in the enum; expected one of ${JSON.stringify(values)}`);
      values = values.filter((x) => !same(x, v));
    }
    target['enum'] = values;
    if (onItems) out = { ...out, items: target };
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Moves `name` into or out of the parent's required list. */
export function setRequired(parent: Schema, name: string, required: boolean): Schema {
  const list = Array.isArray(parent['required']) ? (parent['required'] as string[]) : [];
  const has = list.includes(name);
  if (required === has) return parent;
  const next = required ? [...list, name] : list.filter((n) => n !== name);
  const { required: _r, ...rest } = parent;
  void _r;
  return next.length ? { ...rest, required: next } : rest;
}
