// Validates documents on every core. Workers start (and compile the OpenAPI schema) before the
// documents exist, so their start-up overlaps with loading and folding; documents are submitted
// as soon as each is emitted; and the main thread takes queued documents itself once it has
// nothing else to do, so no core idles while work is queued.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OpenAPIV3_1 } from 'openapi-types';
import { validateDocument, type ValidationProblem } from './validate-output.js';

export type WorkerJob =
  | { readonly kind: 'validate'; readonly id: number; readonly json: string }
  | { readonly kind: 'warm' };
export interface WorkerResult { readonly id: number; readonly problems: readonly ValidationProblem[] }

export interface ValidatorPool {
  /** Queues one document (its JSON text, and the object if at hand); settles with its problems. */
  submit(json: string, doc?: OpenAPIV3_1.Document): Promise<ValidationProblem[]>;
  /** Validates queued documents on this thread until the queue is empty. */
  helpOnThisThread(): Promise<void>;
  /** Compiles the validator on every worker, ahead of the first document. */
  warm(): void;
  close(): Promise<void>;
}

interface Pending { readonly id: number; readonly json: string; readonly doc?: OpenAPIV3_1.Document; readonly resolve: (p: ValidationProblem[]) => void; readonly reject: (e: unknown) => void }

/** A pool of `size` workers; 0 validates only on this thread (in helpOnThisThread). */
export function startValidatorPool(size = defaultWorkers()): ValidatorPool {
  const queue: Pending[] = [];
  const running = new Map<number, Pending>();
  const inFlight = new Map<Worker, number>();
  let nextId = 0;
  let failure: unknown;

  // A few jobs in flight per worker keep it busy while this thread is too busy to answer.
  const dispatch = () => {
    for (const [w, n] of inFlight) {
      for (let k = n; k < IN_FLIGHT && queue.length; k++) {
        const job = queue.shift()!;
        running.set(job.id, job);
        inFlight.set(w, inFlight.get(w)! + 1);
        w.postMessage({ kind: 'validate', id: job.id, json: job.json } satisfies WorkerJob);
      }
    }
  };

  // Run from source (tests, tsx), the worker registers the TypeScript loader itself first.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./validate-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  const workers = Array.from({ length: size }, () => {
    const w = fromSource
      ? new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), { workerData: { entry: entry.href } })
      : new Worker(entry);
    inFlight.set(w, 0);
    w.on('message', (r: WorkerResult) => {
      running.get(r.id)?.resolve([...r.problems]);
      running.delete(r.id);
      inFlight.set(w, inFlight.get(w)! - 1);
      dispatch();
    });
    w.on('error', (err) => {
      failure = err;
      for (const p of [...running.values(), ...queue.splice(0)]) p.reject(err);
      running.clear();
    });
    return w;
  });

  return {
    submit(json, doc) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, json, ...(doc ? { doc } : {}), resolve, reject });
        dispatch();
      });
    },
    async helpOnThisThread() {
      // setImmediate between jobs lets worker results in, so they are refilled rather than starved.
      for (let job = queue.shift(); job; await yieldToWorkers(), job = queue.shift()) {
        try {
          job.resolve(await validateDocument(job.doc ?? (JSON.parse(job.json) as OpenAPIV3_1.Document), job.json));
        } catch (err) {
          job.reject(err);
        }
      }
    },
    warm() {
      for (const w of workers) w.postMessage({ kind: 'warm' } satisfies WorkerJob);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

const IN_FLIGHT = 3;

/** Lets worker messages in between steps of a long loop on this thread. */
export const yieldToWorkers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function defaultWorkers(): number {
  const env = process.env['MVC_WORKERS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  // This thread validates too, once it has emitted everything: one worker per other core.
  return Math.max(0, Math.min((os.availableParallelism?.() ?? os.cpus().length) - 1, 4));
}
