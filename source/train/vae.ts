/**
 * The VAE on MNIST as a stream of events. The loop reads top to bottom: shuffle, train the epoch's minibatches
 * (an event after each, so the screen stays live and a checkpoint can be taken between any two steps),
 * evaluate on the validation images, report; after the last epoch, evaluate on the test images.
 *
 * Everything that decides the next number (weights, optimizer moments and steps, the shuffled order, the
 * position in the epoch, the Rng) is in `checkpoint()`, so a resumed run continues exactly where it stopped.
 */
import { IMAGE_PIXELS, type ImageSet } from '../data/mnist.js';
import { DivergedError } from '../errors.js';
import type { Backend } from '../math/backend.js';
import { Optimizer, optimizerSettings } from '../nn/optim.js';
import { Rng } from '../random.js';
import { Vae } from '../nn/vae.js';
import { EVAL_BATCH, type VaeCheckpoint, type VaeProgress, type VaeTrainingOptions } from '../nn/vae-checkpoint.js';
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

/** Evaluation samples z with its own generator, so that it never moves the training's. */
function evaluationRng(seed: number, salt: number): Rng {
  return new Rng((Math.imul(seed + 1, 0x9e3779b1) + salt) >>> 0);
}

export class VaeTraining {
  readonly model: Vae;
  readonly optimizer: Optimizer;
  private readonly order: Uint32Array;
  private readonly progress: VaeProgress;
  private rng: Rng;
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
    if (resume) {
      this.model.store.values.set(resume.parameters);
      this.optimizer.m.set(resume.m);
      this.optimizer.v.set(resume.v);
      this.optimizer.steps = resume.steps;
      this.order = resume.order.slice();
      this.progress = { ...resume.progress };
      this.rng = Rng.fromState(resume.progress.rng);
    } else {
      this.rng = new Rng(options.seed);
      this.model.initialise(this.rng);
      this.order = Uint32Array.from({ length: data.train.count }, (_, i) => i);
      this.progress = {
        epoch: 0,
        batchIndex: 0,
        lossSum: 0,
        klSum: 0,
        samples: 0,
        rng: [],
        trainMs: 0,
        samplesTrained: 0,
      };
    }
  }

  get batches(): number {
    return Math.ceil(this.data.train.count / this.options.batch);
  }

  *run(pictures: VaePictures = 'last-epoch'): Generator<VaeEvent> {
    const p = this.progress;
    while (p.epoch < this.options.epochs) {
      if (p.batchIndex === 0) this.rng.shuffle(this.order);
      while (p.batchIndex < this.batches) yield this.trainBatch();
      p.epoch++;
      const event = this.endEpoch();
      if (pictures === 'every-epoch') event.view = this.view();
      this.last = event;
      yield event;
    }
    // No step has run since the last epoch ended, so its pictures can still be made from the weights as they are.
    const last = this.last ?? this.endEpoch();
    yield {
      type: 'done',
      last: { ...last, view: last.view ?? this.view() },
      testLoss: this.evaluate(this.data.test, evaluationRng(this.options.seed, -1)),
    };
  }

  checkpoint(): VaeCheckpoint {
    return {
      options: this.options,
      progress: { ...this.progress, rng: this.rng.state() },
      parameters: this.model.store.values.slice(),
      m: this.optimizer.m.slice(),
      v: this.optimizer.v.slice(),
      steps: this.optimizer.steps,
      order: this.order.slice(),
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
    const p = this.progress,
      { batch } = this.options,
      { train } = this.data;
    const started = performance.now();
    const first = p.batchIndex * batch;
    const rows = Math.min(batch, train.count - first);
    const x = this.batchX.subarray(0, rows * IMAGE_PIXELS);
    for (let r = 0; r < rows; r++) {
      const from = this.order[first + r] * IMAGE_PIXELS;
      x.set(train.images.subarray(from, from + IMAGE_PIXELS), r * IMAGE_PIXELS);
    }
    const loss = this.model.forward(x, rows, this.rng);
    if (!Number.isFinite(loss.reconstruction + loss.kl)) {
      throw new DivergedError(
        `the loss became ${loss.reconstruction + loss.kl} in epoch ${p.epoch + 1}:` +
          ` lower the learning rate (now ${this.options.lr})`,
      );
    }
    this.model.backward();
    this.optimizer.step();
    p.lossSum += loss.reconstruction + loss.kl;
    p.klSum += loss.kl;
    p.samples += rows;
    p.samplesTrained += rows;
    p.trainMs += performance.now() - started;
    p.batchIndex++;
    return {
      type: 'batch',
      epoch: p.epoch + 1,
      batch: p.batchIndex,
      batches: this.batches,
      trainLoss: p.lossSum / p.samples,
      ...this.pace(),
    };
  }

  private endEpoch(): VaeEpochEvent {
    const p = this.progress;
    const { validation } = this.data;
    const trainLoss = p.samples > 0 ? p.lossSum / p.samples : Number.NaN;
    const trainKl = p.samples > 0 ? p.klSum / p.samples : Number.NaN;
    Object.assign(p, { batchIndex: 0, lossSum: 0, klSum: 0, samples: 0 });
    return {
      type: 'epoch',
      epoch: p.epoch,
      trainLoss,
      trainKl,
      validationLoss: validation && this.evaluate(validation, evaluationRng(this.options.seed, p.epoch)),
      trainSeconds: p.trainMs / 1000,
      ...this.pace(),
    };
  }

  private view(): VaeView {
    return vaeView(this.model, this.data.validation ?? this.data.test, this.options.seed, this.evalX);
  }

  private pace(): { samplesPerSecond: number; secondsLeft: number } {
    const p = this.progress;
    const samplesPerSecond = p.trainMs > 0 ? (p.samplesTrained * 1000) / p.trainMs : 0;
    const left = (this.options.epochs - p.epoch) * this.data.train.count - p.samples;
    return { samplesPerSecond, secondsLeft: samplesPerSecond > 0 ? Math.max(0, left) / samplesPerSecond : Number.NaN };
  }
}
