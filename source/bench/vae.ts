/**
 * VAE training speed per backend: samples per second of PyTorch's example network (784-400-20, batch 128)
 * on real MNIST batches, the median over training steps after a warm-up; and the process's peak memory
 * with the whole dataset loaded. The dataset is loaded once for all the backends, and the backends take turns
 * step by step (in a rotating order), so that on a shared machine a burst of other work hits them alike.
 */
import { loadDataset, splitDataset, type Splits } from '../data/mnist.js';
import type { Backend } from '../math/backend.js';
import { median } from '../math/median.js';
import { startBackends } from '../math/select.js';
import { VaeTraining } from '../train/vae.js';

export interface VaeTiming {
  backend: string;
  architecture: string;
  batch: number;
  samplesPerSecond: number;
  steps: number;
}

export interface VaeBenchReport {
  backends: Array<{ name: string; available: boolean; reason?: string; timing?: VaeTiming }>;
  /** Peak resident memory of the whole process, dataset included. */
  peakMemoryMB: number;
}

export interface VaeBenchOptions {
  hidden?: number[];
  latent?: number;
  batch?: number;
  /** Timed steps per backend (after the warm-up); the figure is their median. */
  steps?: number;
}

const WARM_UP = 3;

/** The CPU backends the VAE trains on; the others are slower here by far, or start nowhere. */
export const VAE_BENCH_BACKENDS = ['cpu-js', 'wasm-simd', 'wasm-simd-2t', 'wasm-simd-fma', 'wasm-simd-fma-2t'];

export function benchVae(
  names = VAE_BENCH_BACKENDS,
  options: VaeBenchOptions = {},
  onBackend?: (name: string) => void,
): VaeBenchReport {
  const { batch = 128, steps = 20 } = options;
  const splits = splitDataset(loadDataset('mnist'), 10_000, batch * (WARM_UP + steps));
  const started = startBackends(names);
  const running = started.filter((s) => s.backend).map((s) => s.backend!);
  running.forEach((backend) => onBackend?.(backend.name));
  try {
    const timings = timeVaeStepsSideBySide(running, splits, { ...options, batch, steps });
    const backends = started.map(({ name, backend, reason }) =>
      backend
        ? { name, available: true, timing: timings[running.indexOf(backend)] }
        : { name, available: false, reason },
    );
    return { backends, peakMemoryMB: process.resourceUsage().maxRSS / 1024 };
  } finally {
    for (const backend of running) backend.dispose();
  }
}

/** One minibatch after another (forward, backward, Adam step), each timed. */
export function timeVaeSteps(backend: Backend, splits: Splits, options: VaeBenchOptions = {}): VaeTiming {
  return timeVaeStepsSideBySide([backend], splits, options)[0];
}

/** The same training on every backend, one step each in turn; each backend's steps are timed alone. */
function timeVaeStepsSideBySide(backends: Backend[], splits: Splits, options: VaeBenchOptions): VaeTiming[] {
  const { batch = 128, steps = 20 } = options;
  const trainings = startVaeTrainings(backends, splits, options);
  const times = backends.map(() => [] as number[]);
  try {
    for (let step = 0; step < WARM_UP + steps; step++) {
      for (let turn = 0; turn < backends.length; turn++) {
        const i = (step + turn) % backends.length;
        const ms = trainings.stepMs(i);
        if (step >= WARM_UP) times[i].push(ms);
      }
    }
  } finally {
    trainings.close();
  }
  return backends.map((backend, i) => ({
    backend: backend.name,
    architecture: trainings.architecture,
    batch,
    samplesPerSecond: (batch * 1000) / median(times[i]),
    steps,
  }));
}

/** VAE trainings, one per backend, that step when asked: a caller can put other work between their steps. */
export interface VaeTrainings {
  architecture: string;
  /** Runs backend i's next training step (forward, backward, Adam step) and answers its milliseconds. */
  stepMs(i: number): number;
  close(): void;
}

export function startVaeTrainings(
  backends: Backend[],
  splits: Splits,
  { hidden = [400], latent = 20, batch = 128 }: VaeBenchOptions,
): VaeTrainings {
  const trainings = backends.map(
    (backend) =>
      new VaeTraining(backend, splits, {
        shape: { input: 784, hidden, latent },
        optimizer: 'adam',
        lr: 1e-3,
        epochs: 1,
        batch,
        seed: 1,
      }),
  );
  const events = trainings.map((training) => training.run());
  return {
    architecture: trainings[0]?.model.architecture ?? '',
    stepMs(i) {
      const start = performance.now();
      events[i].next();
      return performance.now() - start;
    },
    close: () => events.forEach((stream) => stream.return(undefined)),
  };
}
