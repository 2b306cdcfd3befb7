// The emitters `mvc build` runs beside the per-version OpenAPI documents. They run together: one
// that waits for the validating threads (combined) lets the next one (docs) use this thread
// meanwhile, so those come first.
import type { Emitter } from './emitter.js';
import { docsEmitter } from '../render/docs-emitter.js';
import { combinedEmitter } from './combined/emitter.js';
import { openapi30Emitter } from './openapi30/emitter.js';

/** Run by every build. */
export const EMITTERS: readonly Emitter[] = [combinedEmitter, docsEmitter];

/**
 * Run on request: `mvc build --openapi 3.0` adds the OpenAPI 3.0.3 documents. It is opt-in because
 * converting and validating 100 more documents costs about as much again as the 3.1 build.
 */
export const OPTIONAL_EMITTERS: Readonly<Record<string, Emitter>> = { '3.0': openapi30Emitter };
