/** The jobs a sweep runs on its worker threads: plain data in, plain data out (they cross thread boundaries). */
import { runDenoiseJob, type DenoiseJob, type DenoiseJobResult } from '../train/denoise-job.js';
import { runFontJob, type FontJob, type FontJobResult } from '../train/font-job.js';

export type Job = DenoiseJob | FontJob;
export type JobResult = DenoiseJobResult | FontJobResult;

/** Calls `onProgress` now and then while training. */
export type ProgressCallback = (epoch: number, epochs: number) => void;

export function runJob(job: Job, onProgress: ProgressCallback): JobResult {
  return job.kind === 'denoise' ? runDenoiseJob(job, onProgress) : runFontJob(job, onProgress);
}
