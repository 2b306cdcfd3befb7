// The emitters `mvc build` runs after the per-version OpenAPI documents, in this order.
import type { Emitter } from './emitter.js';
import { docsEmitter } from '../render/docs-emitter.js';
import { combinedEmitter } from './combined/emitter.js';
import { openapi30Emitter } from './openapi30/emitter.js';

/** Run by every build. */
export const EMITTERS: readonly Emitter[] = [docsEmitter, combinedEmitter];

/**
 * Run on request: `mvc build --openapi 3.0` adds the OpenAPI 3.0.3 documents. It is opt-in because
 * converting and validating 100 more documents costs about as much again as the 3.1 build.
 */
export const OPTIONAL_EMITTERS: Readonly<Record<string, Emitter>> = { '3.0': openapi30Emitter };
