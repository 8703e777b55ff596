/**
 * All of a model's parameters live in one flat buffer (and their gradients in another), so that one optimizer
 * kernel updates everything at once and a save is a single array. Layers work on views into these buffers.
 */
import type { Backend } from '../math/backend.js';

export class ParameterStore {
  readonly values: Float32Array;
  readonly grads: Float32Array;
  private offset = 0;

  constructor(
    backend: Backend,
    readonly size: number,
  ) {
    this.values = backend.alloc(size);
    this.grads = backend.alloc(size);
  }

  /** Hands out the next `length` parameters: the value view and its gradient view. */
  take(length: number): { values: Float32Array; grads: Float32Array } {
    if (this.offset + length > this.size)
      throw new Error(`parameter store overflow: ${this.offset + length} > ${this.size}`);
    const slice = {
      values: this.values.subarray(this.offset, this.offset + length),
      grads: this.grads.subarray(this.offset, this.offset + length),
    };
    this.offset += length;
    return slice;
  }
}
