/** One training of the font autoencoder's sweep: train to the target or the epoch limit, keep the outcome. */
import { loadFont, selectGlyphs } from '../data/font.js';
import type { Backend } from '../math/backend.js';
import { trainFont, type FontTrainingOptions } from './font.js';
import { finishTraining, type ProgressCallback } from './finish.js';

export interface FontJob {
  kind: 'font';
  training: FontTrainingOptions;
  /** Characters to train on; all 32 when absent. */
  subset?: string;
}

export interface FontJobResult {
  kind: 'font';
  /** Epochs trained (the epoch the target was reached at, when it was). */
  epochs: number;
  reachedTarget: boolean;
  maxPixelError: number;
  meanPixelError: number;
}

export function runFontJob(job: FontJob, backend: Backend, onProgress: ProgressCallback): FontJobResult {
  const glyphs = selectGlyphs(loadFont(), job.subset);
  const { last, reachedTarget } = finishTraining(
    trainFont(backend, glyphs, job.training),
    job.training.epochs,
    onProgress,
  );
  return {
    kind: 'font',
    epochs: last.epoch,
    reachedTarget,
    maxPixelError: last.maxPixelError,
    meanPixelError: last.meanPixelError,
  };
}
