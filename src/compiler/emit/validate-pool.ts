// Validates documents on every core. Workers start (and compile the OpenAPI schema) before the
// documents exist, so their start-up overlaps with loading and folding on the main thread.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OpenAPIV3_1 } from 'openapi-types';
import { validateDocument, type ValidationProblem } from './validate-output.js';

export type ValidateJob = { readonly id: number; readonly json: string } | { readonly id: -1; readonly warm: true };
export interface ValidateResult { readonly id: number; readonly problems: readonly ValidationProblem[] }

export interface ValidatorPool {
  /** Validates every document; `whileWaiting` runs on this thread meanwhile. */
  validate(jsons: readonly string[], whileWaiting?: () => void): Promise<ValidationProblem[][]>;
  close(): Promise<void>;
}

/** A pool of `size` workers; size 0 or 1 validates on this thread. */
export function startValidatorPool(size = defaultWorkers()): ValidatorPool {
  if (size <= 1) {
    return {
      async validate(jsons, whileWaiting) {
        whileWaiting?.();
        const out: ValidationProblem[][] = [];
        for (const json of jsons) out.push(await validateDocument(JSON.parse(json) as OpenAPIV3_1.Document));
        return out;
      },
      async close() {},
    };
  }
  // Run from source (tests, tsx), the worker registers the TypeScript loader itself first.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./validate-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  const workers = Array.from({ length: size }, () => {
    const w = fromSource
      ? new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), { workerData: { entry: entry.href } })
      : new Worker(entry);
    // Errors surface through validate(); until then they must not crash the process.
    w.on('error', () => {});
    w.postMessage({ id: -1, warm: true } satisfies ValidateJob);
    // An idle worker must not keep the process alive if the caller forgets close().
    w.unref();
    return w;
  });
  return {
    async validate(jsons, whileWaiting) {
      const results: ValidationProblem[][] = new Array(jsons.length);
      let next = 0;
      const done = Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= jsons.length) { w.off('message', onMessage); w.off('error', reject); resolve(); return; }
          const id = next++;
          w.postMessage({ id, json: jsons[id]! } satisfies ValidateJob);
        };
        const onMessage = (r: ValidateResult) => { if (r.id >= 0) { results[r.id] = [...r.problems]; feed(); } };
        w.on('message', onMessage);
        w.on('error', reject);
        feed();
      })));
      whileWaiting?.();
      await done;
      return results;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Below this many documents, starting workers costs more than it saves. */
export const MIN_FOR_WORKERS = 6;

export function defaultWorkers(): number {
  const env = process.env['MVC_WORKERS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4));
}
