/**
 * The gpu.js backend: the only file that imports gpu.js.
 *
 * Every kernel writes a flat 1-D output, so results come back as one Float32Array per call. gpu.js compiles a
 * kernel for fixed sizes, so kernels are built once per (operation, shape) and cached; a training run uses a
 * handful of shapes.
 */
import { createRequire } from 'node:module';
import type { GPU, IKernelRunShortcut } from 'gpu.js';
import { ACTIVATIONS, type Activation, type Backend, type UpdateRule } from './backend.js';

// Not 'webgpu': gpu.js's WebGPU mode is asynchronous and fails behind this synchronous interface;
// --backend webgpu is the device trainer's (math/webgpu/).
export const GPU_MODES = ['gpu', 'headlessgl', 'webgl', 'webgl2', 'webasm'] as const;
export type GpuMode = (typeof GPU_MODES)[number];

/**
 * gpu.js takes a fifth of a second to load (and headless-gl with it): it is loaded when a gpu.js backend is
 * first started, not with every command. It is CommonJS, so require() loads it synchronously where it is needed.
 */
function loadGpuJs(): typeof import('gpu.js') {
  return createRequire(import.meta.url)('gpu.js');
}

/** Thrown when gpu.js cannot run in the asked mode here; the message says why. */
export class GpuUnavailableError extends Error {}

export class GpuJsBackend implements Backend {
  readonly name: string;
  private readonly gpu: GPU;
  private readonly kernels = new Map<string, IKernelRunShortcut>();

  constructor(mode: GpuMode = 'gpu') {
    try {
      this.gpu = new (loadGpuJs().GPU)({ mode });
    } catch (error) {
      throw new GpuUnavailableError(`gpu.js mode "${mode}" cannot start here: ${(error as Error).message}`);
    }
    if (mode === 'gpu' && this.gpu.mode === 'cpu') {
      this.gpu.destroy();
      throw new GpuUnavailableError('gpu.js found no GPU context (headless-gl needs a display: try xvfb-run -a)');
    }
    this.name = `gpu.js:${this.gpu.mode}`;
    this.selfTest();
  }

  alloc(length: number): Float32Array {
    return new Float32Array(length);
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
    const kernel = this.kernel(
      `matmul:${m}:${n}:${k}:${+transA}:${+transB}`,
      m * n,
      { m, n, k, transA: +transA, transB: +transB },
      function (this: any, a: number[], b: number[]) {
        const { m, n, k, transA, transB } = this.constants as Record<string, number>;
        const i = Math.floor(this.thread.x / n);
        const j = this.thread.x - i * n;
        let sum = 0;
        for (let p = 0; p < k; p++) {
          let av = a[i * k + p];
          if (transA === 1) av = a[p * m + i];
          let bv = b[p * n + j];
          if (transB === 1) bv = b[j * k + p];
          sum += av * bv;
        }
        return sum;
      },
    );
    this.writeBack(kernel(a, b), out, m * n, accumulate);
  }

  biasActivate(x: Float32Array, bias: Float32Array, rows: number, cols: number, act: Activation): void {
    const kernel = this.kernel(
      `bias:${rows}:${cols}:${act}`,
      rows * cols,
      { cols, act: ACTIVATIONS.indexOf(act) },
      function (this: any, x: number[], bias: number[]) {
        const { cols, act } = this.constants as Record<string, number>;
        const c = this.thread.x - Math.floor(this.thread.x / cols) * cols;
        const z = x[this.thread.x] + bias[c];
        if (act === 1) return 1 / (1 + Math.exp(-z));
        if (act === 2) return Math.tanh(z);
        if (act === 3) return Math.max(z, 0);
        return z;
      },
    );
    this.writeBack(kernel(x, bias), x, rows * cols, false);
  }

