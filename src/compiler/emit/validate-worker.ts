// Worker: parses a document's JSON and validates it, off the main thread.
import { parentPort } from 'node:worker_threads';
import type { OpenAPIV3_1 } from 'openapi-types';
import { validateDocument, warmValidator } from './validate-output.js';
import type { ValidateJob, ValidateResult } from './validate-pool.js';

parentPort!.on('message', async (job: ValidateJob) => {
  if ('warm' in job) { warmValidator(); return; }
  const problems = await validateDocument(JSON.parse(job.json) as OpenAPIV3_1.Document, job.json);
  parentPort!.postMessage({ id: job.id, problems } satisfies ValidateResult);
});
