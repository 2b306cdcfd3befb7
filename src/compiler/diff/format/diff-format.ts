// `mvc diff` output: text (a terminal listing), markdown (for PRs and release notes), json.
import type { ChangeRecord } from '../change-record.js';
import type { DiffReport } from '../report.js';
import { cell, PLAIN, type Style } from './style.js';

export type DiffFormat = 'text' | 'markdown' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'markdown', 'json'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const countsText = (r: DiffReport) => `${r.counts.breaking} breaking, ${r.counts.warning} warning, ${r.counts.info} info`;
const arrow = (r: DiffReport) => `${r.from} → ${r.to}`;

/** The changes grouped by version, in the report's order. */
function byVersion(r: DiffReport): { version: string; summary: string; changes: ChangeRecord[] }[] {
  const groups = new Map<string, ChangeRecord[]>();
  for (const c of r.changes) groups.set(c.version, [...(groups.get(c.version) ?? []), c]);
  return r.versions.filter((v) => groups.has(v.version)).map((v) => ({ ...v, changes: groups.get(v.version)! }));
}

export function formatDiffText(r: DiffReport, style: Style = PLAIN): string {
  const head = r.direction === 'none'
    ? `${r.from} → ${r.to}: the same version, no changes`
    : `${arrow(r)}${r.direction === 'down' ? ' (going down: each change undone)' : ''}: ${plural(r.changes.length, 'change')} (${countsText(r)})`;
  const lines = [style.bold(head)];
  const kindWidth = Math.max(0, ...r.changes.map((c) => c.kind.length));
  for (const g of byVersion(r)) {
    lines.push('', style.bold(`${g.version}  ${g.summary}`));
    for (const c of g.changes) {
      lines.push(`  ${style.severity(c.severity, c.severity.padEnd(8))}  ${c.kind.padEnd(kindWidth)}  ${c.message}`);
      if (c.note) lines.push(`  ${' '.repeat(8)}  ${' '.repeat(kindWidth)}  ${style.dim(`note: ${c.note.trim().replace(/\s*\n\s*/g, ' ')}`)}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The operation, the shared schema (`schema Widget`), or API-wide. */
function subjectOf(c: ChangeRecord): string {
  if (c.operation) return `\`${cell(c.operation)}\``;
  const schema = /^schema [A-Za-z0-9_]+/.exec(c.where ?? '');
  return schema ? `\`${schema[0]}\`` : 'API-wide';
}

export function formatDiffMarkdown(r: DiffReport): string {
  const out: string[] = [`## Changes from ${r.from} to ${r.to}`, ''];
  if (r.direction === 'down') out.push(`Going down from ${r.from} to ${r.to}: each change undone, newest first.`, '');
  out.push(r.changes.length ? `${plural(r.changes.length, 'change')}: ${countsText(r)}.` : 'No changes.', '');
  for (const g of byVersion(r)) {
    out.push(`### ${g.version}: ${cell(g.summary)}`, '', '| severity | change | operation | kind |', '|---|---|---|---|');
    for (const c of g.changes) {
      const sev = c.severity === 'info' ? 'info' : `**${c.severity}**`;
      const note = c.note ? `<br>${cell(c.note.trim())}` : '';
      out.push(`| ${sev} | ${cell(c.message)}${note} | ${subjectOf(c)} | \`${c.kind}\` |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const formatDiffJson = (r: DiffReport): string => JSON.stringify(r, null, 2) + '\n';

export function formatDiff(r: DiffReport, format: DiffFormat, style: Style = PLAIN): string {
  return format === 'json' ? formatDiffJson(r) : format === 'markdown' ? formatDiffMarkdown(r) : formatDiffText(r, style);
}
