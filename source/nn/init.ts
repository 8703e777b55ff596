/**
 * Weight initialisation: Xavier (Glorot) uniform for saturating activations, He normal for ReLU, and PyTorch's
 * nn.Linear default where results must match PyTorch's.
 */
import type { Activation } from '../math/backend.js';
import type { Rng } from '../random.js';

export function initWeights(
  weights: Float32Array,
  inputs: number,
  outputs: number,
  activation: Activation,
  rng: Rng,
): void {
  if (activation === 'relu') {
    const std = Math.sqrt(2 / inputs);
    for (let i = 0; i < weights.length; i++) weights[i] = rng.normal() * std;
  } else {
    const limit = Math.sqrt(6 / (inputs + outputs));
    for (let i = 0; i < weights.length; i++) weights[i] = rng.uniform(-limit, limit);
  }
}

/**
 * PyTorch's default for nn.Linear: weights and biases uniform in ±1/√inputs. The VAE uses it so that its
 * training matches PyTorch's examples/vae, whose losses are the quality target.
 */
export function initLinearDefault(weights: Float32Array, bias: Float32Array, inputs: number, rng: Rng): void {
  const bound = 1 / Math.sqrt(inputs);
  for (let i = 0; i < weights.length; i++) weights[i] = rng.uniform(-bound, bound);
  for (let i = 0; i < bias.length; i++) bias[i] = rng.uniform(-bound, bound);
}
