// `mvc history` output: text, markdown, json.
import type { History } from '../history.js';
import { cell, PLAIN, type Style } from './style.js';
import type { DiffFormat } from './diff-format.js';

const title = (h: History) => (h.field ? `${h.operation} ${h.field}` : h.operation);

/** `added in 2.1; changed in 2.3, 2.5; removed in 2.6` */
export function historySummary(h: History): string {
  const by = (e: string) => h.entries.filter((x) => x.event === e).map((x) => x.version);
  const parts = (['added', 'renamed', 'changed', 'removed'] as const).map((e) => [e, by(e)] as const).filter(([, v]) => v.length).map(([e, v]) => `${e} in ${v.join(', ')}`);
  return parts.length ? parts.join('; ') : 'not in any version';
}

export function formatHistoryText(h: History, style: Style = PLAIN): string {
  const lines = [style.bold(`${title(h)}: ${historySummary(h)}`)];
  const vw = Math.max(0, ...h.entries.map((e) => e.version.length));
  for (const e of h.entries) {
    lines.push('', `${style.bold(e.version.padEnd(vw))}  ${e.event.padEnd(7)}  ${e.summary}${e.event === 'renamed' ? `  (now ${e.where})` : ''}`);
    for (const c of e.changes) lines.push(`${' '.repeat(vw)}    ${style.severity(c.severity, c.severity.padEnd(8))}  ${c.message}`);
  }
  return lines.join('\n') + '\n';
}

export function formatHistoryMarkdown(h: History): string {
  const out = [`## History of \`${cell(title(h))}\``, '', `${historySummary(h)}.`, '', '| version | event | summary | changes |', '|---|---|---|---|'];
  for (const e of h.entries) {
    const changes = e.changes.map((c) => `${c.severity === 'info' ? 'info' : `**${c.severity}**`}: ${cell(c.message)}`).join('<br>');
    out.push(`| ${e.version} | ${e.event} | ${cell(e.summary)} | ${changes} |`);
  }
  return out.join('\n') + '\n';
}

export function formatHistory(h: History, format: DiffFormat, style: Style = PLAIN): string {
  return format === 'json' ? JSON.stringify(h, null, 2) + '\n' : format === 'markdown' ? formatHistoryMarkdown(h) : formatHistoryText(h, style);
}
