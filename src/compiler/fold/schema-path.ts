// Walking a pointer into a schema and rebuilding only the nodes along it.
import type { Schema } from '../model/api-model.js';
import { pointerText, type Segment } from '../model/where.js';
import { expectedOneOf, isIssue, issue, type FoldIssue } from './context.js';
import { has, own } from '../util/own.js';

export type Edit = (node: Schema, at: string) => Schema | FoldIssue;


/** Applies `edit` to the node at `segments` below `root`; copies the path, shares the rest. */
export function updateAt(root: Schema, segments: readonly Segment[], edit: Edit, done: Segment[] = []): Schema | FoldIssue {
  if (segments.length === 0) return edit(root, pointerText(done));
  const [seg, ...rest] = segments as [Segment, ...Segment[]];
  const here = pointerText(done);
  if (typeof root['$ref'] === 'string') {
    return issue('fold/through-ref', `the pointer passes through $ref ${root['$ref']} at ${here}; expected the change to address "schema ${root['$ref']} ${pointerText(segments)}"`);
  }
  const step = (key: string, child: unknown, rebuild: (c: Schema) => Schema): Schema | FoldIssue => {
    if (typeof child !== 'object' || child === null || Array.isArray(child)) {
      return issue('fold/not-an-object', `${here} has no ${key}; expected ${describeStep(seg)} there (its keys: ${Object.keys(root).join(', ') || 'none'})`);
    }
    const next = updateAt(child as Schema, rest, edit, [...done, seg]);
    return isIssue(next) ? next : next === child ? root : rebuild(next);
  };
  switch (seg.t) {
    case 'prop': {
      const props = root['properties'] as Record<string, Schema> | undefined;
      if (!props) return issue('fold/not-an-object', `${here} has no properties; expected an object schema with a property "${seg.name}"`);
      if (!has(props, seg.name)) return issue('fold/not-found', `no property "${seg.name}" in ${here}; ${expectedOneOf(seg.name, Object.keys(props))}`);
      return step('property', own(props, seg.name), (c) => ({ ...root, properties: { ...props, [seg.name]: c } }));
    }
    case 'items':
      return step('items', root['items'], (c) => ({ ...root, items: c }));
    case 'values':
      return step('additionalProperties schema', root['additionalProperties'], (c) => ({ ...root, additionalProperties: c }));
    case 'alt': {
      const key = Array.isArray(root['oneOf']) ? 'oneOf' : Array.isArray(root['anyOf']) ? 'anyOf' : undefined;
      const alts = key ? (root[key] as Schema[]) : undefined;
      if (!key || !alts || seg.index >= alts.length) return issue('fold/not-an-object', `${here} has no alternative [${seg.index}]; expected a oneOf or anyOf with at least ${seg.index + 1} entries`);
      return step('alternative', alts[seg.index], (c) => ({ ...root, [key]: alts.map((a, i) => (i === seg.index ? c : a)) }));
    }
  }
}

function describeStep(seg: Segment): string {
  return seg.t === 'prop' ? `a property "${seg.name}"` : seg.t === 'items' ? 'array items' : seg.t === 'values' ? 'a map value schema' : `alternative [${seg.index}]`;
}

/** Edits applied to the parent of the last segment, which must be a property. */
export function updateParent(root: Schema, segments: readonly Segment[], edit: (parent: Schema, name: string, at: string) => Schema | FoldIssue): Schema | FoldIssue {
  const last = segments[segments.length - 1];
  if (!last || last.t !== 'prop') return issue('fold/not-an-object', `the pointer ${pointerText(segments)} must end in a property name`);
  return updateAt(root, segments.slice(0, -1), (parent, at) => {
    if (typeof parent['$ref'] === 'string') {
      return issue('fold/through-ref', `${at} is $ref ${parent['$ref']}; expected the change to address "schema ${parent['$ref']} /${last.name.replace(/~/g, '~0').replace(/\//g, '~1')}"`);
    }
    return edit(parent, last.name, at);
  });
}
