/** The jobs a sweep runs on its worker threads: plain data in, plain data out (they cross thread boundaries). */
import type { Backend } from '../math/backend.js';
import type { BackendChoice } from '../math/select.js';
import { runDenoiseJob, type DenoiseJob, type DenoiseJobResult } from '../train/denoise-job.js';
import { runFontJob, type FontJob, type FontJobResult } from '../train/font-job.js';
import type { ProgressCallback } from '../train/finish.js';

export type Training = DenoiseJob | FontJob;
/** A training and the backend to run it on, named as --backend names it: each worker starts it once. */
export type Job<T extends Training = Training> = T & { backend: BackendChoice };
export type JobResult = DenoiseJobResult | FontJobResult;

export type { ProgressCallback } from '../train/finish.js';

export function runJob(job: Training, backend: Backend, onProgress: ProgressCallback): JobResult {
  return job.kind === 'denoise' ? runDenoiseJob(job, backend, onProgress) : runFontJob(job, backend, onProgress);
}
