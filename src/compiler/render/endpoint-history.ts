// The endpoint history: for every operation (and every action of an action operation) the
// versions that added, changed and removed it, computed from the versions' ChangeRecords and
// grouped by the operation's tag.
import type { ChangeRecord } from '../diff/change-record.js';
import { compareOperations, operationAnchor, operationParts } from './change-view.js';
import type { DocsVersion, OperationInfo } from './docs-input.js';
import { anchorId } from './releases.js';

export type EventKind = 'added' | 'changed' | 'removed';

export interface EndpointEvent {
  readonly version: string;
  readonly what: EventKind;
  /** False for an `added` that no record of its own reports (an action added with its operation). */
  readonly recorded: boolean;
  /** The version page, at this operation's changes: `2.26.html#op-get-servers-server-id-tags`. */
  readonly href: string;
  readonly count: number;
  /** The change messages, one per line (for a tooltip). */
  readonly title: string;
}

export interface EndpointView {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly action: string | null;
  readonly anchor: string;
  readonly summary: string;
  /** The version that first added it, or null if it was never added in the documented range. */
  readonly addedIn: EndpointEvent | null;
  readonly changedIn: readonly EndpointEvent[];
  /** Set when its last event is a removal. */
  readonly removedIn: EndpointEvent | null;
  readonly events: readonly EndpointEvent[];
  /** `present` or `removed` at the newest documented version. */
  readonly status: 'present' | 'removed';
}

export interface EndpointGroup {
  readonly tag: string;
  readonly description: string;
  readonly anchor: string;
  readonly endpoints: readonly EndpointView[];
}

const MAX_TITLE_LINES = 12;

/** What a record does to its operation: add it, remove it (404, or retired: 410 Gone), or change it. */
export function eventKind(record: ChangeRecord): EventKind {
  const m = /^(operation|action)\.(\w[\w-]*)$/.exec(record.kind);
  if (m && m[2] === 'added') return 'added';
  if (m && (m[2] === 'removed' || m[2] === 'retired')) return 'removed';
  return 'changed';
}

export function endpointHistory(
  versions: readonly DocsVersion[],
  operations: Readonly<Record<string, OperationInfo>>,
  tags: readonly { readonly name: string; readonly description: string }[] = [],
): EndpointGroup[] {
  const events = new Map<string, EndpointEvent[]>();
  const versionIndex = new Map(versions.map((v, i) => [v.version, i]));
  for (const v of versions) {
    const byOp = new Map<string, ChangeRecord[]>();
    const note = (op: string, r: ChangeRecord) => {
      const list = byOp.get(op);
      if (list) list.push(r);
      else byOp.set(op, [r]);
    };
    for (const r of v.changes) {
      if (r.operation !== undefined) note(r.operation, r);
      // A change to a shared schema changes every operation that uses it.
      else for (const op of r.usedBy ?? []) note(op, r);
    }
    for (const [op, records] of byOp) {
      const kinds = records.map(eventKind);
      const what: EventKind = kinds.includes('added') ? 'added' : kinds.includes('removed') ? 'removed' : 'changed';
      const lines = records.map((r) => (r.operation === undefined ? `${r.message} (shared schema)` : r.message));
      const title = lines.length > MAX_TITLE_LINES ? [...lines.slice(0, MAX_TITLE_LINES), `… and ${lines.length - MAX_TITLE_LINES} more`] : lines;
      const direct = records.some((r) => r.operation !== undefined);
      const event: EndpointEvent = { version: v.version, what, recorded: true, href: `${v.version}.html#${direct ? operationAnchor(op) : 'shared-schemas'}`, count: records.length, title: title.join('\n') };
      const list = events.get(op);
      if (list) list.push(event);
      else events.set(op, [event]);
    }
  }
  // Operations (and actions) that came in with something else, such as the actions of an
  // operation added in the same version, have no record of their own: the models date them.
  for (const [op, info] of Object.entries(operations)) {
    const evs = events.get(op) ?? [];
    if (evs.some((e) => e.what === 'added')) continue;
    const parent = operationParts(op).action !== null ? op.replace(/ #\S+$/, '') : undefined;
    const withParent = parent !== undefined && (events.get(parent) ?? []).some((e) => e.what === 'added' && e.version === info.firstSeen);
    const added: EndpointEvent = {
      version: info.firstSeen, what: 'added', recorded: false, href: `${info.firstSeen}.html#${operationAnchor(parent ?? op)}`, count: 0,
      title: withParent ? `added with ${parent}` : `present from ${info.firstSeen}`,
    };
    const at = evs.findIndex((e) => versionIndex.get(e.version)! >= versionIndex.get(info.firstSeen)!);
    events.set(op, at < 0 ? [...evs, added] : [...evs.slice(0, at), added, ...evs.slice(at)]);
  }
  const byTag = new Map<string, EndpointView[]>();
  for (const op of [...events.keys()].sort(compareOperations)) {
    const evs = events.get(op)!;
    const parts = operationParts(op);
    const info = operations[op];
    const last = evs[evs.length - 1]!;
    const view: EndpointView = {
      operation: op,
      ...parts,
      anchor: operationAnchor(op),
      summary: info?.summary ?? '',
      addedIn: evs.find((e) => e.what === 'added') ?? null,
      changedIn: evs.filter((e) => e.what === 'changed'),
      removedIn: last.what === 'removed' ? last : null,
      events: evs,
      status: last.what === 'removed' ? 'removed' : 'present',
    };
    const tag = info?.tag ?? 'other';
    const list = byTag.get(tag);
    if (list) list.push(view);
    else byTag.set(tag, [view]);
  }
  const order = tags.map((t) => t.name);
  const describe = new Map(tags.map((t) => [t.name, t.description]));
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  return [...byTag.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((tag) => ({ tag, description: describe.get(tag) ?? '', anchor: anchorId('tag', tag), endpoints: byTag.get(tag)! }));
}
