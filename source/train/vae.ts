/**
 * The VAE on MNIST as a stream of events. The loop reads top to bottom: shuffle, train the epoch's minibatches
 * (an event after each, so the screen stays live and a checkpoint can be taken between any two steps),
 * evaluate on the validation images, report; after the last epoch, evaluate on the test images.
 *
 * Everything that decides the next number (weights, optimizer moments and steps, the shuffled order, the
 * position in the epoch, the Rng) is in `checkpoint()`, so a resumed run continues exactly where it stopped.
 */
import { IMAGE_PIXELS, type ImageSet } from '../data/mnist.js';
import type { Backend } from '../math/backend.js';
import { Optimizer, optimizerSettings } from '../nn/optim.js';
import type { Rng } from '../random.js';
import { Vae } from '../nn/vae.js';
import { EVAL_BATCH, type VaeCheckpoint, type VaeTrainingOptions } from '../nn/vae-checkpoint.js';
import { evaluationRng, VaeLedger } from './vae-ledger.js';
import { vaeView, type VaeView } from './vae-view.js';

export interface VaeData {
  train: ImageSet;
  validation?: ImageSet;
  test: ImageSet;
}

export interface VaeBatchEvent {
  type: 'batch';
  epoch: number;
  batch: number;
  batches: number;
  /** The mean loss per image of the epoch so far. */
  trainLoss: number;
  samplesPerSecond: number;
  secondsLeft: number;
}

export interface VaeEpochEvent {
  type: 'epoch';
  epoch: number;
  /** Mean loss per image over the epoch's minibatches (as PyTorch's example reports it), and its KL part. */
  trainLoss: number;
  trainKl: number;
  validationLoss?: number;
  samplesPerSecond: number;
  trainSeconds: number;
  secondsLeft: number;
  /** Pictures for the screen (latent codes, reconstructions, generated digits): every epoch only when asked. */
  view?: VaeView;
}

/** The last epoch with its pictures, which the summary and the export draw. */
export type PicturedEpoch = VaeEpochEvent & { view: VaeView };

export interface VaeDoneEvent {
  type: 'done';
  last: PicturedEpoch;
  testLoss: number;
}

/**
 * Which epochs carry pictures: every one for a screen that shows them, else only the last (made once, when
 * training ends): a --json or --plain run does not pay for a thousand encodings and a decode per epoch.
 */
export type VaePictures = 'every-epoch' | 'last-epoch';

export type VaeEvent = VaeBatchEvent | VaeEpochEvent | VaeDoneEvent;

/** A VAE training, on a CPU Backend (this file) or on a WebGPU device (train/vae-device.ts). */
export interface VaeTrainer {
  readonly model: Vae;
  readonly options: VaeTrainingOptions;
  /** The events: computed on the spot (the CPU), or awaited (the device's readbacks). */
  run(pictures?: VaePictures): Iterator<VaeEvent> | AsyncIterator<VaeEvent>;
  /** Everything a resumed run needs, as of the last event. */
  checkpoint(): VaeCheckpoint | Promise<VaeCheckpoint>;
  /** Lets go of what the training holds beyond the backend (a device training's buffers). */
  dispose?(): void;
}

export class VaeTraining implements VaeTrainer {
  readonly model: Vae;
  readonly optimizer: Optimizer;
  private readonly ledger: VaeLedger;
  private readonly batchX: Float32Array;
  private readonly evalX: Float32Array;
  private last: VaeEpochEvent | undefined;

  constructor(
    backend: Backend,
    private readonly data: VaeData,
    readonly options: VaeTrainingOptions,
    resume?: VaeCheckpoint,
  ) {
    this.model = new Vae(backend, options.shape);
    this.optimizer = new Optimizer(backend, this.model.store, optimizerSettings(options.optimizer, options.lr));
    this.batchX = backend.alloc(options.batch * IMAGE_PIXELS);
    this.evalX = backend.alloc(EVAL_BATCH * IMAGE_PIXELS);
    this.ledger = new VaeLedger(options, data.train.count, resume);
    if (resume) {
      this.model.store.values.set(resume.parameters);
      this.optimizer.m.set(resume.m);
      this.optimizer.v.set(resume.v);
      this.optimizer.steps = resume.steps;
    } else {
      this.model.initialise(this.ledger.rng);
    }
  }

  get batches(): number {
    return this.ledger.batches;
  }

  *run(pictures: VaePictures = 'last-epoch'): Generator<VaeEvent> {
    const { ledger } = this;
    while (ledger.training) {
      ledger.startEpoch();
      while (ledger.progress.batchIndex < ledger.batches) yield this.trainBatch();
      const event = this.endEpoch(ledger.completeEpoch());
      if (pictures === 'every-epoch') event.view = this.view();
      this.last = event;
      yield event;
    }
    // No step has run since the last epoch ended, so its pictures can still be made from the weights as they are.
    const last = this.last ?? this.endEpoch(ledger.progress.epoch);
    yield {
      type: 'done',
      last: { ...last, view: last.view ?? this.view() },
      testLoss: this.evaluate(this.data.test, evaluationRng(this.options.seed, -1)),
    };
  }

  checkpoint(): VaeCheckpoint {
    const { model, optimizer } = this;
    return {
      ...this.ledger.snapshot(),
      parameters: model.store.values.slice(),
      m: optimizer.m.slice(),
      v: optimizer.v.slice(),
      steps: optimizer.steps,
    };
  }

  /** Mean loss per image over a set, z sampled as in training (PyTorch's example does the same). */
  evaluate(set: ImageSet, rng: Rng): number {
    let total = 0;
    for (let start = 0; start < set.count; start += EVAL_BATCH) {
      const rows = Math.min(EVAL_BATCH, set.count - start);
      this.evalX.set(set.images.subarray(start * IMAGE_PIXELS, (start + rows) * IMAGE_PIXELS));
      const loss = this.model.forward(this.evalX.subarray(0, rows * IMAGE_PIXELS), rows, rng);
      total += loss.reconstruction + loss.kl;
    }
    return total / set.count;
  }

  private trainBatch(): VaeBatchEvent {
    const { ledger } = this;
    const started = performance.now();
    const { first, rows } = ledger.batchAt();
    const x = this.batchX.subarray(0, rows * IMAGE_PIXELS);
    for (let r = 0; r < rows; r++) {
      const from = ledger.order[first + r] * IMAGE_PIXELS;
      x.set(this.data.train.images.subarray(from, from + IMAGE_PIXELS), r * IMAGE_PIXELS);
    }
    const loss = this.model.forward(x, rows, ledger.rng);
    // A loss that is not finite takes no step: batchTrained ends the run with it.
    if (Number.isFinite(loss.reconstruction + loss.kl)) {
      this.model.backward();
      this.optimizer.step();
    }
    return ledger.batchTrained(loss, rows, performance.now() - started);
  }

  /** The event of the epoch just completed (validation samples with a generator salted by its number). */
  private endEpoch(epoch: number): VaeEpochEvent {
    const { validation } = this.data;
    return this.ledger.epochEvent(validation && this.evaluate(validation, evaluationRng(this.options.seed, epoch)));
  }

  private view(): VaeView {
    return vaeView(this.model, this.data.validation ?? this.data.test, this.options.seed, this.evalX);
  }
}
