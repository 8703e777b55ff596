/**
 * Splits big matmuls between the calling thread and worker threads that share the WebAssembly memory.
 *
 * The Backend interface is synchronous, so the calling thread packs the operand that every share needs (once,
 * for all), posts the job to each worker through a control block in the shared memory (Atomics.notify), and
 * then works on it itself. The output is cut into several shares per thread, of whole tiles, which the threads
 * claim from an atomic counter until none is left: a worker that wakes late, or that the machine's other work
 * delays, simply takes fewer. The calling thread then sleeps until every worker has posted back (Atomics.wait).
 * The kernel sums every output element in the same order whichever share and thread it is in, so the split
 * never changes the result.
 *
 * Workers start asynchronously; until all have said they are ready, matmuls simply run on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import type { WasmHeap } from './heap.js';
import type { Kernels } from './kernels.js';

/** The control block of one worker, in Int32 slots; passed to the worker, which has no copy of its own. */
const LAYOUT = {
  sequence: 0,
  done: 1,
  state: 2,
  args: 4,
  argCount: 14,
  length: 32,
  ready: 1,
  failed: 2,
  quit: -1,
} as const;

/**
 * Below this many multiply-adds a matmul stays on the calling thread. Waking a sleeping worker costs tens of
 * microseconds; measured pinned to two cores, 128×128×128 (2M) broke even and 128×256×128 (4M) gained.
 */
export const THREADING_THRESHOLD = 1 << 22;

/**
 * How long a thread polls before it sleeps: the calling thread for a worker's answer, a worker for its next job.
 * Both usually come within it, and waking a sleeping thread costs tens of microseconds; spinning longer would
 * take a core from other work for nothing.
 */
const SPIN_MS = 0.2;
const REPLY_TIMEOUT_MS = 60_000;

/** Shares per thread: enough that a delayed thread leaves little to wait for, few enough to stay whole tiles. */
const SHARES_PER_THREAD = 4;

export class MatmulThreads {
  private readonly workers: Worker[] = [];
  private readonly controls: Int32Array[] = [];
  /** One scratch block per thread, the calling thread's first. */
  private readonly scratch: number[] = [];
  /** How many matmuls were split between threads so far (each split posts one sequence number). */
  private sequence = 0;
  private failure?: string;
  /** The next share to claim, an Int32 slot of its own in the shared memory. */
  private readonly counter: Int32Array;
  /** Where the operand every share needs is packed; grown (never moved) when a bigger matmul comes. */
  private shared = 0;
  private sharedBytes = 0;

