/** A stack of dense layers: widths [35, 60, 2] make two layers. */
import type { Activation, Backend } from '../math/backend.js';
import { Dense } from './dense.js';
import { initWeights } from './init.js';
import type { ParameterStore } from './parameters.js';
import type { Rng } from '../random.js';

export class Mlp {
  readonly layers: Dense[];

  /** `activations[i]` is the activation of layer i (widths.length − 1 layers). */
  constructor(
    backend: Backend,
    store: ParameterStore,
    readonly widths: number[],
    activations: Activation[],
  ) {
    this.layers = activations.map((act, i) => new Dense(backend, store, widths[i], widths[i + 1], act));
  }

  static parameterCount(widths: number[]): number {
    let count = 0;
    for (let i = 0; i + 1 < widths.length; i++) count += Dense.parameterCount(widths[i], widths[i + 1]);
    return count;
  }

  initialise(rng: Rng): void {
    for (const layer of this.layers) {
      initWeights(layer.weights, layer.inputs, layer.outputs, layer.activation, rng);
      layer.bias.fill(0);
    }
  }

  forward(x: Float32Array, batch: number): Float32Array {
    let y = x;
    for (const layer of this.layers) y = layer.forward(y, batch);
    return y;
  }

  /** Backpropagates ∂L/∂output (∂L/∂z of the last layer when `gradIsPreActivation`); returns ∂L/∂input. */
  backward(
    grad: Float32Array,
    batch: number,
    { gradIsPreActivation = false, needInputGrad = true } = {},
  ): Float32Array {
    let g = grad;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const last = i === this.layers.length - 1;
      g = this.layers[i].backward(g, batch, {
        gradIsPreActivation: last && gradIsPreActivation,
        needInputGrad: i > 0 || needInputGrad,
      });
    }
    return g;
  }
}
