/**
 * The plain, obviously correct backend: every other backend is tested against this one.
 * It favours clarity over speed (accumulates in float64, indexes through helpers).
 */
import { activate, activationDerivative, type Activation, type Backend, type UpdateRule } from './backend.js';

export class ReferenceBackend implements Backend {
  readonly name = 'reference';

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
    const aAt = (i: number, p: number) => (transA ? a[p * m + i] : a[i * k + p]);
    const bAt = (p: number, j: number) => (transB ? b[j * k + p] : b[p * n + j]);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = accumulate ? out[i * n + j] : 0;
        for (let p = 0; p < k; p++) sum += aAt(i, p) * bAt(p, j);
        out[i * n + j] = sum;
      }
    }
  }

  biasActivate(x: Float32Array, bias: Float32Array, rows: number, cols: number, act: Activation): void {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) x[r * cols + c] = activate(act, x[r * cols + c] + bias[c]);
    }
  }

  activationBackward(act: Activation, y: Float32Array, gradOut: Float32Array, gradIn: Float32Array, n: number): void {
    for (let i = 0; i < n; i++) gradIn[i] = gradOut[i] * activationDerivative(act, y[i]);
  }

  columnSums(x: Float32Array, rows: number, cols: number, out: Float32Array, accumulate: boolean): void {
    for (let c = 0; c < cols; c++) {
      let sum = accumulate ? out[c] : 0;
      for (let r = 0; r < rows; r++) sum += x[r * cols + c];
      out[c] = sum;
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
    for (let i = 0; i < n; i++) {
      const g = grads[i];
      m[i] = rule.beta1 * m[i] + rule.gain1 * g;
      if (rule.useSecondMoment) {
        v[i] = rule.beta2 * v[i] + (1 - rule.beta2) * g * g;
        params[i] -= (rule.lr * (m[i] / rule.correction1)) / (Math.sqrt(v[i] / rule.correction2) + rule.eps);
      } else {
        params[i] -= (rule.lr * m[i]) / rule.correction1;
      }
    }
  }

  dispose(): void {}
}
