// Worker: writes and validates documents off the main thread, with one job runner for all of
// them, so that what it keeps of one version's parts serves the next.
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage } from './validate-pool.js';

type Runner = ReturnType<typeof import('./validate-job.js')['createJobRunner']>;
let runner: Promise<Runner> | undefined;
const load = async (): Promise<Runner> => {
  const [{ warmValidator }, { createJobRunner }] = await Promise.all([import('./validate-output.js'), import('./validate-job.js')]);
  warmValidator();
  return createJobRunner();
};

parentPort!.on('message', async (m: WorkerMessage) => {
  const run = await (runner ??= load());
  if (m.kind === 'warm') return;
  parentPort!.postMessage(await run(m.job));
});
