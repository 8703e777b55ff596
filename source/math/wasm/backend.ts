/**
 * The WebAssembly SIMD backend: kernels from assembly/, memory shared with worker threads for big matmuls.
 * `alloc` hands out views into the WebAssembly memory, so the kernels work in place; arrays from elsewhere are
 * copied in and out (staging.ts), which keeps the interface safe at the price of the copies.
 */
import type { Activation, Backend, UpdateRule } from '../backend.js';
import { sharedMemory, WasmHeap } from './heap.js';
import { instantiate, type KernelBuild, kernelModule, type Kernels } from './kernels.js';
import { Staging } from './staging.js';
import { MatmulThreads } from './threads.js';

/** The kernels' activation codes (assembly/activation.ts). */
const ACTIVATION_CODES: Record<Activation, number> = { identity: 0, sigmoid: 1, tanh: 2, relu: 3 };

/** wasm-simd, wasm-simd-2t, wasm-simd-fma, wasm-simd-fma-2t: the build and the threads, so `--json` says which ran. */
export function wasmBackendName(threads: number, build: KernelBuild): string {
  return `wasm-simd${build === 'fma' ? '-fma' : ''}${threads > 1 ? `-${threads}t` : ''}`;
}

export class WasmBackend implements Backend {
  readonly name: string;
  private readonly kernels: Kernels;
  private readonly heap: WasmHeap;
  private readonly staging: Staging;
  private readonly threads: MatmulThreads;

  /**
   * Throws when the kernels are not built or the engine lacks SIMD (or shared memory, or relaxed SIMD for the
   * `fma` build). Matmuls of fewer than `splitThreshold` multiply-adds stay on the calling thread (the benchmark
   * varies it to find the crossover).
   */
  constructor(threads = 1, build: KernelBuild = 'simd', splitThreshold?: number) {
    const module = kernelModule(build);
    const memory = sharedMemory();
    this.kernels = instantiate(module, memory);
    this.heap = new WasmHeap(memory, this.kernels.heapBase());
    this.staging = new Staging(this.heap);
    this.threads = new MatmulThreads(this.kernels, module, this.heap, threads, splitThreshold);
    this.name = wasmBackendName(threads, build);
  }

  /** Blocks until the worker threads have started (they start in the background); answers whether they did. */
  waitForThreads(timeoutMs = 10_000): boolean {
    return this.threads.waitUntilReady(timeoutMs);
  }

  /** How many matmuls ran split between threads: the benchmark and the tests show that threads really worked. */
  get splitMatmuls(): number {
    return this.threads.splits;
  }

  alloc(length: number): Float32Array {
    return this.heap.floats(length);
  }

  matmul(
    a: Float32Array,
    b: Float32Array,
    out: Float32Array,
    m: number,
    n: number,
    k: number,
    transA: boolean,
    transB: boolean,
    accumulate: boolean,
  ): void {
    this.staging.begin();
    const pa = this.staging.place(a, m * k),
      pb = this.staging.place(b, k * n),
      pout = this.staging.place(out, m * n, accumulate);
    this.threads.matmul(pa, pb, pout, m, n, k, +transA, +transB, +accumulate);
    this.staging.copyOut(out, pout, m * n);
  }

  biasActivate(x: Float32Array, bias: Float32Array, rows: number, cols: number, act: Activation): void {
    this.staging.begin();
    const px = this.staging.place(x, rows * cols),
      pbias = this.staging.place(bias, cols);
    this.kernels.biasActivate(px, pbias, rows, cols, ACTIVATION_CODES[act]);
    this.staging.copyOut(x, px, rows * cols);
  }

  activationBackward(act: Activation, y: Float32Array, gradOut: Float32Array, gradIn: Float32Array, n: number): void {
    this.staging.begin();
    const py = this.staging.place(y, n),
      pgo = this.staging.place(gradOut, n),
      pgi = this.staging.place(gradIn, n, false);
    this.kernels.activationBackward(ACTIVATION_CODES[act], py, pgo, pgi, n);
    this.staging.copyOut(gradIn, pgi, n);
  }

  columnSums(x: Float32Array, rows: number, cols: number, out: Float32Array, accumulate: boolean): void {
    this.staging.begin();
    const px = this.staging.place(x, rows * cols),
      pout = this.staging.place(out, cols, accumulate);
    this.kernels.columnSums(px, rows, cols, pout, +accumulate);
    this.staging.copyOut(out, pout, cols);
  }

  optimizerUpdate(
    params: Float32Array,
    grads: Float32Array,
    m: Float32Array,
    v: Float32Array,
    n: number,
    rule: UpdateRule,
  ): void {
    this.staging.begin();
    const pp = this.staging.place(params, n),
      pg = this.staging.place(grads, n);
    const pm = this.staging.place(m, n),
      pv = this.staging.place(v, n, rule.useSecondMoment);
    this.kernels.optimizerUpdate(
      pp,
      pg,
      pm,
      pv,
      n,
      rule.lr / rule.correction1,
      rule.beta1,
      rule.gain1,
      rule.beta2,
      rule.eps,
      1 / rule.correction2,
      +rule.useSecondMoment,
    );
    this.staging.copyOut(params, pp, n);
    this.staging.copyOut(m, pm, n);
    if (rule.useSecondMoment) this.staging.copyOut(v, pv, n);
  }

  dispose(): void {
    this.threads.dispose();
  }
}
