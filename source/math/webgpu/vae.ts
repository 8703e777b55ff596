/// <reference types="@webgpu/types" />
/**
 * The VAE's training step and evaluation as device dispatches: nn/vae.ts's layers, parameter layout and math (its
 * weights copied up once), with the parameters, the optimizer's moments and every activation in device buffers.
 * Batches are gathered on the device from images uploaded once. ε comes from the CPU's Rng, the same draws as the
 * CPU trainer's, and is copied in per step with the batch's cursor and bias corrections (copyBufferToBuffer between
 * compute passes), so a step uploads nothing of its own and one submit can hold many steps.
 */
import type { ImageSet } from '../../data/mnist.js';
import type { Dense } from '../../nn/dense.js';
import type { Vae } from '../../nn/vae.js';
import { type Dispatch, Kernels, type UpdateConstants } from './kernels.js';
import { type DeviceLayer, denseBackward, denseForward, deviceLayer, mlpBackward, mlpForward } from './layers.js';

/** A set of images on the device, as bytes four to a word, and the order its batches are gathered in. */
export interface DeviceImages {
  images: GPUBuffer;
  order: GPUBuffer;
  count: number;
}

export class DeviceVae {
  readonly kernels: Kernels;
  readonly params: GPUBuffer;
  /** Adam's (or RMSProp's) moments, read back for checkpoints. */
  readonly m: GPUBuffer;
  readonly v: GPUBuffer;
  /** Per step, copied in before its dispatches: the batch's first position in the order, ε, the corrections. */
  readonly cursor: GPUBuffer;
  readonly eps: GPUBuffer;
  readonly corrections: GPUBuffer;
  /** [reconstruction, KL] summed over the latest batch. */
  readonly stats: GPUBuffer;
  private readonly grads: GPUBuffer;
  /** The byte → pixel table: the CPU's own float for each grey level, so gathered pixels are exact. */
  private readonly levels: GPUBuffer;
  /** The update kernel's halt flag, never set: a VAE has no target to stop at. */
  private readonly halted: GPUBuffer;
  private readonly x: GPUBuffer;
  private readonly rowLosses: GPUBuffer;
  private readonly gradHidden: GPUBuffer;
  private readonly z: GPUBuffer;
  private readonly encoder: DeviceLayer[];
  private readonly mu: DeviceLayer;
  private readonly logvar: DeviceLayer;
  private readonly decoder: DeviceLayer[];
  private readonly steps = new Map<DeviceImages, Map<string, Dispatch[]>>();

  constructor(
    device: GPUDevice,
    readonly model: Vae,
    readonly maxRows: number,
    private readonly rule: UpdateConstants,
  ) {
    const kernels = new Kernels(device);
    this.kernels = kernels;
    const { store, shape } = model;
    this.params = kernels.buffer(store.size, store.values);
    [this.grads, this.m, this.v] = [kernels.buffer(store.size), kernels.buffer(store.size), kernels.buffer(store.size)];
    this.cursor = kernels.buffer(1);
    this.eps = kernels.buffer(maxRows * shape.latent);
    this.corrections = kernels.buffer(2);
    this.stats = kernels.buffer(2);
    this.levels = kernels.buffer(256, GREY_LEVELS);
    this.halted = kernels.buffer(1);
    this.x = kernels.buffer(maxRows * shape.input);
    this.rowLosses = kernels.buffer(maxRows * 2);
    this.gradHidden = kernels.buffer(maxRows * shape.hidden[shape.hidden.length - 1]);
    this.z = kernels.buffer(maxRows * shape.latent);
    this.encoder = model.encoder.layers.map((dense) => this.layer(dense));
    this.mu = this.layer(model.muHead);
    this.logvar = this.layer(model.logvarHead);
    this.decoder = model.decoder.layers.map((dense) => this.layer(dense));
  }

  /** Uploads a set's images (once) with the identity order; a training set's shuffled order is written later. */
  upload(set: ImageSet): DeviceImages {
    const order = Uint32Array.from({ length: set.count }, (_, i) => i);
    const packed = packBytes(set.images);
    return {
      images: this.kernels.buffer(packed.length, packed),
      order: this.kernels.buffer(set.count, order),
      count: set.count,
    };
  }

  /** The forward pass of `rows` images of `set` from the cursor, ending with their loss sums in `stats`. */
  evaluation(set: DeviceImages, rows: number): Dispatch[] {
    return this.cached(set, `evaluate ${rows}`, () => this.forward(set, rows));
  }

