// The diff library: changes between microversions, computed from the folded models and the deltas.
import type { CompileResult } from '../pipeline.js';
import type { ChangeRecord } from './change-record.js';
import { changesOf as changesOfRange, diffVersions as diffRange } from './range.js';

export type { ChangeRecord, Severity, Side } from './change-record.js';
export { SEVERITY_RULES, CONDITIONS, judge, ruleFor, severityTableMarkdown, type SeverityRule, type Condition, type Cell } from './severity.js';
export { fingerprint } from './fingerprint.js';
export { inverseKind } from './invert.js';
export { historyOf, type History, type HistoryEntry } from './history.js';
export { crossCheck, declaredWithoutEffect, type CrossCheckIssue, type DeclarationIssue } from './cross-check.js';
export { jsonDiff, type JsonChange } from './json-diff.js';

/** The changes a client sees going from `from` to `to` (either direction), each attributed to the version that made it. */
export function diffVersions(result: CompileResult, from: string, to: string): ChangeRecord[] {
  return diffRange(result, from, to);
}

/** The changes `version` made relative to the version before it. */
export function changesOf(result: CompileResult, version: string): ChangeRecord[] {
  return changesOfRange(result, version);
}
