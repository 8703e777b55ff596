/// <reference types="@webgpu/types" />
/**
 * The VAE trained on a WebGPU device (math/webgpu/vae.ts): train/vae.ts's loop, with `batchesPerSubmit` batches
 * recorded into one command buffer and one readback of their loss sums. The parameters and the optimizer's
 * moments stay on the device; they come back only for the screen's pictures (once an epoch, when a screen shows
 * them), checkpoints and the end. The Rng, the shuffles and ε are the CPU trainer's (train/vae-ledger.ts), so the
 * two trainers follow each other to float32 rounding, and their checkpoints resume on either.
 */
import { IMAGE_PIXELS } from '../data/mnist.js';
import type { Backend } from '../math/backend.js';
import type { Dispatch } from '../math/webgpu/kernels.js';
import { type DeviceImages, DeviceVae } from '../math/webgpu/vae.js';
import { correctionPairs, optimizerSettings, type OptimizerSettings } from '../nn/optim.js';
import { Vae } from '../nn/vae.js';
import { EVAL_BATCH, type VaeCheckpoint, type VaeTrainingOptions } from '../nn/vae-checkpoint.js';
import type { Rng } from '../random.js';
import type { VaeBatchEvent, VaeData, VaeEpochEvent, VaeEvent, VaePictures, VaeTrainer } from './vae.js';
import { evaluationRng, VaeLedger } from './vae-ledger.js';
import { vaeView } from './vae-view.js';

/** Batches per submit by default: a readback per 32 steps costs little, and the screen still moves. */
export const BATCHES_PER_SUBMIT = 32;

/** Steps of one submit: the images each reads (a cursor into the order) and the ε each draws, in order. */
interface Steps {
  rows: number[];
  cursors: Uint32Array;
  eps: Float32Array;
}

