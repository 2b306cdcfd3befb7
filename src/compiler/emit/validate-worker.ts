// Worker: validates documents off the main thread.
import { parentPort } from 'node:worker_threads';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { WorkerJob, WorkerResult } from './validate-pool.js';

type Validator = typeof import('./validate-output.js');
let validator: Promise<Validator> | undefined;
const loadValidator = () => (validator ??= import('./validate-output.js'));

parentPort!.on('message', async (job: WorkerJob) => {
  if (job.kind === 'warm') { (await loadValidator()).warmValidator(); return; }
  const { validateDocument } = await loadValidator();
  const problems = await validateDocument(JSON.parse(job.json) as OpenAPIV3_1.Document, job.json);
  parentPort!.postMessage({ id: job.id, problems } satisfies WorkerResult);
});
