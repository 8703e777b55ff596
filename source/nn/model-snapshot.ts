/**
 * A copy of a model's weights on a backend of its own, for the views beside training (the font explorer, the
 * denoise dashboard's triplets) and for the export (after the run's backend, perhaps a GPU one, is released).
 * The model itself is never run from a view: in training its layers keep the activations of the last forward
 * pass for the next backward pass.
 */
import type { Backend } from '../math/backend.js';
import { Autoencoder } from './autoencoder.js';

export class ModelSnapshot {
  private readonly copy: Autoencoder;

  constructor(
    private readonly model: Autoencoder,
    readonly backend: Backend,
  ) {
    this.copy = new Autoencoder(backend, model.shape);
  }

  /** The copy, with the model's weights as they are now. */
  current(): Autoencoder {
    this.copy.store.values.set(this.model.store.values);
    return this.copy;
  }

  /** The pixels each latent point decodes to, with the model's weights as they are now. */
  decode(points: ReadonlyArray<readonly number[]>): Float32Array[] {
    if (points.length === 0) return [];
    const copy = this.current();
    const size = copy.inputSize;
    const out = copy.decode(Float32Array.from(points.flat()), points.length);
    return points.map((_, i) => out.slice(i * size, (i + 1) * size));
  }
}
