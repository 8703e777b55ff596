/**
 * Runs independent jobs on worker threads, as many at a time as there are cores. Each job carries its own seed,
 * so its result does not depend on which worker ran it or when; results come back in job order.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult, ProgressCallback } from './jobs.js';

/** What a worker posts back: progress while a job trains, then its result or its error. */
export type WorkerMessage =
  | { type: 'progress'; epoch: number; epochs: number; loss: number }
  | { type: 'result'; result: JobResult }
  | { type: 'error'; message: string };

export interface PoolOptions {
  /** Threads to run at once (default: the cores available). */
  workers?: number;
  onStart?: (index: number) => void;
  onProgress?: (index: number, epoch: number, epochs: number, loss: number) => void;
  onDone?: (index: number, result: JobResult) => void;
  /** Stops the pool: the running jobs are abandoned and runPool rejects with the signal's reason. */
  signal?: AbortSignal;
}

// Compiled (dist/), the worker is JavaScript beside this module and starts as it is. From the sources (vitest,
// tsx) it is TypeScript: a thread does not inherit the loader of the thread that starts it, and Node 20 ignores
// `--import` in a worker's execArgv before the entry loads, so a small bootstrap registers tsx's loader in the
// new thread and then imports the worker.
const COMPILED = import.meta.url.endsWith('.js');
const BOOTSTRAP = COMPILED
  ? `import(${JSON.stringify(new URL('./worker.js', import.meta.url).href)})`
  : `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;

export function defaultWorkers(): number {
  return availableParallelism();
}

export async function runPool(jobs: Job[], options: PoolOptions = {}): Promise<JobResult[]> {
  const results = new Array<JobResult>(jobs.length);
  let next = 0;
  const threads = Math.max(1, Math.min(options.workers ?? defaultWorkers(), jobs.length));

  const serve = async (): Promise<void> => {
    const worker = new Worker(BOOTSTRAP, { eval: true });
    try {
      while (next < jobs.length) {
        options.signal?.throwIfAborted();
        const index = next++;
        options.onStart?.(index);
        results[index] = await runOn(
          worker,
          jobs[index],
          (epoch, epochs, loss) => options.onProgress?.(index, epoch, epochs, loss),
          options.signal,
        );
        options.onDone?.(index, results[index]);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, serve));
  return results;
}

function runOn(worker: Worker, job: Job, onProgress: ProgressCallback, signal?: AbortSignal): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      worker.off('message', onMessage).off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'progress') return onProgress(message.epoch, message.epochs, message.loss);
      settle(() => (message.type === 'result' ? resolve(message.result) : reject(new Error(message.message))));
    };
    const onError = (error: Error) => settle(() => reject(error));
    const onAbort = () => settle(() => reject(signal!.reason));
    worker.on('message', onMessage).once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage(job);
  });
}
