import type { Code } from '../diagnostics/codes.js';
import type { ApiInfo } from '../model/delta.js';
import { nearest } from '../check/shape.js';

const ISSUE: unique symbol = Symbol('fold-issue');

/** A precondition that failed; the fold driver adds the version and the change's location. */
export interface FoldIssue {
  readonly [ISSUE]: true;
  readonly code: Code;
  readonly message: string;
}

export interface FoldContext {
  readonly api: ApiInfo;
  readonly version: string;
}

export const issue = (code: Code, message: string): FoldIssue => ({ [ISSUE]: true, code, message });
/** A symbol brand: no YAML-sourced value can carry it, so data is never mistaken for an issue. */
export const isIssue = (x: unknown): x is FoldIssue => typeof x === 'object' && x !== null && ISSUE in x;

/** "expected one of: a, b", led by the nearest candidate when `name` looks like a typo of it. */
export function expectedOneOf(name: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return 'expected an existing one, and there are none';
  const near = nearest(name, candidates);
  const rest = candidates.filter((c) => c !== near);
  return near ? `did you mean "${near}"? (expected one of: ${[near, ...rest].join(', ')})` : `expected one of: ${candidates.join(', ')}`;
}
