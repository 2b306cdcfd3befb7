// The `docs` emitter as `mvc build` runs it: the docs rendered from the diff's ChangeRecords.
import { changesOf } from '../diff/index.js';
import { createDocsEmitter } from './docs.js';

export const docsEmitter = createDocsEmitter(changesOf);
