// ANSI styling for the text formats; a no-op unless colour is on.
import type { Severity } from '../change-record.js';

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly severity: (s: Severity, text: string) => string;
}

const wrap = (open: string, close: string) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const SEVERITY_COLOUR: Readonly<Record<Severity, (s: string) => string>> = {
  breaking: wrap('1;31', '22;39'),
  warning: wrap('33', '39'),
  info: wrap('36', '39'),
};

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s, severity: (_s, t) => t };
export const COLOUR: Style = { bold: wrap('1', '22'), dim: wrap('2', '22'), severity: (s, t) => SEVERITY_COLOUR[s](t) };

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && env['NO_COLOR'] === undefined;
}

/** Markdown table cell text: pipes escaped, newlines flattened. */
export const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
