/**
 * The autoencoder: an encoder MLP from the input down to the latent code and a decoder that mirrors it.
 * Both share one parameter store, so one optimizer step updates the whole model.
 */
import type { Activation, Backend } from '../math/backend.js';
import { Mlp } from './mlp.js';
import { ParameterStore } from './parameters.js';
import type { Rng } from '../random.js';

export interface AutoencoderShape {
  /** Encoder widths from the input down to the latent size, e.g. [35, 30, 2]; the decoder mirrors them. */
  layers: number[];
  /** Activation of the hidden layers. */
  activation: Activation;
  /** Activation of the latent layer (identity lets codes spread freely). */
  latentActivation: Activation;
  /** Activation of the reconstruction (sigmoid: pixels in [0, 1]). */
  outputActivation: Activation;
}

export class Autoencoder {
  readonly store: ParameterStore;
  readonly encoder: Mlp;
  readonly decoder: Mlp;

  constructor(
    backend: Backend,
    readonly shape: AutoencoderShape,
  ) {
    const encoderWidths = shape.layers;
    const decoderWidths = [...shape.layers].reverse();
    this.store = new ParameterStore(backend, Mlp.parameterCount(encoderWidths) + Mlp.parameterCount(decoderWidths));
    this.encoder = new Mlp(
      backend,
      this.store,
      encoderWidths,
      activationsFor(encoderWidths, shape.activation, shape.latentActivation),
    );
    this.decoder = new Mlp(
      backend,
      this.store,
      decoderWidths,
      activationsFor(decoderWidths, shape.activation, shape.outputActivation),
    );
  }

  get inputSize(): number {
    return this.shape.layers[0];
  }

  get latentSize(): number {
    return this.shape.layers[this.shape.layers.length - 1];
  }

  initialise(rng: Rng): void {
    this.encoder.initialise(rng);
    this.decoder.initialise(rng);
  }

  /** The latent codes of `batch` inputs (a buffer reused by the next call). */
  encode(x: Float32Array, batch: number): Float32Array {
    return this.encoder.forward(x, batch);
  }

  decode(z: Float32Array, batch: number): Float32Array {
    return this.decoder.forward(z, batch);
  }

  /** Reconstructions of `batch` inputs. */
  forward(x: Float32Array, batch: number): Float32Array {
    return this.decode(this.encode(x, batch), batch);
  }

  /** Backpropagates from the reconstruction (∂L/∂z of the output layer when `gradIsPreActivation`). */
  backward(grad: Float32Array, batch: number, gradIsPreActivation: boolean): void {
    const gradLatent = this.decoder.backward(grad, batch, { gradIsPreActivation });
    this.encoder.backward(gradLatent, batch, { needInputGrad: false });
  }
}

function activationsFor(widths: number[], hidden: Activation, last: Activation): Activation[] {
  return widths.slice(1).map((_, i) => (i === widths.length - 2 ? last : hidden));
}
