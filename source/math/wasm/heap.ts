/**
 * The shared WebAssembly memory of one backend and a bump allocator over it (the Backend interface never frees).
 *
 * Views stay valid forever: the memory is shared, and a shared memory never moves or detaches when it grows;
 * growing only gives `memory.buffer` a new, longer SharedArrayBuffer, while the old ones keep their length.
 * So every buffer object the memory has handed out is remembered, to recognise the caller's arrays as ours.
 */
import { MAXIMUM_PAGES } from './kernels.js';

const PAGE_BYTES = 65536;
/** Cache-line alignment: vector loads never straddle lines, and threads never share one. */
const ALIGN = 64;

/** A fresh memory for a heap: shared, so that worker threads can work on it and views survive growth. */
export function sharedMemory(): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: 16, maximum: MAXIMUM_PAGES, shared: true });
}

export class WasmHeap {
  private readonly buffers: Set<ArrayBufferLike>;
  private top: number;

  /** Allocates above `base`, where the module's own static data ends. */
  constructor(
    readonly memory: WebAssembly.Memory,
    base: number,
  ) {
    this.buffers = new Set([memory.buffer]);
    this.top = align(base);
  }

  /** A zeroed block of `bytes`, as a byte offset into the memory (never reused, so still zero). */
  allocBytes(bytes: number): number {
    const start = this.top;
    const end = start + align(bytes);
    const pages = this.memory.buffer.byteLength / PAGE_BYTES;
    if (end > pages * PAGE_BYTES) {
      const needed = Math.ceil(end / PAGE_BYTES) - pages;
      if (pages + needed > MAXIMUM_PAGES) throw new RangeError(`WebAssembly memory exhausted: ${end} bytes wanted`);
      // Grow by at least half again, so that many small allocations do not grow it page by page.
      this.memory.grow(Math.min(MAXIMUM_PAGES - pages, Math.max(needed, Math.ceil(pages / 2))));
      this.buffers.add(this.memory.buffer);
    }
    this.top = end;
    return start;
  }

  floats(length: number): Float32Array {
    return this.view(this.allocBytes(length * 4), length);
  }

  view(pointer: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, pointer, length);
  }

  int32s(length: number): Int32Array {
    return new Int32Array(this.memory.buffer, this.allocBytes(length * 4), length);
  }

  /** Whether the array lives in this memory, so kernels may use it in place. */
  owns(array: Float32Array): boolean {
    return this.buffers.has(array.buffer);
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}
