/** The VAE's result object (docs/CONTRACTS.md: the vae result fields), one per trained optimizer. */
import type { DatasetName } from '../data/mnist.js';
import type { VaeDoneEvent, VaeTrainer } from './vae.js';

export interface VaeResult {
  experiment: 'vae';
  dataset: DatasetName;
  optimizer: string;
  latent: number;
  architecture: string;
  epochs: number;
  trainLoss: number;
  /** Absent with --validation 0. */
  validationLoss?: number;
  testLoss: number;
  samplesPerSecond: number;
  trainSeconds: number;
  backend: string;
  backendReason: string;
  seed: number;
}

export function vaeResult(
  training: VaeTrainer,
  done: VaeDoneEvent,
  run: { dataset: DatasetName; backend: string; backendReason: string },
): VaeResult {
  const { last } = done;
  return {
    experiment: 'vae',
    dataset: run.dataset,
    optimizer: training.options.optimizer,
    latent: training.options.shape.latent,
    architecture: training.model.architecture,
    epochs: last.epoch,
    trainLoss: last.trainLoss,
    validationLoss: last.validationLoss,
    testLoss: done.testLoss,
    samplesPerSecond: last.samplesPerSecond,
    trainSeconds: last.trainSeconds,
    backend: run.backend,
    backendReason: run.backendReason,
    seed: training.options.seed,
  };
}
