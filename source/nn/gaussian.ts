/**
 * The VAE's Gaussian latent: the reparameterisation trick and the KL term, each with its gradient beside it.
 * The encoder gives mu and logvar = log σ² per latent unit; z = mu + ε·σ with ε ~ N(0, 1) drawn outside the
 * network, so the gradient flows through mu and logvar.
 */
import type { Rng } from '../random.js';

/** Draws ε into `eps` and writes z = mu + ε·exp(logvar / 2). */
export function reparameterise(
  mu: Float32Array,
  logvar: Float32Array,
  eps: Float32Array,
  z: Float32Array,
  n: number,
  rng: Rng,
): void {
  for (let i = 0; i < n; i++) {
    eps[i] = rng.normal();
    z[i] = mu[i] + eps[i] * Math.exp(0.5 * logvar[i]);
  }
}

/** From ∂L/∂z: ∂L/∂mu = ∂L/∂z and ∂L/∂logvar = ∂L/∂z · ε · σ / 2 (written, not accumulated). */
export function reparameteriseBackward(
  gradZ: Float32Array,
  eps: Float32Array,
  logvar: Float32Array,
  gradMu: Float32Array,
  gradLogvar: Float32Array,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    gradMu[i] = gradZ[i];
    gradLogvar[i] = gradZ[i] * eps[i] * 0.5 * Math.exp(0.5 * logvar[i]);
  }
}

/** KL(N(mu, σ²) ‖ N(0, 1)) summed over all n units: −½ Σ (1 + logvar − mu² − exp(logvar)). */
export function klDivergence(mu: Float32Array, logvar: Float32Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += 1 + logvar[i] - mu[i] * mu[i] - Math.exp(logvar[i]);
  return -0.5 * total;
}

/** Adds scale · ∂KL/∂mu = scale · mu and scale · ∂KL/∂logvar = scale · (exp(logvar) − 1) / 2. */
export function klGradient(
  mu: Float32Array,
  logvar: Float32Array,
  gradMu: Float32Array,
  gradLogvar: Float32Array,
  n: number,
  scale: number,
): void {
  for (let i = 0; i < n; i++) {
    gradMu[i] += scale * mu[i];
    gradLogvar[i] += scale * 0.5 * (Math.exp(logvar[i]) - 1);
  }
}
