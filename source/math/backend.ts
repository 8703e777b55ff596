/**
 * The compute interface every backend implements. Matrices are row-major Float32Arrays whose shapes travel
 * beside them; nothing here allocates except `alloc`, so a training step runs without garbage.
 *
 * Buffers that kernels touch on every step (weights, gradients, activations) are made with `alloc`, so that a
 * backend with memory of its own (WebAssembly) can hand out views into it and skip copies.
 */

export type Activation = 'identity' | 'sigmoid' | 'tanh' | 'relu';
export const ACTIVATIONS: readonly Activation[] = ['identity', 'sigmoid', 'tanh', 'relu'];

/**
 * One optimizer update, general enough for SGD, momentum, RMSProp and Adam (see nn/optim.ts):
 *   m = beta1·m + gain1·g
 *   v = beta2·v + (1 − beta2)·g²                       (only when useSecondMoment)
 *   p −= lr · (m / correction1) / (√(v / correction2) + eps)   or   p −= lr · m / correction1
 */
export interface UpdateRule {
  lr: number;
  /** Decay of the first moment (0: none, so m is the gradient itself). */
  beta1: number;
  /** Weight of the new gradient in the first moment: 1 − beta1 for Adam, 1 for heavy-ball momentum. */
  gain1: number;
  /** Decay of the second moment; used when useSecondMoment. */
  beta2: number;
  eps: number;
  correction1: number;
  correction2: number;
  useSecondMoment: boolean;
}

export interface Backend {
  /** Short name shown to the user: "reference", "cpu", "gpu.js:headlessgl" … */
  readonly name: string;

  /** A zeroed buffer the kernels can work on without copying. */
  alloc(length: number): Float32Array;

  /**
   * out (m×n) = op(a) · op(b), plus the old out when `accumulate`.
   * op(a) is m×k: a is stored m×k, or k×m when transA. op(b) is k×n: b is stored k×n, or n×k when transB.
   */
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
  ): void;

  /** x[r][c] = act(x[r][c] + bias[c]), in place: the dense layer's forward tail, fused. */
  biasActivate(x: Float32Array, bias: Float32Array, rows: number, cols: number, act: Activation): void;

  /** gradIn[i] = gradOut[i] · act′ at the output y[i] (each derivative is written in terms of the output). */
  activationBackward(act: Activation, y: Float32Array, gradOut: Float32Array, gradIn: Float32Array, n: number): void;

  /** out[c] = Σ_r x[r][c], plus the old out when `accumulate`. */
  columnSums(x: Float32Array, rows: number, cols: number, out: Float32Array, accumulate: boolean): void;

  /** One update of every parameter at once: params, grads, m and v are flat buffers of length n. */
  optimizerUpdate(
    params: Float32Array,
    grads: Float32Array,
    m: Float32Array,
    v: Float32Array,
    n: number,
    rule: UpdateRule,
  ): void;

  /** Releases threads or GPU contexts; the backend is unusable afterwards. */
  dispose(): void;
}

/** The activation's derivative at output y. Shared by every CPU implementation. */
export function activationDerivative(act: Activation, y: number): number {
  switch (act) {
    case 'identity':
      return 1;
    case 'sigmoid':
      return y * (1 - y);
    case 'tanh':
      return 1 - y * y;
    case 'relu':
      return y > 0 ? 1 : 0;
  }
}

export function activate(act: Activation, z: number): number {
  switch (act) {
    case 'identity':
      return z;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
  }
}
