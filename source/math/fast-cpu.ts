/**
 * Fast CPU kernels in plain TypeScript: the fallback wherever WebAssembly SIMD is missing.
 *
 * The matmul computes a 4×4 block of the output in sixteen local accumulators while it walks the shared
 * dimension, so each loaded element of A and B feeds four multiply-adds instead of one. Transposes only change
 * the strides, so one kernel serves all four layouts. Nothing allocates.
 */
import { activationDerivative, type Activation, type Backend, type UpdateRule } from './backend.js';

export class FastCpuBackend implements Backend {
  readonly name: string = 'cpu-js';

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
    // A(i, p) = a[i·ai + p·ap] and B(p, j) = b[p·bp + j·bj] for every layout.
    const ai = transA ? 1 : k,
      ap = transA ? m : 1;
    const bp = transB ? 1 : n,
      bj = transB ? k : 1;
    const m4 = m - (m % 4),
      n4 = n - (n % 4);
    for (let i = 0; i < m4; i += 4) {
      for (let j = 0; j < n4; j += 4) block4x4(a, b, out, i, j, n, k, ai, ap, bp, bj, accumulate);
      for (let j = n4; j < n; j++)
        for (let r = i; r < i + 4; r++) cell(a, b, out, r, j, n, k, ai, ap, bp, bj, accumulate);
    }
    for (let i = m4; i < m; i++) for (let j = 0; j < n; j++) cell(a, b, out, i, j, n, k, ai, ap, bp, bj, accumulate);
  }

  biasActivate(x: Float32Array, bias: Float32Array, rows: number, cols: number, act: Activation): void {
    for (let r = 0, base = 0; r < rows; r++, base += cols) {
      switch (act) {
        case 'identity':
          for (let c = 0; c < cols; c++) x[base + c] += bias[c];
          break;
        case 'sigmoid':
          for (let c = 0; c < cols; c++) x[base + c] = 1 / (1 + Math.exp(-(x[base + c] + bias[c])));
          break;
        case 'tanh':
          for (let c = 0; c < cols; c++) x[base + c] = Math.tanh(x[base + c] + bias[c]);
          break;
        case 'relu':
          for (let c = 0; c < cols; c++) {
            const z = x[base + c] + bias[c];
            x[base + c] = z > 0 ? z : 0;
          }
          break;
      }
    }
  }

  activationBackward(act: Activation, y: Float32Array, gradOut: Float32Array, gradIn: Float32Array, n: number): void {
    for (let i = 0; i < n; i++) gradIn[i] = gradOut[i] * activationDerivative(act, y[i]);
  }

  columnSums(x: Float32Array, rows: number, cols: number, out: Float32Array, accumulate: boolean): void {
    if (!accumulate) out.fill(0, 0, cols);
    for (let r = 0, base = 0; r < rows; r++, base += cols) {
      for (let c = 0; c < cols; c++) out[c] += x[base + c];
    }
  }

  optimizerUpdate(
    params: Float32Array,
    grads: Float32Array,
    m: Float32Array,
    v: Float32Array,
    n: number,
    rule: UpdateRule,
  ): void {
    const { lr, beta1, gain1, beta2, eps } = rule;
    const step = lr / rule.correction1,
      rootCorrection2 = Math.sqrt(rule.correction2);
    if (rule.useSecondMoment) {
      // √(v / c2) + eps = (√v + eps·√c2) / √c2, which saves a division per element.
      const epsScaled = eps * rootCorrection2;
      for (let i = 0; i < n; i++) {
        const g = grads[i];
        // The step uses the moments before m and v round them to float32, as this kernel always has.
        const mi = beta1 * m[i] + gain1 * g;
        const vi = beta2 * v[i] + (1 - beta2) * g * g;
        m[i] = mi;
        v[i] = vi;
        params[i] -= (step * rootCorrection2 * mi) / (Math.sqrt(vi) + epsScaled);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const mi = beta1 * m[i] + gain1 * grads[i];
        m[i] = mi;
        params[i] -= step * mi;
      }
    }
  }

  dispose(): void {}
}

function cell(
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  i: number,
  j: number,
  n: number,
  k: number,
  ai: number,
  ap: number,
  bp: number,
  bj: number,
  accumulate: boolean,
): void {
  let sum = 0;
  for (let p = 0, ia = i * ai, ib = j * bj; p < k; p++, ia += ap, ib += bp) sum += a[ia] * b[ib];
  out[i * n + j] = accumulate ? out[i * n + j] + sum : sum;
}

function block4x4(
  a: Float32Array,
  b: Float32Array,
  out: Float32Array,
  i: number,
  j: number,
  n: number,
  k: number,
  ai: number,
  ap: number,
  bp: number,
  bj: number,
  accumulate: boolean,
): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0,
    c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0,
    c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  let ia = i * ai,
    ib = j * bj;
  for (let p = 0; p < k; p++, ia += ap, ib += bp) {
    const a0 = a[ia],
      a1 = a[ia + ai],
      a2 = a[ia + 2 * ai],
      a3 = a[ia + 3 * ai];
    const b0 = b[ib],
      b1 = b[ib + bj],
      b2 = b[ib + 2 * bj],
      b3 = b[ib + 3 * bj];
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  store4(out, i * n + j, c00, c01, c02, c03, accumulate);
  store4(out, (i + 1) * n + j, c10, c11, c12, c13, accumulate);
  store4(out, (i + 2) * n + j, c20, c21, c22, c23, accumulate);
  store4(out, (i + 3) * n + j, c30, c31, c32, c33, accumulate);
}

function store4(
  out: Float32Array,
  at: number,
  x0: number,
  x1: number,
  x2: number,
  x3: number,
  accumulate: boolean,
): void {
  if (accumulate) {
    out[at] += x0;
    out[at + 1] += x1;
    out[at + 2] += x2;
    out[at + 3] += x3;
  } else {
    out[at] = x0;
    out[at + 1] = x1;
    out[at + 2] = x2;
    out[at + 3] = x3;
  }
}
