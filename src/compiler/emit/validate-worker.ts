// Worker: parses a document's JSON, validates it, and writes its YAML form, off the main thread.
import { parentPort } from 'node:worker_threads';
import type { OpenAPIV3_1 } from 'openapi-types';
import { validateDocument } from './validate-output.js';
import { toYaml } from '../util/yaml-writer.js';
import type { SerializeJob, SerializeResult } from './validate-pool.js';

parentPort!.on('message', async (job: SerializeJob) => {
  const doc = JSON.parse(job.json) as OpenAPIV3_1.Document;
  const problems = await validateDocument(doc);
  const result: SerializeResult = { id: job.id, problems, yaml: problems.length ? '' : toYaml(doc) };
  parentPort!.postMessage(result);
});
