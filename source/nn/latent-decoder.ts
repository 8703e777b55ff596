/**
 * Decodes latent points with a CPU copy of a model's weights: the dashboard's explorer (while the model trains)
 * and the export (after the run's own backend, perhaps a GPU one, is released). The model itself is never used:
 * in training its layers keep the activations of the last forward pass for the next backward pass.
 */
import { createCpuBackend } from '../math/select.js';
import type { Backend } from '../math/backend.js';
import { Autoencoder } from './autoencoder.js';

export class LatentDecoder {
  private readonly backend: Backend = createCpuBackend();
  private readonly copy: Autoencoder;

  constructor(private readonly model: Autoencoder) {
    this.copy = new Autoencoder(this.backend, model.shape);
  }

  /** The pixels each point decodes to, with the model's weights as they are now. */
  decode(points: ReadonlyArray<readonly number[]>): Float32Array[] {
    if (points.length === 0) return [];
    this.copy.store.values.set(this.model.store.values);
    const size = this.copy.inputSize;
    const out = this.copy.decode(Float32Array.from(points.flat()), points.length);
    return points.map((_, i) => out.slice(i * size, (i + 1) * size));
  }

  dispose(): void {
    this.backend.dispose();
  }
}
