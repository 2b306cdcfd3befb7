// Validates and serializes documents on every core: one worker per core, each taking the next job.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OpenAPIV3_1 } from 'openapi-types';
import { validateDocument, type ValidationProblem } from './validate-output.js';
import { toYaml } from '../util/yaml-writer.js';

export interface SerializeJob { readonly id: number; readonly json: string }
export interface SerializeResult { readonly id: number; readonly problems: readonly ValidationProblem[]; readonly yaml: string }

/** Below this many documents, starting workers costs more than it saves. */
const MIN_FOR_WORKERS = 6;

export async function validateAndSerialize(jsons: readonly string[], workers = defaultWorkers()): Promise<SerializeResult[]> {
  if (workers <= 1 || jsons.length < MIN_FOR_WORKERS) {
    const out: SerializeResult[] = [];
    for (let id = 0; id < jsons.length; id++) {
      const doc = JSON.parse(jsons[id]!) as OpenAPIV3_1.Document;
      const problems = await validateDocument(doc);
      out.push({ id, problems, yaml: problems.length ? '' : toYaml(doc) });
    }
    return out;
  }
  const results: SerializeResult[] = new Array(jsons.length);
  let next = 0;
  const url = new URL(`./validate-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const pool = Array.from({ length: Math.min(workers, jsons.length) }, () => new Worker(url));
  try {
    await Promise.all(pool.map((w) => new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= jsons.length) { resolve(); return; }
        const id = next++;
        w.postMessage({ id, json: jsons[id]! } satisfies SerializeJob);
      };
      w.on('message', (r: SerializeResult) => { results[r.id] = r; feed(); });
      w.on('error', reject);
      feed();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

function defaultWorkers(): number {
  const env = process.env['MVC_WORKERS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4));
}
