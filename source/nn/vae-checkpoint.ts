/**
 * What a VAE run saves and resumes from: its settings, where it stands, and the weights and optimizer state.
 * The model file (vae-file.ts) stores it and the trainer (train/vae.ts) makes and continues it, so it lives
 * here, below both.
 */
import type { OptimizerName } from './optim.js';
import type { VaeShape } from './vae.js';

export interface VaeTrainingOptions {
  shape: VaeShape;
  optimizer: OptimizerName;
  lr: number;
  /** Total epochs: a resumed run continues up to this many. */
  epochs: number;
  batch: number;
  seed: number;
}

/** Where a run stands; with the weights and the optimizer, all a checkpoint needs. */
export interface VaeProgress {
  /** Epochs completed. */
  epoch: number;
  /** Minibatches done in the current epoch. */
  batchIndex: number;
  /** The current epoch's loss sums so far (nats) and the images they cover. */
  lossSum: number;
  klSum: number;
  samples: number;
  rng: number[];
  /** Milliseconds spent training (evaluation excluded), for samples per second. */
  trainMs: number;
  samplesTrained: number;
}

export interface VaeCheckpoint {
  options: VaeTrainingOptions;
  progress: VaeProgress;
  parameters: Float32Array;
  m: Float32Array;
  v: Float32Array;
  steps: number;
  /** The training images' shuffled order (the current epoch's). */
  order: Uint32Array;
}

/** Images per evaluation pass: large enough to be efficient, small enough to keep the buffers small. */
export const EVAL_BATCH = 1000;