  /** One optimizer step on `rows` images of `set` from the cursor; the batch's loss sums land in `stats`. */
  training(set: DeviceImages, rows: number): Dispatch[] {
    return this.cached(set, `train ${rows}`, () => [...this.forward(set, rows), ...this.backward(rows)]);
  }

  private cached(set: DeviceImages, key: string, build: () => Dispatch[]): Dispatch[] {
    const ofSet = this.steps.get(set) ?? new Map<string, Dispatch[]>();
    this.steps.set(set, ofSet);
    const steps = ofSet.get(key) ?? build();
    ofSet.set(key, steps);
    return steps;
  }

  private layer(dense: Dense): DeviceLayer {
    return deviceLayer(this.kernels, dense, this.model.store, this.maxRows);
  }

  /** nn/vae.ts's forward: encode, sample z, decode, then the loss per image and its sums. */
  private forward(set: DeviceImages, rows: number): Dispatch[] {
    const { kernels, params, model } = this;
    const { input, latent } = model.shape;
    const top = this.encoder[this.encoder.length - 1].output;
    const y = this.decoder[this.decoder.length - 1].output;
    return [
      kernels.gatherRows([set.images, set.order, this.cursor, this.levels], this.x, rows, input),
      ...mlpForward(kernels, params, this.encoder, this.x, rows),
      ...denseForward(kernels, params, this.mu, [top, this.mu.output], rows),
      ...denseForward(kernels, params, this.logvar, [top, this.logvar.output], rows),
      kernels.reparameterise([this.mu.output, this.logvar.output, this.eps], this.z, rows * latent),
      ...mlpForward(kernels, params, this.decoder, this.z, rows),
      kernels.vaeLossRows([y, this.x, this.mu.output, this.logvar.output], this.rowLosses, rows, [input, latent]),
      kernels.sumPairs(this.rowLosses, this.stats, rows),
    ];
  }

  /** nn/vae.ts's backward and the optimizer's update: the gradient of the mean loss per image. */
  private backward(rows: number): Dispatch[] {
    const { kernels, model, mu, logvar } = this;
    const { input, latent } = model.shape;
    const buffers = [this.params, this.grads];
    const last = this.decoder[this.decoder.length - 1];
    const top = this.encoder[this.encoder.length - 1].output;
    const gradZ = this.decoder[0].gradInput;
    return [
      kernels.bceSigmoidGradient(last.output, this.x, last.gradPre, rows * input, 1 / rows),
      ...mlpBackward(kernels, buffers, this.decoder, [this.z, last.gradPre], rows, {
        gradIsPreActivation: true,
        needInputGrad: true,
      }),
      kernels.latentBackward(
        [gradZ, this.eps, mu.output, logvar.output],
        [mu.gradPre, logvar.gradPre],
        rows * latent,
        1 / rows,
      ),
      // Both heads read the top hidden layer, so its gradient is the sum of theirs.
      ...denseBackward(kernels, buffers, mu, { input: top, gradPre: mu.gradPre, gradInput: this.gradHidden }, rows),
      ...denseBackward(
        kernels,
        buffers,
        logvar,
        { input: top, gradPre: logvar.gradPre, gradInput: this.gradHidden, accumulate: true },
        rows,
      ),
      ...mlpBackward(kernels, buffers, this.encoder, [this.x, this.gradHidden], rows, {
        gradIsPreActivation: false,
        needInputGrad: false,
      }),
      kernels.update(
        [this.params, this.grads, this.m, this.v],
        [this.corrections, this.halted],
        model.store.size,
        this.rule,
      ),
    ];
  }
}

/** Pixel values as data/mnist.ts makes them from bytes (b / 255 in float32). */
const GREY_LEVELS = Float32Array.from({ length: 256 }, (_, b) => b / 255);

/** Pixels as bytes, four to a u32 word (little-endian, as GATHER_ROWS unpacks them). */
function packBytes(pixels: Float32Array): Uint32Array {
  const bytes = new Uint8Array(Math.ceil(pixels.length / 4) * 4);
  for (let i = 0; i < pixels.length; i++) {
    const level = Math.round(pixels[i] * 255);
    if (GREY_LEVELS[level] !== pixels[i]) throw new Error(`pixel ${i} (${pixels[i]}) is not one of 256 grey levels`);
    bytes[i] = level;
  }
  return new Uint32Array(bytes.buffer);
}
