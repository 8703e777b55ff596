/// <reference types="@webgpu/types" />
/**
 * An autoencoder's training step as device dispatches: the same layers, parameter layout and math as
 * nn/autoencoder.ts (its weights are copied up once), with the parameters, the optimizer's moments and every
 * activation kept in device buffers. A step is two compute passes: the full-batch forward pass with its score
 * (mean BCE and most wrong pixels), then BCE's gradient through the sigmoid, the backward pass and the update.
 *
 * The network reads `input` and is scored against `target`, both the clean data at first. A denoising step
 * (`denoising`) trains on a noisy input against the clean target, so its training pass runs its own forward pass:
 * the trainer copies the noisy batch into `input` before it and the clean one back after it, so that the
 * evaluation's forward pass, and the outputs read back, stay on the clean data.
 */
import type { Autoencoder } from '../../nn/autoencoder.js';
import type { Dense } from '../../nn/dense.js';
import { type Dispatch, Kernels, type UpdateConstants } from './kernels.js';

/** One layer's buffers on the device and where its weights and bias sit in the flat parameter buffer. */
interface DeviceLayer {
  dense: Dense;
  input: GPUBuffer;
  output: GPUBuffer;
  gradPre: GPUBuffer;
  gradInput: GPUBuffer;
  weightsAt: number;
  biasAt: number;
}

export class DeviceAutoencoder {
  readonly kernels: Kernels;
  /** What the first layer reads: the clean data, or a noisy copy while a denoising step trains. */
  readonly input: GPUBuffer;
  /** What the outputs are scored and trained against: the clean data. */
  readonly target: GPUBuffer;
  readonly params: GPUBuffer;
  /** [mean BCE, most wrong pixels] of the latest forward pass. */
  readonly stats: GPUBuffer;
  /** [correction1, correction2] of the coming update (the trainer copies each step's pair here). */
  readonly corrections: GPUBuffer;
  /** Set by the scoring kernel once the target is reached: later updates in the same submit do nothing. */
  readonly halted: GPUBuffer;
  readonly forward: Dispatch[];
  readonly train: Dispatch[];
  private readonly layers: DeviceLayer[];

  constructor(
    device: GPUDevice,
    readonly model: Autoencoder,
    data: Float32Array,
    readonly count: number,
    target: number,
    rule: UpdateConstants,
    denoising = false,
  ) {
    const kernels = new Kernels(device);
    this.kernels = kernels;
    const { store } = model;
    this.input = kernels.buffer(data.length, data);
    this.target = kernels.buffer(data.length, data);
    this.params = kernels.buffer(store.size, store.values);
    const grads = kernels.buffer(store.size);
    this.stats = kernels.buffer(2);
    this.corrections = kernels.buffer(2);
    this.halted = kernels.buffer(1);
    this.layers = this.deviceLayers();
    const last = this.layers[this.layers.length - 1];
    const features = model.inputSize;
    const pass = this.layers.flatMap((layer) => this.layerForward(layer));
    this.forward = [
      ...pass,
      kernels.score([last.output, this.target], [this.stats, this.halted], count, features, target),
    ];
    const moments = [kernels.buffer(store.size), kernels.buffer(store.size)];
    this.train = [
      // A plain step trains on the evaluation's outputs; a denoising step on the noisy input's (no score: the
      // halt and the reported numbers belong to the clean evaluation).
      ...(denoising ? pass : []),
      kernels.bceSigmoidGradient(last.output, this.target, last.gradPre, count * features),
      ...this.layers.flatMap((layer, i) => this.layerBackward(layer, i, grads)).reverse(),
      kernels.update([this.params, grads, ...moments], [this.corrections, this.halted], store.size, rule),
    ];
  }

  /** The encoder's output: the latent codes. */
  get latent(): GPUBuffer {
    return this.layers[this.model.encoder.layers.length - 1].output;
  }

  /** The decoder's output: the reconstructions. */
  get outputs(): GPUBuffer {
    return this.layers[this.layers.length - 1].output;
  }

  private deviceLayers(): DeviceLayer[] {
    const { kernels, count } = this;
    const base = this.model.store.values.byteOffset;
    const layers: DeviceLayer[] = [];
    let input = this.input;
    for (const dense of [...this.model.encoder.layers, ...this.model.decoder.layers]) {
      const output = kernels.buffer(count * dense.outputs);
      layers.push({
        dense,
        input,
        output,
        gradPre: kernels.buffer(count * dense.outputs),
        gradInput: kernels.buffer(count * dense.inputs),
        // Where nn/parameters.ts put this layer's views into the flat buffer.
        weightsAt: (dense.weights.byteOffset - base) / 4,
        biasAt: (dense.bias.byteOffset - base) / 4,
      });
      input = output;
    }
    return layers;
  }

  private layerForward({ dense, input, output, weightsAt, biasAt }: DeviceLayer): Dispatch[] {
    const { kernels, count } = this;
    return [
      kernels.matmul([input, this.params, output], [count, dense.outputs, dense.inputs], {}, [0, weightsAt, 0]),
      kernels.biasActivate(output, this.params, count, dense.outputs, dense.activation, biasAt),
    ];
  }

  /**
   * nn/dense.ts's backward of layer i, in reverse order (the caller reverses the whole list): the last layer's
   * gradient is already ∂L/∂z (BCE through the sigmoid); the first layer's input is data, so it needs no gradient.
   */
  private layerBackward(layer: DeviceLayer, i: number, grads: GPUBuffer): Dispatch[] {
    const { kernels, count } = this;
    const { dense, input, output, gradPre, gradInput, weightsAt, biasAt } = layer;
    const { inputs, outputs } = dense;
    const steps: Dispatch[] = [];
    const next = this.layers[i + 1];
    if (next)
      steps.push(kernels.activationBackward(dense.activation, output, next.gradInput, gradPre, count * outputs));
    steps.push(
      kernels.matmul([input, gradPre, grads], [inputs, outputs, count], { transA: true }, [0, 0, weightsAt]),
      kernels.columnSums(gradPre, count, outputs, grads, false, biasAt),
    );
    if (i > 0) {
      steps.push(
        kernels.matmul([gradPre, this.params, gradInput], [count, inputs, outputs], { transB: true }, [
          0,
          weightsAt,
          0,
        ]),
      );
    }
    return steps.reverse();
  }
}
