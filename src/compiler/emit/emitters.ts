// The emitters `mvc build` runs after the per-version OpenAPI documents, in this order.
import type { Emitter } from './emitter.js';
import { docsEmitter } from '../render/docs-emitter.js';

export const EMITTERS: readonly Emitter[] = [docsEmitter];
