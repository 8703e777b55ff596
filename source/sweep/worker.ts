/** A sweep worker thread: runs each job it is sent and posts progress, then the result (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import type { Backend } from '../math/backend.js';
import { selectSweepBackend, type BackendChoice } from '../math/select.js';
import { runJob, type Job } from './jobs.js';
import type { WorkerMessage } from './pool.js';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

// Started on the first job and kept for the next ones: starting a backend (wasm threads, gpu.js kernels) can
// cost more than a small training. The thread ends with the pool, and the backend with it.
let started: { choice: BackendChoice; backend: Backend } | undefined;

function backendFor(choice: BackendChoice): Backend {
  if (started?.choice !== choice) {
    started?.backend.dispose();
    started = { choice, backend: selectSweepBackend(choice).backend };
  }
  return started.backend;
}

port.on('message', (job: Job) => {
  try {
    const onProgress = (epoch: number, epochs: number, loss: number) => post({ type: 'progress', epoch, epochs, loss });
    post({ type: 'result', result: runJob(job, backendFor(job.backend), onProgress) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
