/// <reference types="@webgpu/types" />
/**
 * An autoencoder's training step as device dispatches: the same layers, parameter layout and math as
 * nn/autoencoder.ts (its weights are copied up once), with the parameters, the optimizer's moments and every
 * activation kept in device buffers. A step is two compute passes: the full-batch forward pass with its score
 * (mean BCE and most wrong pixels), then BCE's gradient through the sigmoid, the backward pass and the update.
 *
 * The evaluation reads the clean `data` and is scored against it. A denoising step (`denoising`) trains on a noisy
 * copy against the clean data: its training pass runs its own forward pass from `noisy`, which the trainer fills
 * before each step, so the evaluation, and the outputs read back, stay on the clean data.
 */
import type { Autoencoder } from '../../nn/autoencoder.js';
import { type Dispatch, Kernels, type UpdateConstants } from './kernels.js';
import { type DeviceLayer, deviceLayer, mlpBackward, mlpForward } from './layers.js';

export class DeviceAutoencoder {
  readonly kernels: Kernels;
  /** The clean data: what the evaluation reads, and what the outputs are scored and trained against. */
  readonly data: GPUBuffer;
  /** A denoising step's input: the noisy copy the trainer writes before the step. */
  readonly noisy: GPUBuffer | undefined;
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
    this.data = kernels.buffer(data.length, data);
    this.noisy = denoising ? kernels.buffer(data.length) : undefined;
    this.params = kernels.buffer(store.size, store.values);
    const grads = kernels.buffer(store.size);
    this.stats = kernels.buffer(2);
    this.corrections = kernels.buffer(2);
    this.halted = kernels.buffer(1);
    this.layers = [...model.encoder.layers, ...model.decoder.layers].map((dense) =>
      deviceLayer(kernels, dense, store, count),
    );
    const last = this.layers[this.layers.length - 1];
    const features = model.inputSize;
    this.forward = [
      ...mlpForward(kernels, this.params, this.layers, this.data, count),
      kernels.score([last.output, this.data], [this.stats, this.halted], count, features, target),
    ];
    const trainInput = this.noisy ?? this.data;
    const moments = [kernels.buffer(store.size), kernels.buffer(store.size)];
    this.train = [
      // A plain step trains on the evaluation's outputs; a denoising step on the noisy copy's (no score: the halt
      // and the reported numbers belong to the clean evaluation).
      ...(this.noisy ? mlpForward(kernels, this.params, this.layers, this.noisy, count) : []),
      kernels.bceSigmoidGradient(last.output, this.data, last.gradPre, count * features),
      ...mlpBackward(kernels, [this.params, grads], this.layers, [trainInput, last.gradPre], count, {
        gradIsPreActivation: true,
        needInputGrad: false,
      }),
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
}
