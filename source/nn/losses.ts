/**
 * Losses: value and gradient side by side. `perSample` sums over features and averages over the batch
 * (the VAE's definition); otherwise the mean over every element (PyTorch's default reduction).
 */
export type LossName = 'bce' | 'mse';
export const LOSSES: readonly LossName[] = ['bce', 'mse'];

/** Keeps log() finite: predictions are clipped into [EPS, 1 − EPS] for the BCE value. */
const EPS = 1e-7;

export interface LossSpec {
  name: LossName;
  perSample: boolean;
}

function divisor({ perSample }: LossSpec, batch: number, features: number): number {
  return perSample ? batch : batch * features;
}

export function lossValue(
  spec: LossSpec,
  y: Float32Array,
  target: Float32Array,
  batch: number,
  features: number,
): number {
  const n = batch * features;
  let total = 0;
  if (spec.name === 'bce') {
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(y[i], EPS), 1 - EPS);
      total -= target[i] * Math.log(p) + (1 - target[i]) * Math.log(1 - p);
    }
  } else {
    for (let i = 0; i < n; i++) total += (y[i] - target[i]) ** 2;
  }
  return total / divisor(spec, batch, features);
}

/**
 * Writes ∂L/∂y into `grad`. With `throughSigmoid` (BCE after a sigmoid output) it writes ∂L/∂z instead,
 * which for BCE is simply (y − t): exact, and free of the 1/(y(1−y)) blow-up near 0 and 1.
 */
export function lossGradient(
  spec: LossSpec,
  y: Float32Array,
  target: Float32Array,
  grad: Float32Array,
  batch: number,
  features: number,
  throughSigmoid: boolean,
): void {
  const n = batch * features;
  const scale = 1 / divisor(spec, batch, features);
  if (spec.name === 'bce' && throughSigmoid) {
    for (let i = 0; i < n; i++) grad[i] = (y[i] - target[i]) * scale;
  } else if (spec.name === 'bce') {
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(y[i], EPS), 1 - EPS);
      grad[i] = ((p - target[i]) / (p * (1 - p))) * scale;
    }
  } else {
    for (let i = 0; i < n; i++) grad[i] = 2 * (y[i] - target[i]) * scale;
  }
}