export class DeviceVaeTraining implements VaeTrainer {
  /** The model on the CPU: its weights are brought up to date for pictures, checkpoints and the end. */
  readonly model: Vae;
  private readonly net: DeviceVae;
  private readonly settings: OptimizerSettings;
  private readonly ledger: VaeLedger;
  private readonly sets: { train: DeviceImages; validation?: DeviceImages; test: DeviceImages };
  private readonly evalX: Float32Array;
  private steps: number;
  private last: VaeEpochEvent | undefined;
  /** The submit in flight, if any: a checkpoint waits for it, so that the weights and the progress agree. */
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    device: GPUDevice,
    mirror: Backend,
    private readonly data: VaeData,
    readonly options: VaeTrainingOptions,
    resume?: VaeCheckpoint,
    private readonly batchesPerSubmit = BATCHES_PER_SUBMIT,
  ) {
    this.model = new Vae(mirror, options.shape);
    this.ledger = new VaeLedger(options, data.train.count, resume);
    if (resume) this.model.store.values.set(resume.parameters);
    else this.model.initialise(this.ledger.rng);
    this.settings = optimizerSettings(options.optimizer, options.lr);
    this.net = new DeviceVae(device, this.model, Math.max(options.batch, EVAL_BATCH), this.settings);
    if (resume) {
      device.queue.writeBuffer(this.net.m, 0, resume.m);
      device.queue.writeBuffer(this.net.v, 0, resume.v);
    }
    this.steps = resume?.steps ?? 0;
    this.sets = {
      train: this.net.upload(data.train),
      validation: data.validation && this.net.upload(data.validation),
      test: this.net.upload(data.test),
    };
    this.evalX = mirror.alloc(EVAL_BATCH * IMAGE_PIXELS);
  }

  get batches(): number {
    return this.ledger.batches;
  }

  async *run(pictures: VaePictures = 'last-epoch'): AsyncGenerator<VaeEvent> {
    const { ledger } = this;
    this.writeOrder(); // a resumed run continues its epoch in the checkpoint's order
    while (ledger.training) {
      if (ledger.startEpoch()) this.writeOrder();
      while (ledger.progress.batchIndex < ledger.batches) yield await this.track(this.trainSubmit());
      const event = await this.track(this.endEpoch(ledger.completeEpoch()));
      if (pictures === 'every-epoch') event.view = await this.view();
      this.last = event;
      yield event;
    }
    const last = this.last ?? (await this.endEpoch(ledger.progress.epoch));
    yield {
      type: 'done',
      last: { ...last, view: last.view ?? (await this.view()) },
      testLoss: await this.evaluate(this.sets.test, evaluationRng(this.options.seed, -1)),
    };
  }

  /**
   * The weights and moments read back once no submit is in flight (a batch's or an epoch's end), with the
   * progress they belong to: `s` on the screen asks for one at any moment.
   */
  async checkpoint(): Promise<VaeCheckpoint> {
    for (let waited: Promise<unknown> | undefined; waited !== this.inFlight; ) {
      waited = this.inFlight;
      await waited;
    }
    const { net } = this;
    const size = this.model.store.size;
    // Taken together, with nothing in between: the copies are queued before any later submit.
    const reading = net.kernels.read([
      [net.params, 0, size],
      [net.m, 0, size],
      [net.v, 0, size],
    ]);
    const taken = { ...this.ledger.snapshot(), steps: this.steps };
    const [parameters, m, v] = await reading;
    this.model.store.values.set(parameters);
    return { ...taken, parameters, m, v };
  }

  /** Mean loss per image over a set, z sampled as in training, as train/vae.ts's evaluate. */
  private async evaluate(set: DeviceImages, rng: Rng): Promise<number> {
    const starts = Array.from({ length: Math.ceil(set.count / EVAL_BATCH) }, (_, b) => b * EVAL_BATCH);
    const rows = starts.map((start) => Math.min(EVAL_BATCH, set.count - start));
    const sums = await this.submit({ rows, cursors: Uint32Array.from(starts), eps: this.draw(set.count, rng) }, (n) =>
      this.net.evaluation(set, n),
    );
    let total = 0;
    for (const value of sums) total += value;
    return total / set.count;
  }

  /** Frees the device's buffers of this training (the device stays open). */
  dispose(): void {
    this.net.kernels.release();
  }

  /** Marks `work` as in flight until it settles. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight = work.catch(() => {});
    return work;
  }

  /** Up to batchesPerSubmit batches of the epoch in one submit; the event of the last. */
  private async trainSubmit(): Promise<VaeBatchEvent> {
    const { ledger } = this;
    const started = performance.now();
    const first = ledger.progress.batchIndex;
    const count = Math.min(this.batchesPerSubmit, ledger.batches - first);
    const batches = Array.from({ length: count }, (_, k) => ledger.batchAt(first + k));
    const rows = batches.map((b) => b.rows);
    const images = rows.reduce((sum, r) => sum + r, 0);
    const eps = this.draw(images, ledger.rng);
    const corrections = correctionPairs(this.settings, this.steps + 1, this.steps + count);
    const steps = { rows, cursors: Uint32Array.from(batches, (b) => b.first), eps };
    const sums = await this.submit(steps, (n) => this.net.training(this.sets.train, n), corrections);
    this.steps += count;
    const ms = (performance.now() - started) / count;
    let event: VaeBatchEvent | undefined;
    for (let k = 0; k < count; k++) {
      event = ledger.batchTrained({ reconstruction: sums[2 * k], kl: sums[2 * k + 1] }, rows[k], ms);
    }
    return event!;
  }

  /**
   * Records the steps into one command buffer, each after copying in its cursor, its ε and (training) its bias
   * corrections, and each followed by a copy of its loss sums; submits, and reads the sums back.
   */
  private async submit(steps: Steps, dispatches: (rows: number) => Dispatch[], corrections?: Float32Array) {
    const { net } = this;
    const { kernels } = net;
    const latent = this.options.shape.latent;
    const cursors = kernels.scratch('cursors', steps.cursors.length, steps.cursors);
    const eps = kernels.scratch('eps', steps.eps.length, steps.eps);
    const pairs = corrections && kernels.scratch('corrections', corrections.length, corrections);
    const sums = kernels.scratch('sums', steps.rows.length * 2);
    const encoder = kernels.device.createCommandEncoder();
    let drawn = 0;
    steps.rows.forEach((rows, k) => {
      encoder.copyBufferToBuffer(cursors, k * 4, net.cursor, 0, 4);
      encoder.copyBufferToBuffer(eps, drawn * 4, net.eps, 0, rows * latent * 4);
      if (pairs) encoder.copyBufferToBuffer(pairs, k * 8, net.corrections, 0, 8);
      kernels.record(encoder, dispatches(rows));
      encoder.copyBufferToBuffer(net.stats, 0, sums, k * 8, 8);
      drawn += rows * latent;
    });
    const [read] = await kernels.read([[sums, 0, steps.rows.length * 2]], encoder);
    return read;
  }

  /** ε for `rows` images, drawn as the CPU trainer draws it (nn/gaussian.ts's reparameterise). */
  private draw(rows: number, rng: Rng): Float32Array {
    const eps = new Float32Array(rows * this.options.shape.latent);
    for (let i = 0; i < eps.length; i++) eps[i] = rng.normal();
    return eps;
  }

  private writeOrder(): void {
    this.net.kernels.device.queue.writeBuffer(this.sets.train.order, 0, this.ledger.order);
  }

  /** The event of the epoch just completed (validation samples with a generator salted by its number). */
  private async endEpoch(epoch: number): Promise<VaeEpochEvent> {
    const { validation } = this.sets;
    const validationLoss = validation && (await this.evaluate(validation, evaluationRng(this.options.seed, epoch)));
    return this.ledger.epochEvent(validationLoss);
  }

  /** The pictures, from the weights read back into the model on the CPU. */
  private async view() {
    const [parameters] = await this.net.kernels.read([[this.net.params, 0, this.model.store.size]]);
    this.model.store.values.set(parameters);
    return vaeView(this.model, this.data.validation ?? this.data.test, this.options.seed, this.evalX);
  }
}
