/**
 * The triplets the denoise dashboard shows: the same fresh noisy copies the final score uses, put through a
 * snapshot of the model with its weights as they are now (on the views' backend: 32 x copies small inputs
 * cost next to nothing).
 */
import type { Glyph } from '../../data/font.js';
import type { NoiseSpec } from '../../data/noise.js';
import type { ModelSnapshot } from '../../nn/model-snapshot.js';
import { scoringRng } from '../../train/denoise-job.js';
import {
  firstCopies,
  noisyCopies,
  scoreDenoising,
  type DenoiseScore,
  type TripletSample,
} from '../../train/denoise-score.js';

export class TripletScorer {
  private readonly clean: Float32Array;
  private readonly noisy: Float32Array;

  constructor(
    private readonly snapshot: ModelSnapshot,
    glyphs: Glyph[],
    noise: NoiseSpec,
    private readonly copies: number,
    seed: number,
  ) {
    ({ clean: this.clean, noisy: this.noisy } = noisyCopies(glyphs, noise, copies, scoringRng(seed, noise)));
  }

  /** The score over every copy, and the first copy of each glyph as a triplet. */
  score(): { score: DenoiseScore; samples: TripletSample[] } {
    const model = this.snapshot.current();
    const { score, output } = scoreDenoising(this.snapshot.backend, model, this.clean, this.noisy);
    return { score, samples: firstCopies(this.clean, this.noisy, output, this.copies, model.inputSize) };
  }
}
