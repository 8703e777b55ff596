/**
 * VAE training speed on one backend: samples per second of PyTorch's example network (784-400-20, batch 128)
 * on real MNIST batches, the median over training steps after a warm-up; and the process's peak memory
 * with the whole dataset loaded.
 */
import { loadDataset, splitDataset } from '../data/mnist.js';
import type { Backend } from '../math/backend.js';
import { median } from '../math/median.js';
import { VaeTraining } from '../train/vae.js';

export interface VaeTiming {
  backend: string;
  architecture: string;
  batch: number;
  samplesPerSecond: number;
  steps: number;
  /** Peak resident memory of the whole process, dataset included. */
  peakMemoryMB: number;
}

const WARM_UP = 3;

export function timeVaeSteps(backend: Backend, { hidden = [400], latent = 20, batch = 128, steps = 30 } = {}): VaeTiming {
  const splits = splitDataset(loadDataset('mnist'), 10_000, batch * (WARM_UP + steps));
  const training = new VaeTraining(backend, splits, { shape: { input: 784, hidden, latent }, optimizer: 'adam', lr: 1e-3, epochs: 1, batch, seed: 1 });
  const events = training.run();
  const times: number[] = [];
  for (let step = 0; step < WARM_UP + steps; step++) {
    const start = performance.now();
    events.next(); // one minibatch: forward, backward, Adam step
    if (step >= WARM_UP) times.push(performance.now() - start);
  }
  events.return(undefined);
  return {
    backend: backend.name,
    architecture: training.model.architecture,
    batch,
    samplesPerSecond: (batch * 1000) / median(times),
    steps,
    peakMemoryMB: process.resourceUsage().maxRSS / 1024,
  };
}