  constructor(
    private readonly kernels: Kernels,
    module: WebAssembly.Module,
    private readonly heap: WasmHeap,
    threads: number,
    private readonly threshold = THREADING_THRESHOLD,
  ) {
    for (let t = 0; t < threads; t++) this.scratch.push(heap.allocBytes(kernels.matmulScratchBytes()));
    this.counter = heap.int32s(16); // a cache line to itself
    for (let t = 1; t < threads; t++) {
      const control = heap.int32s(LAYOUT.length);
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
        workerData: { module, memory: heap.memory, block: control.byteOffset, layout: LAYOUT, spinMs: SPIN_MS },
        // The worker is plain JavaScript: no loader (tsx) needs to start in it.
        execArgv: [],
      });
      // A worker that dies would never answer: from then on, matmuls run on the calling thread alone.
      worker.on('error', (error) => {
        this.failure = `a matmul thread failed: ${error.message}`;
      });
      worker.on('exit', () => {
        this.failure ??= 'a matmul thread exited';
      });
      worker.unref();
      this.workers.push(worker);
      this.controls.push(control);
    }
  }

  get splits(): number {
    return this.sequence;
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  /** Whether every worker has started; until then matmuls run on the calling thread alone. */
  get ready(): boolean {
    return !this.failure && this.controls.every((control) => Atomics.load(control, LAYOUT.state) === LAYOUT.ready);
  }

  /** Blocks until every worker has started or the time is up; answers whether they all did. */
  waitUntilReady(timeoutMs: number): boolean {
    const deadline = performance.now() + timeoutMs;
    for (const control of this.controls) {
      const left = deadline - performance.now();
      if (left > 0 && Atomics.load(control, LAYOUT.state) === 0) Atomics.wait(control, LAYOUT.state, 0, left);
    }
    return this.ready;
  }

  /** out = op(a)·op(b) over the whole output, split between the threads when it is big enough to pay. */
  matmul(
    a: number,
    b: number,
    out: number,
    m: number,
    n: number,
    k: number,
    transA: number,
    transB: number,
    accumulate: number,
  ): void {
    if (this.workers.length === 0 || m * n * k < this.threshold || !this.ready) {
      this.kernels.matmul(a, b, out, m, n, k, transA, transB, accumulate, 0, m, 0, n, this.scratch[0]);
      return;
    }
    // Split the longer side of the output into shares of whole tiles.
    const byRows = +(m > n);
    const length = byRows ? m : n;
    const tile = byRows ? this.kernels.matmulTileRows() : this.kernels.matmulTileColumns();
    const share = Math.ceil(Math.ceil(length / tile) / (this.threads * SHARES_PER_THREAD)) * tile;
    const shared = this.sharedSpace(this.kernels.matmulSharedBytes(m, n, k, byRows));
    this.kernels.matmulPackShared(a, b, m, n, k, transA, transB, byRows, shared);
    Atomics.store(this.counter, 0, 0);
    const sequence = ++this.sequence;
    // Every thread takes shares of the same job; only its scratch space is its own.
    const job = [
      a,
      b,
      out,
      m,
      n,
      k,
      transA,
      transB,
      accumulate,
      byRows,
      share,
      this.counter.byteOffset,
      shared,
    ] as const;
    for (let w = 0; w < this.controls.length; w++) {
      const control = this.controls[w];
      const args = [...job, this.scratch[w + 1]];
      for (let slot = 0; slot < args.length; slot++) control[LAYOUT.args + slot] = args[slot];
      Atomics.store(control, LAYOUT.sequence, sequence);
      Atomics.notify(control, LAYOUT.sequence);
    }
    this.kernels.matmulShares(...job, this.scratch[0]);
    for (const control of this.controls) this.awaitDone(control, sequence);
  }

  private sharedSpace(bytes: number): number {
    if (bytes > this.sharedBytes) {
      this.sharedBytes = bytes;
      this.shared = this.heap.allocBytes(bytes);
    }
    return this.shared;
  }

  private awaitDone(control: Int32Array, sequence: number): void {
    // Poll first: the worker usually finishes about when we do, and the calling thread has nothing else to do.
    const spinUntil = performance.now() + SPIN_MS;
    while (Atomics.load(control, LAYOUT.done) !== sequence && performance.now() < spinUntil);
    for (let done = Atomics.load(control, LAYOUT.done); done !== sequence; done = Atomics.load(control, LAYOUT.done)) {
      if (Atomics.wait(control, LAYOUT.done, done, REPLY_TIMEOUT_MS) === 'timed-out') {
        throw new Error(`a matmul thread did not answer within ${REPLY_TIMEOUT_MS / 1000} s`);
      }
    }
    if (Atomics.load(control, LAYOUT.state) === LAYOUT.failed) throw new Error('a matmul thread trapped');
  }

  /** Stops and ends the workers; they never kept the process alive (unref), and now they are gone. */
  dispose(): void {
    this.controls.forEach((control) => {
      Atomics.store(control, LAYOUT.sequence, LAYOUT.quit);
      Atomics.notify(control, LAYOUT.sequence);
    });
    for (const worker of this.workers) void worker.terminate();
    this.workers.length = 0;
    this.controls.length = 0;
  }
}
