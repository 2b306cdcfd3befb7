// What the deltas say they meant, which a structural diff of two models cannot know: a rename is
// not a removal plus an addition, a status change is not two responses, a replaced body is one
// change. Also where each change's `note:` belongs.
import type { Delta } from '../model/delta.js';
import { locKey, locOfWhere, tokenProp, type Loc } from './loc.js';

export interface DeltaNote {
  readonly loc: Loc;
  readonly kind: string;
  readonly note: string;
}

export interface Intent {
  /** Parent location key → old property name → new name. */
  readonly renames: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Operation or action location key → old status → new status. */
  readonly statuses: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Location keys of bodies and shared schemas replaced wholesale (body.replace). */
  readonly replaced: ReadonlySet<string>;
  readonly notes: readonly DeltaNote[];
  /** Every location the deltas touch, for attributing changes no more precisely matched. */
  readonly touched: readonly Loc[];
}

const memo = new WeakMap<Delta, Intent>();

/** The intent of one delta. */
export function intentOf(delta: Delta): Intent {
  const hit = memo.get(delta);
  if (hit) return hit;
  const out = composeIntents([delta]);
  memo.set(delta, out);
  return out;
}

/** The intent of several deltas in version order: renames and status changes chain (a→b, b→c is a→c). */
export function composeIntents(deltas: readonly Delta[]): Intent {
  const renames = new Map<string, Map<string, string>>();
  const statuses = new Map<string, Map<string, string>>();
  const replaced = new Set<string>();
  const notes: DeltaNote[] = [];
  const touched: Loc[] = [];
  const chain = (map: Map<string, Map<string, string>>, key: string, from: string, to: string) => {
    const m = map.get(key) ?? new Map<string, string>();
    map.set(key, m);
    const origin = [...m.entries()].find(([, v]) => v === from)?.[0];
    if (origin !== undefined) {
      if (origin === to) m.delete(origin);
      else m.set(origin, to);
    } else m.set(from, to);
  };
  for (const d of deltas) {
    for (const { change: c } of d.changes) {
      const loc = locOfWhere(c.where, c.kind);
      touched.push(loc);
      if (c.note) notes.push({ loc, kind: c.kind, note: c.note });
      if (c.kind === 'property.rename') {
        const name = tokenProp(loc[loc.length - 1]!);
        if (name !== undefined) chain(renames, locKey(loc.slice(0, -1)), name, c.to);
      } else if (c.kind === 'status.change') {
        const status = loc[loc.length - 1]!.replace(/^response /, '');
        chain(statuses, locKey(loc.slice(0, -1)), status, String(c.to));
      } else if (c.kind === 'body.replace') {
        replaced.add(locKey(loc));
      }
    }
  }
  return { renames, statuses, replaced, notes, touched };
}
