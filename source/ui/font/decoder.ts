/**
 * Decodes latent points for the explorer with a copy of the training model's weights. The model in training is
 * never used directly: its layers keep the activations of the last forward pass for the next backward pass.
 */
import { createCpuBackend } from '../../math/select.js';
import { Autoencoder } from '../../nn/autoencoder.js';
import type { Point } from '../state.js';

export class LatentDecoder {
  private readonly copy: Autoencoder;

  constructor(private readonly model: Autoencoder) {
    this.copy = new Autoencoder(createCpuBackend(), model.shape);
  }

  /** The pixels each 2-D point decodes to, with the weights as they are now. */
  decode(points: readonly Point[]): Float32Array[] {
    if (points.length === 0) return [];
    this.copy.store.values.set(this.model.store.values);
    const size = this.copy.inputSize;
    const out = this.copy.decode(Float32Array.from(points.flat()), points.length);
    return points.map((_, i) => out.slice(i * size, (i + 1) * size));
  }
}
