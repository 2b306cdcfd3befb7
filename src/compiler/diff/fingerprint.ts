// A change's identity: the same change gets the same fingerprint on every run and machine, so
// reviews, waivers and changelog anchors can refer to it.
import { createHash } from 'node:crypto';
import { canonicalJson } from './json.js';

export interface Fingerprintable {
  readonly kind: string;
  readonly operation?: string;
  readonly pointer: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** First 12 hex characters of sha256 over the canonical JSON of [kind, operation, pointer, before, after]. */
export function fingerprint(c: Fingerprintable): string {
  const text = canonicalJson([c.kind, c.operation ?? '', c.pointer, c.before ?? null, c.after ?? null]);
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
