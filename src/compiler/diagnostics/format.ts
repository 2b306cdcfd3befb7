import type { Diagnostic } from './diagnostic.js';
import path from 'node:path';
import { compareVersionText } from '../source/version.js';

/** `file:line:col error code: message`, then indented notes; paths relative to `cwd`. */
export function formatDiagnostic(d: Diagnostic, cwd: string = process.cwd()): string {
  const where = d.location
    ? `${rel(d.location.file, cwd)}:${d.location.line}:${d.location.col}`
    : d.version
      ? `<version ${d.version}>`
      : '<spec>';
  const head = `${where} ${d.severity} ${d.code}: ${d.message}`;
  const notes = [...(d.pointer ? [`at ${d.pointer}`] : []), ...(d.notes ?? [])];
  return notes.length ? `${head}\n${notes.map((n) => `    ${n}`).join('\n')}` : head;
}

function rel(file: string, cwd: string): string {
  const r = path.relative(cwd, file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r.split(path.sep).join('/');
}

/** Sorted by version (numerically), file, line, col: a run's output does not depend on phase order. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => {
    if ((a.version ?? '') !== (b.version ?? '')) return a.version === undefined ? -1 : b.version === undefined ? 1 : compareVersionText(a.version, b.version);
    const fa = a.location?.file ?? '', fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0);
  });
}
