/**
 * The variational autoencoder (after PyTorch's examples/vae): an encoder MLP to a shared hidden layer, two dense
 * heads on it for mu and logvar, a sampled code z = mu + ε·σ, and a decoder MLP from z back to the pixels
 * (sigmoid). Loss per image: BCE summed over the pixels plus KL(N(mu, σ²) ‖ N(0, 1)), in nats.
 * Everything lives in one parameter store, so one optimizer step updates the whole model.
 */
import type { Activation, Backend } from '../math/backend.js';
import { Dense } from './dense.js';
import { klDivergence, klGradient, reparameterise, reparameteriseBackward } from './gaussian.js';
import { initLinearDefault } from './init.js';
import { lossGradient, lossValue, type LossSpec } from './losses.js';
import { Mlp } from './mlp.js';
import { ParameterStore } from './parameters.js';
import type { Rng } from '../random.js';

export interface VaeShape {
  /** Pixels per image. */
  input: number;
  /** Encoder hidden widths, from the input side; the decoder mirrors them. */
  hidden: number[];
  latent: number;
}

/** Sums over a batch, so that epoch means are exact whatever the batch sizes. */
export interface VaeLoss {
  reconstruction: number;
  kl: number;
}

const HIDDEN: Activation = 'relu';
const BCE_PER_SAMPLE: LossSpec = { name: 'bce', perSample: true };

interface StepBuffers {
  eps: Float32Array;
  z: Float32Array;
  gradMu: Float32Array;
  gradLogvar: Float32Array;
  gradOutput: Float32Array;
  gradHidden: Float32Array;
}

export class Vae {
  readonly store: ParameterStore;
  readonly encoder: Mlp;
  readonly muHead: Dense;
  readonly logvarHead: Dense;
  readonly decoder: Mlp;
  private readonly buffers = new Map<number, StepBuffers>();
  private last:
    | { x: Float32Array; output: Float32Array; mu: Float32Array; logvar: Float32Array; batch: number }
    | undefined;

  constructor(
    private readonly backend: Backend,
    readonly shape: VaeShape,
  ) {
    const encoderWidths = [shape.input, ...shape.hidden];
    const decoderWidths = [shape.latent, ...[...shape.hidden].reverse(), shape.input];
    const top = shape.hidden[shape.hidden.length - 1];
    this.store = new ParameterStore(backend, Vae.parameterCount(shape));
    this.encoder = new Mlp(
      backend,
      this.store,
      encoderWidths,
      shape.hidden.map(() => HIDDEN),
    );
    this.muHead = new Dense(backend, this.store, top, shape.latent, 'identity');
    this.logvarHead = new Dense(backend, this.store, top, shape.latent, 'identity');
    this.decoder = new Mlp(
      backend,
      this.store,
      decoderWidths,
      decoderWidths.slice(1).map((_, i) => (i === decoderWidths.length - 2 ? 'sigmoid' : HIDDEN)),
    );
  }

  static parameterCount({ input, hidden, latent }: VaeShape): number {
    const top = hidden[hidden.length - 1];
    return (
      Mlp.parameterCount([input, ...hidden]) +
      2 * Dense.parameterCount(top, latent) +
      Mlp.parameterCount([latent, ...[...hidden].reverse(), input])
    );
  }

  /** "784-400-2-400-784" */
  static architectureOf({ input, hidden, latent }: VaeShape): string {
    return [input, ...hidden, latent, ...[...hidden].reverse(), input].join('-');
  }

  get architecture(): string {
    return Vae.architectureOf(this.shape);
  }

  /** PyTorch's default initialisation, layer by layer from the input: with it the losses match its example's. */
  initialise(rng: Rng): void {
    for (const layer of [...this.encoder.layers, this.muHead, this.logvarHead, ...this.decoder.layers]) {
      initLinearDefault(layer.weights, layer.bias, layer.inputs, rng);
    }
  }

  /** mu and logvar of `batch` images (buffers reused by the next call with this batch size). */
  encode(x: Float32Array, batch: number): { mu: Float32Array; logvar: Float32Array } {
    const hidden = this.encoder.forward(x, batch);
    return { mu: this.muHead.forward(hidden, batch), logvar: this.logvarHead.forward(hidden, batch) };
  }

  /** Pixels of `batch` codes. */
  decode(z: Float32Array, batch: number): Float32Array {
    return this.decoder.forward(z, batch);
  }

  /** Encodes, samples z, decodes, and returns the loss summed over the batch. `backward` may follow. */
  forward(x: Float32Array, batch: number, rng: Rng): VaeLoss & { output: Float32Array } {
    const { eps, z } = this.buffersFor(batch);
    const { mu, logvar } = this.encode(x, batch);
    const n = batch * this.shape.latent;
    reparameterise(mu, logvar, eps, z, n, rng);
    const output = this.decode(z, batch);
    this.last = { x, output, mu, logvar, batch };
    return {
      reconstruction: lossValue(BCE_PER_SAMPLE, output, x, batch, this.shape.input) * batch,
      kl: klDivergence(mu, logvar, n),
      output,
    };
  }

  /** Gradients of the mean loss per image of the last forward pass, into store.grads. */
  backward(): void {
    if (!this.last) throw new Error('Vae.backward called before forward');
    const { x, output, mu, logvar, batch } = this.last;
    const { eps, gradMu, gradLogvar, gradOutput, gradHidden } = this.buffersFor(batch);
    const n = batch * this.shape.latent;
    lossGradient(BCE_PER_SAMPLE, output, x, gradOutput, batch, this.shape.input, true);
    const gradZ = this.decoder.backward(gradOutput, batch, { gradIsPreActivation: true });
    reparameteriseBackward(gradZ, eps, logvar, gradMu, gradLogvar, n);
    klGradient(mu, logvar, gradMu, gradLogvar, n, 1 / batch);
    // Both heads read the shared hidden layer, so its gradient is the sum of theirs.
    const fromMu = this.muHead.backward(gradMu, batch, { gradIsPreActivation: true });
    const fromLogvar = this.logvarHead.backward(gradLogvar, batch, { gradIsPreActivation: true });
    for (let i = 0; i < gradHidden.length; i++) gradHidden[i] = fromMu[i] + fromLogvar[i];
    this.encoder.backward(gradHidden, batch, { needInputGrad: false });
  }

  private buffersFor(batch: number): StepBuffers {
    let buffers = this.buffers.get(batch);
    if (!buffers) {
      const n = batch * this.shape.latent;
      buffers = {
        eps: this.backend.alloc(n),
        z: this.backend.alloc(n),
        gradMu: this.backend.alloc(n),
        gradLogvar: this.backend.alloc(n),
        gradOutput: this.backend.alloc(batch * this.shape.input),
        gradHidden: this.backend.alloc(batch * this.shape.hidden[this.shape.hidden.length - 1]),
      };
      this.buffers.set(batch, buffers);
    }
    return buffers;
  }
}
