// Writes and validates documents off the main thread. Workers start (and compile the OpenAPI
// schema) before the documents exist, so their start-up overlaps with loading and folding, and
// each document is submitted as soon as it is emitted. A worker keeps the text of every part it
// has been sent and what it has proven of each (validate-job.ts), so it is sent only the parts
// new to it, and consecutive versions go to the same worker. This thread, which would start with
// nothing kept, runs jobs only when there is no worker.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentPieces } from './document-pieces.js';
import type { PartId } from './validation-parts.js';
import type { DocumentJob, JobResult, JobRunner } from './validate-job.js';

export type WorkerMessage = { readonly kind: 'job'; readonly job: DocumentJob } | { readonly kind: 'warm' };

export interface Submission {
  readonly pieces: DocumentPieces;
  readonly parts: readonly PartId[];
  readonly files?: { readonly json: string; readonly yaml: string };
}

export interface ValidatorPool {
  /** Sends one document to a worker; settles with its problems (and its files' facts, when written). */
  submit(s: Submission): Promise<JobResult>;
  /** Compiles the validator on every worker, ahead of the first document. */
  warm(): void;
  close(): Promise<void>;
}

interface Pending { readonly resolve: (r: JobResult) => void; readonly reject: (e: unknown) => void }
interface Slot { readonly worker: Worker; readonly sent: Set<number> }

/** A pool of `size` workers; with 0, submit() runs each job on this thread. */
export function startValidatorPool(size = defaultWorkers()): ValidatorPool {
  const running = new Map<number, Pending>();
  let nextId = 0;
  let failure: unknown;
  // Loaded only when this thread runs jobs: swagger-parser and Ajv take ~60 ms to load.
  let local: Promise<{ run: JobRunner; sent: Set<number> }> | undefined;

  /** The job of `s` for a runner that has been sent the texts in `sent` (which it updates). */
  const job = (id: number, s: Submission, sent: Set<number>): DocumentJob => {
    const texts: [number, string, string][] = [];
    for (const [part, [j, y]] of s.pieces.texts) if (!sent.has(part)) { sent.add(part); texts.push([part, j, y]); }
    return { id, json: s.pieces.json, yaml: s.pieces.yaml, texts, parts: s.parts, ...(s.files ? { files: s.files } : {}) };
  };

  let turn = 0;

  // Run from source (tests, tsx), the worker registers the TypeScript loader itself first.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./validate-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = fromSource
      ? new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), { workerData: { entry: entry.href } })
      : new Worker(entry);
    const slot: Slot = { worker, sent: new Set() };
    worker.on('message', (r: JobResult) => {
      running.get(r.id)?.resolve(r);
      running.delete(r.id);
    });
    worker.on('error', (err) => {
      failure = err;
      for (const p of running.values()) p.reject(err);
      running.clear();
    });
    return slot;
  });

  return {
    submit(s) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      if (!slots.length) {
        // No worker: the job runs here and now.
        local ??= import('./validate-job.js').then((m) => ({ run: m.createJobRunner(), sent: new Set<number>() }));
        return local.then((l) => l.run(job(id, s, l.sent)));
      }
      // Every job goes out at once: this thread may be busy for long stretches (the other
      // emitters run while documents are validated) and could not refill a worker that ran dry.
      // Workers take turns, so each sees versions close together.
      const slot = slots[turn++ % slots.length]!;
      return new Promise((resolve, reject) => {
        running.set(id, { resolve, reject });
        slot.worker.postMessage({ kind: 'job', job: job(id, s, slot.sent) } satisfies WorkerMessage);
      });
    },
    warm() {
      for (const s of slots) s.worker.postMessage({ kind: 'warm' } satisfies WorkerMessage);
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export function defaultWorkers(): number {
  const env = process.env['MVC_WORKERS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  // One worker per other core: this thread has the emitting to do.
  return Math.max(0, Math.min((os.availableParallelism?.() ?? os.cpus().length) - 1, 4));
}
