// Microversion ranges as OpenStack's code generator writes them: `x-openstack: {min-ver, max-ver}`,
// both inclusive; `max-ver` is absent while the thing still exists at the newest microversion.
import { compareVersionText } from '../../source/version.js';
import { isObj, type Obj } from './json.js';

/** The extension key of every combined-document annotation. */
export const X = 'x-openstack';

export type Range = {
  readonly 'min-ver': string;
  readonly 'max-ver'?: string;
};

/** A run of consecutive version indices, inclusive. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

export function rangeOf(versions: readonly string[], span: Span): Range {
  return span.to < versions.length - 1 ? { 'min-ver': versions[span.from]!, 'max-ver': versions[span.to]! } : { 'min-ver': versions[span.from]! };
}

/** Whether `r` (an `x-openstack` object) carries a range, and it holds `version`. */
export function inRange(r: unknown, version: string): boolean {
  if (!isObj(r) || typeof r['min-ver'] !== 'string') return true;
  if (compareVersionText(r['min-ver'], version) > 0) return false;
  const max = r['max-ver'];
  return typeof max !== 'string' || compareVersionText(version, max) <= 0;
}

export const hasRange = (x: unknown): boolean => isObj(x) && isObj(x[X]) && typeof (x[X] as Obj)['min-ver'] === 'string';

/** Sorted version indices → maximal runs of consecutive indices. */
export function spans(indices: readonly number[]): Span[] {
  const out: Span[] = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && last.to === i - 1) out[out.length - 1] = { from: last.from, to: i };
    else out.push({ from: i, to: i });
  }
  return out;
}

const FIRST = ['min-ver', 'max-ver', 'discriminator', 'action-name'];

/** `obj` with `extra` merged into its `x-openstack` (a new object; `obj` is not touched). */
export function withX(obj: Obj, extra: Readonly<Record<string, unknown>>): Obj {
  const prev = obj[X];
  const merged: Obj = { ...(isObj(prev) ? prev : {}), ...extra };
  const x: Obj = {};
  for (const k of FIRST) if (k in merged) x[k] = merged[k];
  for (const [k, v] of Object.entries(merged)) if (!FIRST.includes(k)) x[k] = v;
  return { ...obj, [X]: x };
}
