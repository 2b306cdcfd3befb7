// ChangeRecord → the plain view a template gets: strings only, the note rendered once, values
// shortened to one line; and a version's changes grouped by operation.
import type { ChangeRecord, Severity, Side } from '../diff/change-record.js';
import type { Html } from './html.js';
import { markdownToHtml } from './markdown-html.js';
import { anchorId } from './releases.js';

export interface ChangeView {
  readonly kind: string;
  readonly version: string;
  readonly severity: Severity;
  readonly side: Side;
  /** `GET /servers/{server_id}`, `POST /servers/{server_id}/action #reboot`, or null for API-wide changes. */
  readonly operation: string | null;
  readonly pointer: string;
  /** The target in `where` syntax, when the diff gives it. */
  readonly where: string | null;
  readonly message: string;
  /** For `*.changed` of a schema: the keywords that changed. */
  readonly keys: readonly string[];
  /** For a shared schema: the first operations that use it, and how many more there are. */
  readonly usedBy: readonly string[];
  readonly usedByMore: number;
  /** The value before and after, as one line of JSON (shortened), or null. */
  readonly before: string | null;
  readonly after: string | null;
  /** The delta's `note:` as authored Markdown, and rendered. */
  readonly note: string | null;
  readonly noteHtml: Html | null;
  readonly fingerprint: string;
}

export interface ChangeGroup {
  readonly operation: string | null;
  /** The operation's parts (empty method and path, null action, for API-wide changes). */
  readonly method: string;
  readonly path: string;
  readonly action: string | null;
  /** The operation, or `API-wide`. */
  readonly label: string;
  readonly anchor: string;
  readonly changes: readonly ChangeView[];
}

export type SeverityCounts = Readonly<Record<Severity, number>>;

const MAX_VALUE = 160;
const MAX_USED_BY = 5;

/** A value as one line (a string as it is, anything else as JSON), cut at a readable length. */
export function valueText(value: unknown): string | null {
  if (value === undefined) return null;
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  text = text.replace(/\s*\n\s*/g, ' ');
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function changeView(record: ChangeRecord): ChangeView {
  const note = record.note !== undefined && record.note.trim() !== '' ? record.note : null;
  return {
    kind: record.kind,
    version: record.version,
    severity: record.severity,
    side: record.side,
    operation: record.operation ?? null,
    pointer: record.pointer,
    where: record.where ?? null,
    message: record.message,
    keys: record.keys ?? [],
    usedBy: (record.usedBy ?? []).slice(0, MAX_USED_BY),
    usedByMore: Math.max(0, (record.usedBy?.length ?? 0) - MAX_USED_BY),
    before: valueText(record.before),
    after: valueText(record.after),
    note,
    noteHtml: note === null ? null : markdownToHtml(note, { headingOffset: 4 }),
    fingerprint: record.fingerprint,
  };
}

export function countSeverities(changes: readonly { readonly severity: Severity }[]): SeverityCounts {
  const counts: Record<Severity, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) counts[c.severity]++;
  return counts;
}

const METHOD_ORDER = ['GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS'];

export interface OperationParts { readonly method: string; readonly path: string; readonly action: string | null }

export function operationParts(operation: string): OperationParts {
  const m = /^(\S+)\s+(\S+)(?:\s+#(\S+))?$/.exec(operation);
  if (!m) return { method: '', path: operation, action: null };
  return { method: m[1]!, path: m[2]!, action: m[3] ?? null };
}

/** Orders operations by path, then method in REST order, then action (the operation itself first). */
export function compareOperations(a: string, b: string): number {
  const pa = operationParts(a), pb = operationParts(b);
  if (pa.path !== pb.path) return pa.path < pb.path ? -1 : 1;
  const ma = METHOD_ORDER.indexOf(pa.method), mb = METHOD_ORDER.indexOf(pb.method);
  if (ma !== mb) return (ma < 0 ? 99 : ma) - (mb < 0 ? 99 : mb);
  if (pa.method !== pb.method) return pa.method < pb.method ? -1 : 1;
  if (pa.action === pb.action) return 0;
  if (pa.action === null) return -1;
  if (pb.action === null) return 1;
  return pa.action < pb.action ? -1 : 1;
}

export const operationAnchor = (operation: string | null): string =>
  operation === null ? 'api-wide' : anchorId('op', operation.replace(/[{}]/g, ''));

const SCHEMAS = 'Shared schemas';
const API_WIDE = 'API-wide';

/** Where a change without an operation goes: the shared schemas, or the API as a whole. */
export const unattachedLabel = (pointer: string): string => (pointer.startsWith('/components/schemas/') ? SCHEMAS : API_WIDE);

/** API-wide changes first, then shared schemas, then one group per operation in path order; changes keep their order. */
export function groupByOperation(changes: readonly ChangeView[]): ChangeGroup[] {
  const byKey = new Map<string, ChangeView[]>();
  for (const c of changes) {
    const key = c.operation ?? unattachedLabel(c.pointer);
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const rank = (k: string) => (k === API_WIDE ? 0 : k === SCHEMAS ? 1 : 2);
  const keys = [...byKey.keys()].sort((a, b) => rank(a) - rank(b) || (rank(a) < 2 ? 0 : compareOperations(a, b)));
  return keys.map((k) => {
    const attached = rank(k) === 2;
    return {
      operation: attached ? k : null,
      ...(attached ? operationParts(k) : { method: '', path: '', action: null }),
      label: k,
      anchor: attached ? operationAnchor(k) : anchorId('x', k).slice(2),
      changes: byKey.get(k)!,
    };
  });
}