  activationBackward(act: Activation, y: Float32Array, gradOut: Float32Array, gradIn: Float32Array, n: number): void {
    const kernel = this.kernel(
      `dact:${n}:${act}`,
      n,
      { act: ACTIVATIONS.indexOf(act) },
      function (this: any, y: number[], g: number[]) {
        const act = this.constants.act as number;
        const v = y[this.thread.x];
        let d = 1;
        if (act === 1) d = v * (1 - v);
        if (act === 2) d = 1 - v * v;
        if (act === 3) d = v > 0 ? 1 : 0;
        return g[this.thread.x] * d;
      },
    );
    this.writeBack(kernel(y, gradOut), gradIn, n, false);
  }

  columnSums(x: Float32Array, rows: number, cols: number, out: Float32Array, accumulate: boolean): void {
    const kernel = this.kernel(`colsum:${rows}:${cols}`, cols, { rows, cols }, function (this: any, x: number[]) {
      const { rows, cols } = this.constants as Record<string, number>;
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += x[r * cols + this.thread.x];
      return sum;
    });
    this.writeBack(kernel(x), out, cols, accumulate);
  }

  optimizerUpdate(
    params: Float32Array,
    grads: Float32Array,
    m: Float32Array,
    v: Float32Array,
    n: number,
    rule: UpdateRule,
  ): void {
    const firstMoment = this.kernel(
      `opt-m:${n}`,
      n,
      {},
      function (this: any, m: number[], g: number[], beta1: number, gain1: number) {
        return beta1 * m[this.thread.x] + gain1 * g[this.thread.x];
      },
    );
    const secondMoment = this.kernel(
      `opt-v:${n}`,
      n,
      {},
      function (this: any, v: number[], g: number[], beta2: number) {
        const gi = g[this.thread.x];
        return beta2 * v[this.thread.x] + (1 - beta2) * gi * gi;
      },
    );
    const step = this.kernel(
      `opt-p:${n}`,
      n,
      {},
      function (
        this: any,
        p: number[],
        m: number[],
        v: number[],
        lr: number,
        c1: number,
        c2: number,
        eps: number,
        useV: number,
      ) {
        const mHat = m[this.thread.x] / c1;
        if (useV === 1) return p[this.thread.x] - (lr * mHat) / (Math.sqrt(v[this.thread.x] / c2) + eps);
        return p[this.thread.x] - lr * mHat;
      },
    );
    this.writeBack(firstMoment(m, grads, rule.beta1, rule.gain1), m, n, false);
    if (rule.useSecondMoment) this.writeBack(secondMoment(v, grads, rule.beta2), v, n, false);
    const updated = step(params, m, v, rule.lr, rule.correction1, rule.correction2, rule.eps, +rule.useSecondMoment);
    this.writeBack(updated, params, n, false);
  }

  dispose(): void {
    this.kernels.clear();
    this.gpu.destroy();
  }

  private kernel(
    key: string,
    outputLength: number,
    constants: Record<string, number>,
    body: (...args: never[]) => number,
  ): IKernelRunShortcut {
    let kernel = this.kernels.get(key);
    if (!kernel) {
      kernel = this.gpu.createKernel(body as any, {
        // loopMaxIterations is honoured by gpu.js but missing from its typings.
        ...({ loopMaxIterations: 1 << 20 } as object),
        output: [outputLength],
        constants,
        precision: 'single',
        tactic: 'precision',
      });
      this.kernels.set(key, kernel);
    }
    return kernel;
  }

  private writeBack(result: unknown, out: Float32Array, length: number, accumulate: boolean): void {
    const values = result as Float32Array;
    if (accumulate) for (let i = 0; i < length; i++) out[i] += values[i];
    else out.set(values.subarray(0, length));
  }

  /** A context can exist and still compute garbage (no float textures): check one product before use. */
  private selfTest(): void {
    const out = new Float32Array(4);
    this.matmul(
      Float32Array.of(1, 2, 3, 4, 5, 6),
      Float32Array.of(1, 0, 0, 1, 1, 1),
      out,
      2,
      2,
      3,
      false,
      false,
      false,
    );
    if (out.join() !== '4,5,10,11') {
      this.dispose();
      throw new GpuUnavailableError(
        `gpu.js mode "${this.gpu.mode}" computes wrong results here (float textures missing?)`,
      );
    }
  }
}
