// A small generic structural diff of two JSON values, by JSON pointer. Objects are compared key by
// key; arrays of the same length element by element, arrays whose length changed as a whole.
import { isObject } from './json.js';
import { escapeToken } from './pointers.js';

export interface JsonChange {
  readonly op: 'added' | 'removed' | 'changed';
  readonly pointer: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export function jsonDiff(a: unknown, b: unknown, at = '', out: JsonChange[] = []): JsonChange[] {
  if (a === b) return out;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) {
      const p = `${at}/${escapeToken(k)}`;
      if (!(k in b)) out.push({ op: 'removed', pointer: p, before: a[k] });
      else jsonDiff(a[k], b[k], p, out);
    }
    for (const k of Object.keys(b)) if (!(k in a)) out.push({ op: 'added', pointer: `${at}/${escapeToken(k)}`, after: b[k] });
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => jsonDiff(x, b[i], `${at}/${i}`, out));
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ op: 'changed', pointer: at, before: a, after: b });
  return out;
}

/** A change that stands for its whole subtree: an addition, a removal, or a replaced array or object. */
export const isWhole = (c: JsonChange): boolean =>
  c.op !== 'changed' || typeof c.before === 'object' || typeof c.after === 'object';
