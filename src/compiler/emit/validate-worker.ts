// Worker: validates documents off the main thread (and parses YAML files for the load phase).
import { parentPort } from 'node:worker_threads';
import type { OpenAPIV3_1 } from 'openapi-types';
import { validateDocument, warmValidator } from './validate-output.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { WorkerJob, WorkerResult } from './validate-pool.js';

parentPort!.on('message', async (job: WorkerJob) => {
  if (job.kind === 'warm') { warmValidator(); return; }
  if (job.kind === 'parse') {
    // A file with any diagnostic comes back undefined: the main thread parses it again to report.
    const values = job.files.map((f) => {
      const [parsed, ds] = parseYaml(f.path, f.text);
      return ds.length ? undefined : parsed.value;
    });
    parentPort!.postMessage({ id: job.id, values } satisfies WorkerResult);
    return;
  }
  const problems = await validateDocument(JSON.parse(job.json) as OpenAPIV3_1.Document, job.json);
  parentPort!.postMessage({ id: job.id, problems } satisfies WorkerResult);
});
