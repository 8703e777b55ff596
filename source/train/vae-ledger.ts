/**
 * What a VAE training keeps besides the math, whatever computes it (train/vae.ts on a CPU Backend,
 * train/vae-device.ts on a WebGPU device): the Rng and the shuffled order, where the run stands, the epoch's loss
 * sums, and the events and checkpoints made of them. Both trainers draw from the Rng in the same order, so a seed
 * gives the same shuffles and the same ε on either, and a checkpoint of one resumes on the other.
 */
import { DivergedError } from '../errors.js';
import type { VaeCheckpoint, VaeProgress, VaeTrainingOptions } from '../nn/vae-checkpoint.js';
import type { VaeLoss } from '../nn/vae.js';
import { Rng } from '../random.js';
import type { VaeBatchEvent, VaeEpochEvent } from './vae.js';

/** The weights and the optimizer's state, which the trainer holds. */
export type VaeWeights = Pick<VaeCheckpoint, 'parameters' | 'm' | 'v' | 'steps'>;

/** Evaluation samples z with its own generator, so that it never moves the training's. */
export function evaluationRng(seed: number, salt: number): Rng {
  return new Rng((Math.imul(seed + 1, 0x9e3779b1) + salt) >>> 0);
}

export class VaeLedger {
  readonly progress: VaeProgress;
  readonly order: Uint32Array;
  readonly rng: Rng;

  constructor(
    readonly options: VaeTrainingOptions,
    private readonly trainCount: number,
    resume?: VaeCheckpoint,
  ) {
    if (resume) {
      this.order = resume.order.slice();
      this.progress = { ...resume.progress };
      this.rng = Rng.fromState(resume.progress.rng);
    } else {
      this.rng = new Rng(options.seed);
      this.order = Uint32Array.from({ length: trainCount }, (_, i) => i);
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
    return Math.ceil(this.trainCount / this.options.batch);
  }

  /** Whether epochs are left to train. */
  get training(): boolean {
    return this.progress.epoch < this.options.epochs;
  }

  /** A fresh shuffle at an epoch's first batch; true when it shuffled. */
  startEpoch(): boolean {
    if (this.progress.batchIndex !== 0) return false;
    this.rng.shuffle(this.order);
    return true;
  }

  /** Batch `index` of the epoch (the next one by default): its first position in the order and its rows. */
  batchAt(index = this.progress.batchIndex): { first: number; rows: number } {
    const first = index * this.options.batch;
    return { first, rows: Math.min(this.options.batch, this.trainCount - first) };
  }

  /** Books a trained batch and returns its event; a loss that is not finite ends the run. */
  batchTrained(loss: VaeLoss, rows: number, ms: number): VaeBatchEvent {
    const p = this.progress;
    const total = loss.reconstruction + loss.kl;
    if (!Number.isFinite(total)) {
      throw new DivergedError(
        `the loss became ${total} in epoch ${p.epoch + 1}: lower the learning rate (now ${this.options.lr})`,
      );
    }
    p.lossSum += total;
    p.klSum += loss.kl;
    p.samples += rows;
    p.samplesTrained += rows;
    p.trainMs += ms;
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

  /** Counts the epoch as done; returns its number. */
  completeEpoch(): number {
    return ++this.progress.epoch;
  }

  /** The epoch's event from its sums, which start afresh. */
  epochEvent(validationLoss: number | undefined): VaeEpochEvent {
    const p = this.progress;
    const trainLoss = p.samples > 0 ? p.lossSum / p.samples : Number.NaN;
    const trainKl = p.samples > 0 ? p.klSum / p.samples : Number.NaN;
    Object.assign(p, { batchIndex: 0, lossSum: 0, klSum: 0, samples: 0 });
    return {
      type: 'epoch',
      epoch: p.epoch,
      trainLoss,
      trainKl,
      validationLoss,
      trainSeconds: p.trainMs / 1000,
      ...this.pace(),
    };
  }

  /** A checkpoint's part that is not weights: a copy of where the run stands now. */
  snapshot(): Omit<VaeCheckpoint, keyof VaeWeights> {
    return { options: this.options, progress: { ...this.progress, rng: this.rng.state() }, order: this.order.slice() };
  }

  private pace(): { samplesPerSecond: number; secondsLeft: number } {
    const p = this.progress;
    const samplesPerSecond = p.trainMs > 0 ? (p.samplesTrained * 1000) / p.trainMs : 0;
    const left = (this.options.epochs - p.epoch) * this.trainCount - p.samples;
    return { samplesPerSecond, secondsLeft: samplesPerSecond > 0 ? Math.max(0, left) / samplesPerSecond : Number.NaN };
  }
}
