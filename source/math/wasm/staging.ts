/**
 * Lets kernels accept arrays that were not made by `alloc`: such an array is copied into a reusable region of
 * the WebAssembly memory before the call and, when it is an output, copied back after it. Arrays from `alloc`
 * pass through untouched, which is the whole point of `alloc`.
 */
import type { WasmHeap } from './heap.js';

const MINIMUM_ARENA_BYTES = 1 << 20;

export class Staging {
  private arena = 0;
  private capacity = 0;
  private used = 0;

  constructor(private readonly heap: WasmHeap) {}

  /** Starts a kernel call: the copies of the previous call may be overwritten. */
  begin(): void {
    this.used = 0;
  }

  /** The pointer the kernel should use for the first `length` elements of `array`; `copyIn` false only reserves. */
  place(array: Float32Array, length: number, copyIn = true): number {
    if (this.heap.owns(array)) return array.byteOffset;
    const bytes = Math.ceil(length / 16) * 64;
    if (this.used + bytes > this.capacity) {
      // A fresh, larger arena; copies already placed in the old one this call stay where they are.
      this.capacity = Math.max(2 * this.capacity, bytes, MINIMUM_ARENA_BYTES);
      this.arena = this.heap.allocBytes(this.capacity);
      this.used = 0;
    }
    const pointer = this.arena + this.used;
    this.used += bytes;
    if (copyIn) this.heap.view(pointer, length).set(array.subarray(0, length));
    return pointer;
  }

  /** After the call: copies an output back when it was staged. */
  copyOut(array: Float32Array, pointer: number, length: number): void {
    if (!this.heap.owns(array)) array.set(this.heap.view(pointer, length));
  }
}
