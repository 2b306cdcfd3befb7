import type { Code } from './codes.js';
import type { Location } from '../source/location.js';

export type Severity = 'error' | 'warning';

/** Diagnostics are data: tools match on `code`, people read `message`. */
export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  /** Names the version, the target and what was expected. */
  readonly message: string;
  readonly location?: Location;
  readonly version?: string;
  /** A JSON pointer into an emitted document, for emit diagnostics. */
  readonly pointer?: string;
  readonly notes?: readonly string[];
}

export function diag(
  code: Code,
  message: string,
  extra: { location?: Location; version?: string; pointer?: string; notes?: readonly string[]; severity?: Severity } = {},
): Diagnostic {
  const { severity = 'error', ...rest } = extra;
  return { code, severity, message, ...rest };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
