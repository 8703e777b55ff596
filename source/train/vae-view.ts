/**
 * What the screen shows of a VAE after an epoch: the held-out images' latent means (for the class scatter),
 * a few originals with their reconstructions (decoded from the mean, so they do not flicker), and generated
 * digits: a grid over [-2, 2]² when the latent space is 2-D, else draws from N(0, I). The draws use a fixed
 * generator, so the same codes are decoded every epoch and the screen shows them taking shape.
 */
import { IMAGE_PIXELS, type ImageSet } from '../data/mnist.js';
import { Rng } from '../random.js';
import type { Vae } from '../nn/vae.js';
import { latentGrid } from './latent.js';

export interface VaeView {
  latent: number;
  /** Latent means of the first held-out images, one after another, and their class labels. */
  codes: Float32Array;
  labels: Uint8Array;
  /** The first SHOWN held-out images and their reconstructions. */
  originals: Float32Array;
  reconstructions: Float32Array;
  /** Generated digits; `gridSize` n when they are an n×n latent grid (rows from the top, z1 falling). */
  generated: Float32Array;
  gridSize?: number;
}

const SCATTER_IMAGES = 1000;
const SHOWN = 8;
const GRID = 4;
/** The latent grid's box: ±2 holds 95% of the prior along each axis. */
export const GRID_BOX = { min: [-2, -2], max: [2, 2] };

/** n×n points over GRID_BOX, flat: [z0, z1, z0, z1, ...], rows from the top. */
export function gridPoints(n: number): number[] {
  return latentGrid(GRID_BOX, n).flat();
}

/** `scratch` is a buffer of at least SCATTER_IMAGES images made by the model's backend. */
export function vaeView(model: Vae, heldOut: ImageSet, seed: number, scratch: Float32Array): VaeView {
  const latent = model.shape.latent;
  const count = Math.min(SCATTER_IMAGES, heldOut.count);
  const shown = Math.min(SHOWN, count);
  scratch.set(heldOut.images.subarray(0, count * IMAGE_PIXELS));
  const { mu } = model.encode(scratch.subarray(0, count * IMAGE_PIXELS), count);
  const codes = mu.slice(0, count * latent);
  const reconstructions = model.decode(mu.subarray(0, shown * latent), shown).slice();
  const points = latent === 2 ? gridPoints(GRID) : drawNormal(new Rng(seed), SHOWN * latent);
  const generatedCount = points.length / latent;
  const z = scratch.subarray(0, points.length);
  z.set(points);
  return {
    latent,
    codes,
    labels: heldOut.labels.slice(0, count),
    originals: heldOut.images.slice(0, shown * IMAGE_PIXELS),
    reconstructions,
    generated: model.decode(z, generatedCount).slice(),
    gridSize: latent === 2 ? GRID : undefined,
  };
}

function drawNormal(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.normal());
}
