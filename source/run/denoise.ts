/**
 * One denoising autoencoder's run (run/glyph-run.ts): trained on fresh noisy copies every epoch; at its end it is
 * scored on fresh noisy copies of each glyph against the clean glyph, saved with --save, exported with --export.
 */
import { noiseFields, type NoiseSpec } from '../data/noise.js';
import { writeExport } from '../export/bundle.js';
import { denoiseRunExport, type DenoiseRunResult } from '../export/denoise.js';
import { scoringRng } from '../train/denoise-job.js';
import {
  firstCopies,
  noisyCopies,
  scoreDenoising,
  type DenoiseScore,
  type TripletSample,
} from '../train/denoise-score.js';
import { GlyphRun, type GlyphRunPlan } from './glyph-run.js';

export interface DenoiseRunPlan extends GlyphRunPlan {
  noise: NoiseSpec;
  /** Noisy copies of each glyph that the score is taken on. */
  copies: number;
}

export interface DenoiseOutcome {
  line: DenoiseRunResult;
  score: DenoiseScore;
  /** The first scoring copy of each glyph: clean, noisy, denoised. */
  samples: TripletSample[];
  saved?: string;
  exported?: { dir: string; files: string[] };
}

export class DenoiseRun extends GlyphRun<DenoiseRunPlan, DenoiseOutcome> {
  get architecture(): string {
    return this.model.shape.layers.join('-');
  }

  finish(): DenoiseOutcome {
    const { last, model } = this.done!;
    const { plan } = this;
    if (plan.save) this.saveTo(plan.save);
    const { clean, noisy } = noisyCopies(plan.glyphs, plan.noise, plan.copies, scoringRng(plan.seed, plan.noise));
    const { score, output } = scoreDenoising(plan.backend.backend, model, clean, noisy);
    const samples = firstCopies(clean, noisy, output, plan.copies, model.inputSize);
    const line: DenoiseRunResult = {
      event: 'result',
      experiment: 'denoise',
      epochs: last.epoch,
      trainSeconds: last.elapsedMs / 1000,
      copies: plan.copies,
      backend: plan.backend.backend.name,
      seed: plan.seed,
      rows: [{ model: 'denoising', architecture: this.architecture, ...noiseFields(plan.noise), seeds: 1, ...score }],
    };
    return { line, score, samples, saved: plan.save, exported: this.export(samples, line) };
  }

  private export(samples: TripletSample[], line: DenoiseRunResult): DenoiseOutcome['exported'] {
    if (!this.plan.export) return undefined;
    const { dir, settings } = this.plan.export;
    const bundle = denoiseRunExport({
      config: settings,
      glyphs: this.glyphs,
      noise: this.plan.noise,
      samples,
      history: this.history.rows,
      result: line,
    });
    return { dir, files: writeExport(dir, bundle) };
  }
}
