/** A sweep worker thread: runs each job it is sent and posts progress, then the result (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './jobs.js';
import type { WorkerMessage } from './pool.js';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (job: Job) => {
  try {
    post({ type: 'result', result: runJob(job, (epoch, epochs) => post({ type: 'progress', epoch, epochs })) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
