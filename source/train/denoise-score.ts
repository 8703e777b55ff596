/**
 * Scoring a (denoising) autoencoder: fresh noisy copies of every glyph go through the model, and both the noisy
 * input and the output are compared with the clean glyph (docs/CONTRACTS.md, denoise scoring: wrong pixels as a
 * mean per glyph, mean absolute error as a mean per pixel).
 */
import type { Glyph } from '../data/font.js';
import { addNoise, type NoiseSpec } from '../data/noise.js';
import type { Backend } from '../math/backend.js';
import type { Autoencoder } from '../nn/autoencoder.js';
import type { Rng } from '../random.js';
import { mean, meanAbsError, wrongPixels } from './pixels.js';

export interface DenoiseScore {
  /** The noisy input against the clean glyph. */
  inputWrongPixels: number;
  inputMeanAbsError: number;
  /** The model's output against the clean glyph. */
  wrongPixels: number;
  meanAbsError: number;
}

/** One glyph's noisy input and output, with both scored against the clean glyph. */
export interface TripletSample {
  noisy: ArrayLike<number>;
  output: ArrayLike<number>;
  inputWrongPixels: number;
  inputMeanAbsError: number;
  wrongPixels: number;
  meanAbsError: number;
}

/** Copies of the glyphs, `copies` of each, glyph after glyph (copy c of glyph g is row g * copies + c). */
export function noisyCopies(
  glyphs: Glyph[],
  noise: NoiseSpec,
  copies: number,
  rng: Rng,
): { clean: Float32Array; noisy: Float32Array } {
  const features = glyphs[0].pixels.length;
  const clean = new Float32Array(glyphs.length * copies * features);
  glyphs.forEach((g, i) => {
    for (let c = 0; c < copies; c++) clean.set(g.pixels, (i * copies + c) * features);
  });
  const noisy = new Float32Array(clean.length);
  addNoise(noise, clean, noisy, rng);
  return { clean, noisy };
}

export function scoreDenoising(
  backend: Backend,
  model: Autoencoder,
  clean: Float32Array,
  noisy: Float32Array,
): { score: DenoiseScore; output: Float32Array } {
  const features = model.inputSize;
  const rows = clean.length / features;
  const input = backend.alloc(noisy.length);
  input.set(noisy);
  const output = model.forward(input, rows).slice();
  return {
    score: {
      inputWrongPixels: mean(wrongPixels(noisy, clean, rows, features)),
      inputMeanAbsError: meanAbsError(noisy, clean, clean.length),
      wrongPixels: mean(wrongPixels(output, clean, rows, features)),
      meanAbsError: meanAbsError(output, clean, clean.length),
    },
    output,
  };
}

/** The first copy of each glyph, scored on its own: what the clean / noisy / denoised panel shows. */
export function firstCopies(
  clean: Float32Array,
  noisy: Float32Array,
  output: Float32Array,
  copies: number,
  features: number,
): TripletSample[] {
  const samples: TripletSample[] = [];
  for (let from = 0; from < clean.length; from += copies * features) {
    const [c, n, o] = [clean, noisy, output].map((buffer) => buffer.subarray(from, from + features));
    samples.push({
      noisy: n,
      output: o,
      inputWrongPixels: wrongPixels(n, c, 1, features)[0],
      inputMeanAbsError: meanAbsError(n, c, features),
      wrongPixels: wrongPixels(o, c, 1, features)[0],
      meanAbsError: meanAbsError(o, c, features),
    });
  }
  return samples;
}
