/**
 * The triplets the denoise dashboard shows: the same fresh noisy copies the final score uses, put through a copy
 * of the model with its weights as they are now (the model in training keeps its activations for the next
 * backward pass, so it is never run from the screen). The copy runs the plain TypeScript kernels: the numbers
 * are the same on every machine, and 32 x copies small inputs cost next to nothing.
 */
import type { Glyph } from '../../data/font.js';
import type { NoiseSpec } from '../../data/noise.js';
import { FastCpuBackend } from '../../math/fast-cpu.js';
import { Autoencoder } from '../../nn/autoencoder.js';
import { scoringRng } from '../../train/denoise-job.js';
import { firstCopies, noisyCopies, scoreDenoising, type DenoiseScore, type TripletSample } from '../../train/denoise-score.js';

export class TripletScorer {
  private readonly backend = new FastCpuBackend();
  private readonly copy: Autoencoder;
  private readonly clean: Float32Array;
  private readonly noisy: Float32Array;

  constructor(private readonly model: Autoencoder, glyphs: Glyph[], noise: NoiseSpec, private readonly copies: number, seed: number) {
    this.copy = new Autoencoder(this.backend, model.shape);
    ({ clean: this.clean, noisy: this.noisy } = noisyCopies(glyphs, noise, copies, scoringRng(seed, noise)));
  }

  /** The score over every copy, and the first copy of each glyph as a triplet. */
  score(): { score: DenoiseScore; samples: TripletSample[] } {
    this.copy.store.values.set(this.model.store.values);
    const { score, output } = scoreDenoising(this.backend, this.copy, this.clean, this.noisy);
    return { score, samples: firstCopies(this.clean, this.noisy, output, this.copies, this.model.inputSize) };
  }
}
