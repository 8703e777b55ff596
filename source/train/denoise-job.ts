/**
 * One training of a sweep's denoising study: a denoising autoencoder trained on one noise setting, or the plain
 * autoencoder trained on the clean glyphs (the baseline), then scored at every noise setting of the study.
 * Scoring copies depend only on the seed and the noise setting, so every model is scored on the same inputs.
 */
import { loadFont } from '../data/font.js';
import { describeNoise, type NoiseSpec } from '../data/noise.js';
import type { Backend } from '../math/backend.js';
import { Rng } from '../random.js';
import { noisyCopies, scoreDenoising, type DenoiseScore } from './denoise-score.js';
import { trainFont, type FontTrainingOptions } from './font.js';
import { finishTraining, type ProgressCallback } from './finish.js';

export type DenoiseModelKind = 'denoising' | 'plain';

export interface DenoiseJob {
  kind: 'denoise';
  model: DenoiseModelKind;
  /** Everything but the noise; `target` −1 trains every epoch. */
  training: Omit<FontTrainingOptions, 'noise'>;
  /** The noise the denoising model trains on (absent for the plain model). */
  trainedOn?: NoiseSpec;
  scoredOn: NoiseSpec[];
  /** Noisy copies per glyph when scoring. */
  copies: number;
}

export interface DenoiseJobResult {
  kind: 'denoise';
  /** One per `scoredOn` setting, in order. */
  scores: DenoiseScore[];
  /** The training loss on the clean glyphs after the last epoch. */
  loss: number;
}

/** The generator of the scoring copies for one seed and noise setting. */
export function scoringRng(seed: number, noise: NoiseSpec): Rng {
  let hash = 2166136261 ^ seed;
  for (const ch of describeNoise(noise)) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return new Rng(hash >>> 0);
}

export function runDenoiseJob(job: DenoiseJob, backend: Backend, onProgress: ProgressCallback): DenoiseJobResult {
  const glyphs = loadFont();
  const noise = job.model === 'denoising' ? job.trainedOn : undefined;
  const { model, last } = finishTraining(
    trainFont(backend, glyphs, { ...job.training, noise }),
    job.training.epochs,
    onProgress,
  );
  const scores = job.scoredOn.map((spec) => {
    const { clean, noisy } = noisyCopies(glyphs, spec, job.copies, scoringRng(job.training.seed, spec));
    return scoreDenoising(backend, model, clean, noisy).score;
  });
  return { kind: 'denoise', scores, loss: last.loss };
}
