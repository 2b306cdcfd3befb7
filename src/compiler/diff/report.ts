// What `mvc diff` prints: the changes between two versions with the versions' summaries and counts
// (the JSON output is exactly this; schemas/diff.schema.json describes it).
import type { CompileResult } from '../pipeline.js';
import type { ChangeRecord, Severity } from './change-record.js';
import { diffVersions, indexOfVersion } from './range.js';

export interface DiffReport {
  readonly from: string;
  readonly to: string;
  /** up: from an older to a newer version; down: the other way (changes are undone); none: the same version. */
  readonly direction: 'up' | 'down' | 'none';
  /** The versions between from (exclusive) and to (inclusive; going down: from inclusive, to exclusive), in the order listed. */
  readonly versions: readonly { readonly version: string; readonly summary: string }[];
  readonly counts: Readonly<Record<Severity, number>>;
  readonly changes: readonly ChangeRecord[];
}

export function diffReport(result: Pick<CompileResult, 'deltas' | 'models'>, from: string, to: string): DiffReport {
  const i = indexOfVersion(result, from), j = indexOfVersion(result, to);
  const changes = diffVersions(result, from, to);
  const span = i < j ? result.deltas.slice(i + 1, j + 1) : result.deltas.slice(j + 1, i + 1).reverse();
  const counts: Record<Severity, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) counts[c.severity]++;
  return {
    from, to,
    direction: i === j ? 'none' : i < j ? 'up' : 'down',
    versions: span.map((d) => ({ version: d.version.text, summary: d.summary })),
    counts,
    changes,
  };
}

/** Whether the report has a change at `level` or worse. */
export function failsOn(report: Pick<DiffReport, 'changes'>, level: 'breaking' | 'warning'): boolean {
  return report.changes.some((c) => c.severity === 'breaking' || (level === 'warning' && c.severity === 'warning'));
}
