// Boots a TypeScript worker when the compiler runs from source (tests, tsx): registers tsx in
// the worker's own thread, then loads the real entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
