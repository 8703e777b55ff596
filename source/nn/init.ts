/** Weight initialisation: Xavier (Glorot) uniform for saturating activations, He normal for ReLU. */
import type { Activation } from '../math/backend.js';
import type { Rng } from './random.js';

export function initWeights(weights: Float32Array, inputs: number, outputs: number, activation: Activation, rng: Rng): void {
  if (activation === 'relu') {
    const std = Math.sqrt(2 / inputs);
    for (let i = 0; i < weights.length; i++) weights[i] = rng.normal() * std;
  } else {
    const limit = Math.sqrt(6 / (inputs + outputs));
    for (let i = 0; i < weights.length; i++) weights[i] = rng.uniform(-limit, limit);
  }
}
