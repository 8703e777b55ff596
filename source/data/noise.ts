/**
 * Noise models for the denoising autoencoder (docs/CONTRACTS.md, noise models). Each corrupts clean pixels in
 * [0, 1] into a buffer of the same size, drawing only from the Rng passed in, so the same seed gives the same
 * noisy glyphs.
 */
import type { Rng } from '../random.js';

export type NoiseModel = 'mutation' | 'salt-pepper' | 'gaussian';
export const NOISE_MODELS: readonly NoiseModel[] = ['mutation', 'salt-pepper', 'gaussian'];

export type NoiseSpec =
  /** Each pixel, with probability mutationProb, moves toward its opposite by a uniform amount in [0, maxNoise]. */
  | { model: 'mutation'; mutationProb: number; maxNoise: number }
  /** Each pixel flips (0 <-> 1) with probability p. */
  | { model: 'salt-pepper'; p: number }
  /** Each pixel gets N(0, sigma) added, then is clipped to [0, 1]. */
  | { model: 'gaussian'; sigma: number };

/** Writes a noisy copy of `clean` into `noisy` (same length; may be the same buffer). */
export function addNoise(spec: NoiseSpec, clean: Float32Array, noisy: Float32Array, rng: Rng): void {
  switch (spec.model) {
    case 'mutation':
      for (let i = 0; i < clean.length; i++) {
        const v = clean[i];
        noisy[i] = rng.next() < spec.mutationProb ? towardOpposite(v, rng.uniform(0, spec.maxNoise)) : v;
      }
      return;
    case 'salt-pepper':
      for (let i = 0; i < clean.length; i++) noisy[i] = rng.next() < spec.p ? 1 - clean[i] : clean[i];
      return;
    case 'gaussian':
      for (let i = 0; i < clean.length; i++) noisy[i] = Math.min(1, Math.max(0, clean[i] + spec.sigma * rng.normal()));
      return;
  }
}

/** 1 -> 1 − u, 0 -> 0 + u. */
function towardOpposite(value: number, amount: number): number {
  return value > 0.5 ? value - amount : value + amount;
}

/** One short label, e.g. "mutation p=0.1 max=0.3", for tables and progress lines. */
export function describeNoise(spec: NoiseSpec): string {
  switch (spec.model) {
    case 'mutation':
      return `mutation p=${spec.mutationProb} max=${spec.maxNoise}`;
    case 'salt-pepper':
      return `salt-pepper p=${spec.p}`;
    case 'gaussian':
      return `gaussian sigma=${spec.sigma}`;
  }
}

/** The noise parameters as JSON result fields (docs/CONTRACTS.md's denoise row: mutationProb, maxNoise, p or sigma). */
export function noiseFields(spec: NoiseSpec): Record<string, string | number> {
  const { model, ...parameters } = spec;
  return { noise: model, ...parameters };
}
