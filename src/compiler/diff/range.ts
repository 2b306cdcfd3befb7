// Diffs over a range of versions, each change attributed to the microversion that made it.
//
// Adjacent versions: the diff of their models, with the newer delta's intent; every change belongs
// to the newer version. A longer range: the diff of its two end models (so what was added and
// removed again inside the range does not show), with the range's intents chained; each change
// goes to the last version in the range whose own changes match it best (same kind and target,
// then same target, then a target above or below it, then a delta that touched the operation).
import { EMPTY_MODEL } from '../model/api-model.js';
import type { CompileResult } from '../pipeline.js';
import type { ChangeRecord } from './change-record.js';
import { composeIntents, intentOf, type Intent } from './intent.js';
import { invert } from './invert.js';
import { same } from './json.js';
import { locContains, locEqual, type Loc } from './loc.js';
import { diffModels, type RawChange } from './model-diff.js';
import { toRecord } from './records.js';

type Result = Pick<CompileResult, 'deltas' | 'models'>;

export interface Attributed {
  readonly raw: RawChange;
  readonly version: string;
  readonly index: number;
}

const stepMemo = new WeakMap<object, Map<number, RawChange[]>>();

/** The changes version `index` made relative to the one before it (to nothing, for the first). */
export function stepChanges(result: Result, index: number): RawChange[] {
  let m = stepMemo.get(result.models);
  if (!m) { m = new Map(); stepMemo.set(result.models, m); }
  const hit = m.get(index);
  if (hit) return hit;
  const prev = index === 0 ? EMPTY_MODEL : result.models[index - 1]!;
  const intent = intentOf(result.deltas[index]!);
  const raws = withNotes(diffModels(prev, result.models[index]!, intent), intent);
  m.set(index, raws);
  return raws;
}

function withNotes(raws: RawChange[], intent: Intent): RawChange[] {
  if (!intent.notes.length) return raws;
  return raws.map((r) => {
    const n = intent.notes.find((n) => (r.newer && locEqual(n.loc, r.newer.loc)) || (r.older && locEqual(n.loc, r.older.loc)));
    return n ? { ...r, note: n.note } : r;
  });
}

const locsOf = (c: RawChange): Loc[] => [c.older?.loc, c.newer?.loc].filter((l): l is Loc => l !== undefined);

function score(net: RawChange, step: RawChange): number {
  const a = locsOf(net), b = locsOf(step);
  const equal = a.some((x) => b.some((y) => locEqual(x, y)));
  if (equal && net.kind === step.kind) return same(net.before, step.before) || same(net.after, step.after) ? 4 : 3;
  if (equal) return 2;
  if (a.some((x) => b.some((y) => locContains(x, y) || locContains(y, x)))) return 1;
  return 0;
}

export function indexOfVersion(result: Result, version: string): number {
  const i = result.deltas.findIndex((d) => d.version.text === version);
  if (i < 0) {
    const known = result.deltas.map((d) => d.version.text);
    throw new RangeError(`version ${version} is not in the spec; expected a version from ${known[0] ?? '(none)'} to ${known[known.length - 1] ?? '(none)'}`);
  }
  return i;
}

/** The net changes from version index `lo` to `hi` (lo < hi), each attributed. */
export function attributedRange(result: Result, lo: number, hi: number): Attributed[] {
  const version = (i: number) => result.deltas[i]!.version.text;
  if (hi === lo + 1) return stepChanges(result, hi).map((raw) => ({ raw, version: version(hi), index: hi }));
  const intent = composeIntents(result.deltas.slice(lo + 1, hi + 1));
  const net = diffModels(result.models[lo]!, result.models[hi]!, intent);
  const steps: { index: number; raws: RawChange[] }[] = [];
  for (let i = hi; i > lo; i--) steps.push({ index: i, raws: stepChanges(result, i) });
  const out: Attributed[] = net.map((raw) => {
    let best = 0, at = -1, from: RawChange | undefined;
    for (const s of steps) {
      for (const r of s.raws) {
        const sc = score(raw, r);
        if (sc > best) { best = sc; at = s.index; from = r; }
      }
      if (best === 4) break;
    }
    if (at < 0) at = touchedBy(result, raw, lo, hi);
    const note = best >= 2 ? from?.note : undefined;
    return { raw: note !== undefined ? { ...raw, note } : raw, version: version(at), index: at };
  });
  return out.sort((a, b) => a.index - b.index);
}

/** The last version in the range whose delta touched the same operation or schema, else the last. */
function touchedBy(result: Result, raw: RawChange, lo: number, hi: number): number {
  const head = (raw.newer ?? raw.older)!.loc[0];
  for (let i = hi; i > lo; i--) {
    if (intentOf(result.deltas[i]!).touched.some((l) => l[0] === head)) return i;
  }
  return hi;
}

/**
 * The changes a client sees going from version `from` to version `to`, in either direction: going
 * down, each change is undone (inverse kind, before and after swapped, judged again) and belongs to
 * the version whose change it undoes, latest version first (within a version, in the same order as going up).
 */
export function diffVersions(result: Result, from: string, to: string): ChangeRecord[] {
  const i = indexOfVersion(result, from), j = indexOfVersion(result, to);
  if (i === j) return [];
  if (i < j) return attributedRange(result, i, j).map((a) => toRecord(a.raw, a.version));
  return [...attributedRange(result, j, i)].sort((a, b) => b.index - a.index).map((a) => toRecord(invert(a.raw), a.version));
}

/** The changes `version` made relative to the version before it. */
export function changesOf(result: Result, version: string): ChangeRecord[] {
  const i = indexOfVersion(result, version);
  return stepChanges(result, i).map((raw) => toRecord(raw, version));
}
