/** The font experiment's result object (docs/CONTRACTS.md: the font result fields), built from the last epoch. */
import type { Glyph } from '../data/font.js';
import type { GlyphDone } from './font.js';

export interface FontResult {
  experiment: 'font';
  epochs: number;
  trainSeconds: number;
  reachedTarget: boolean;
  target: number;
  loss: number;
  maxPixelError: number;
  meanPixelError: number;
  perGlyph: Record<string, number>;
  latent: Record<string, number[]>;
  architecture: string;
  backend: string;
  backendReason: string;
  seed: number;
}

export function fontResult(
  done: GlyphDone,
  glyphs: Glyph[],
  run: { backend: string; backendReason: string; seed: number; target: number },
): FontResult {
  const { last, model } = done;
  const latentSize = model.latentSize;
  const encoderWidths = model.shape.layers;
  const widths = [...encoderWidths, ...[...encoderWidths].reverse().slice(1)];
  return {
    experiment: 'font',
    epochs: last.epoch,
    trainSeconds: last.elapsedMs / 1000,
    reachedTarget: done.reachedTarget,
    target: run.target,
    loss: last.loss,
    maxPixelError: last.maxPixelError,
    meanPixelError: last.meanPixelError,
    perGlyph: Object.fromEntries(glyphs.map((g, i) => [g.char, last.perGlyph[i]])),
    latent: Object.fromEntries(
      glyphs.map((g, i) => [g.char, Array.from(last.latent.subarray(i * latentSize, (i + 1) * latentSize))]),
    ),
    architecture: widths.join('-'),
    backend: run.backend,
    backendReason: run.backendReason,
    seed: run.seed,
  };
}
