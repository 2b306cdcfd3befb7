// Going down a version undoes a change: its kind inverts (added ↔ removed, …), before and after
// swap, and so do the two ends.
import type { RawChange } from './model-diff.js';

const INVERSE: Readonly<Record<string, string>> = {
  added: 'removed', removed: 'added',
  deprecated: 'undeprecated', undeprecated: 'deprecated',
  retired: 'unretired', unretired: 'retired',
  gone: 'ungone', ungone: 'gone',
  'made-required': 'made-optional', 'made-optional': 'made-required',
  'value-added': 'value-removed', 'value-removed': 'value-added',
};

/** `property.added` → `property.removed`; kinds without an inverse (changed, renamed, replaced, …) are their own. */
export function inverseKind(kind: string): string {
  const dot = kind.indexOf('.');
  const family = kind.slice(0, dot), verb = kind.slice(dot + 1);
  const inv = INVERSE[verb];
  return inv ? `${family}.${inv}` : kind;
}

export function invert(c: RawChange): RawChange {
  const { older, newer, before, after, inner, ...rest } = c;
  return {
    ...rest,
    kind: inverseKind(c.kind),
    ...(newer ? { older: newer } : {}),
    ...(older ? { newer: older } : {}),
    ...(after !== undefined ? { before: after } : {}),
    ...(before !== undefined ? { after: before } : {}),
    ...(inner ? { inner: inner.map(invert) } : {}),
  };
}
