/**
 * PyTorch on the CPU against our kernels, side by side in one run (issue 14's targets): the VAE 784-400-20 at
 * batch 128 in samples/s (target: at least 0.8x PyTorch on 2 intra-op threads) and the 128x784x512 matmul in
 * GFLOP/s (target: at least 60 on one thread). PyTorch runs in bench/pytorch-vae.py, a server that takes turns
 * with our backends round by round, in a rotating order, so that the load of a shared machine hits all alike;
 * every figure is a median, the first round a warm-up. A benchmark, not a test: the targets are printed beside
 * the numbers. Where no python3 imports torch (CI does not install it: it is large), it says so and exits 0.
 *
 *   npm run bench:pytorch                    (Debian: apt-get install python3-torch libopenblas0-pthread)
 *   PYTHON=/usr/bin/python3 npx tsx bench/pytorch.ts --rounds 9
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_SHAPES, matmulSampler } from '../source/bench/kernels.js';
import { startVaeTrainings } from '../source/bench/vae.js';
import { loadDataset, mnistDir, splitDataset } from '../source/data/mnist.js';
import type { Backend } from '../source/math/backend.js';
import { median } from '../source/math/median.js';
import { startBackends } from '../source/math/select.js';
import { WasmBackend } from '../source/math/wasm/backend.js';
import { PythonServer } from './python-server.js';

const OURS = ['wasm-simd-fma-2t', 'wasm-simd-fma', 'wasm-simd-2t', 'wasm-simd'];
const BATCH = 128;
const VAE_STEPS_PER_ROUND = 5;
const MATMUL_SAMPLE_MS = 20;
const MATMUL = MODEL_SHAPES.find((s) => s.m === 128 && s.n === 512 && s.k === 784 && !s.transA && !s.transB)!;
const VAE_TARGET = 0.8;
const MATMUL_TARGET_GFLOPS = 60;

/** One side of the comparison: each call times one round's worth and answers milliseconds (per step or matmul). */
interface Contestant {
  label: string;
  round: () => Promise<number[]> | number[];
}

/** Every contestant once per round, starting with a different one each round; the medians of rounds 2.. */
async function alternate(contestants: Contestant[], rounds: number): Promise<number[]> {
  const times = contestants.map(() => [] as number[]);
  for (let r = 0; r <= rounds; r++) {
    for (let turn = 0; turn < contestants.length; turn++) {
      const i = (r + turn) % contestants.length;
      const ms = await contestants[i].round();
      if (r > 0) times[i].push(...ms);
    }
  }
  return times.map(median);
}

async function findTorch(imagesFile: string): Promise<PythonServer | string[]> {
  const pythons = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3'];
  const reasons: string[] = [];
  for (const python of pythons) {
    const server = await PythonServer.start(python, imagesFile);
    if (typeof server !== 'string') return server;
    reasons.push(server);
  }
  return reasons;
}

function row(label: string, value: string, note = ''): string {
  return `  ${label.padEnd(34)} ${value.padStart(8)}  ${note}`.trimEnd();
}

async function compareVae(torch: PythonServer, backends: Backend[], rounds: number): Promise<void> {
  // Enough training images that no epoch ends (and validates) within the timed steps, warm-up round included.
  const splits = splitDataset(loadDataset('mnist'), 10_000, BATCH * ((rounds + 1) * VAE_STEPS_PER_ROUND + 1));
  const trainings = startVaeTrainings(backends, splits, { batch: BATCH });
  const ours = backends.map((backend, i) => ({
    label: backend.name,
    round: () => Array.from({ length: VAE_STEPS_PER_ROUND }, () => trainings.stepMs(i)),
  }));
  const pytorch = [2, 1].map((threads) => ({
    label: `PyTorch, ${threads} intra-op thread${threads > 1 ? 's' : ''}`,
    round: async () => (await torch.ask<{ ms: number[] }>(`vae ${threads} ${VAE_STEPS_PER_ROUND}`)).ms,
  }));
  const medians = await alternate([...pytorch, ...ours], rounds);
  trainings.close();
  const rate = medians.map((ms) => (BATCH * 1000) / ms);
  const steps = rounds * VAE_STEPS_PER_ROUND;
  console.log(`VAE ${trainings.architecture}, batch ${BATCH}, Adam: samples/s, median of ${steps} steps each`);
  pytorch.forEach((p, i) => console.log(row(p.label, format(rate[i]))));
  ours.forEach((o, i) => {
    const ratio = rate[i + pytorch.length] / rate[0];
    console.log(row(o.label, format(rate[i + pytorch.length]), `${ratio.toFixed(2)}x PyTorch (2 threads)`));
  });
  console.log(`  target: at least ${VAE_TARGET}x PyTorch on 2 intra-op threads`);
}

async function compareMatmul(torch: PythonServer, backends: Backend[], rounds: number): Promise<void> {
  const pytorch = [1, 2].map((threads) => ({
    label: `PyTorch torch.mm, ${threads} BLAS thread${threads > 1 ? 's' : ''}`,
    round: async () => [(await torch.ask<{ ms: number }>(`matmul ${threads} ${MATMUL_SAMPLE_MS}`)).ms],
  }));
  const ours = backends.map((backend) => {
    const sample = matmulSampler(backend, MATMUL);
    return { label: backend.name, round: () => [sample(MATMUL_SAMPLE_MS)] };
  });
  const medians = await alternate([...pytorch, ...ours], rounds);
  const gflops = medians.map((ms) => (2 * MATMUL.m * MATMUL.n * MATMUL.k) / ms / 1e6);
  console.log(`matmul ${MATMUL.m}x${MATMUL.k}x${MATMUL.n}: GFLOP/s, median of ${rounds} rounds`);
  [...pytorch, ...ours].forEach((c, i) => console.log(row(c.label, gflops[i].toFixed(1))));
  console.log(`  target: at least ${MATMUL_TARGET_GFLOPS} GFLOP/s on one thread`);
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
  const rounds = Number(values.rounds);
  const torch = await findTorch(path.join(mnistDir(), 'train-images-idx3-ubyte'));
  if (Array.isArray(torch)) {
    console.log(`PyTorch comparison skipped: no python3 here imports torch (${torch.join('; ')})`);
    return;
  }
  const started = startBackends(OURS);
  const backends = started.flatMap((s) => (s.backend ? [s.backend] : []));
  for (const backend of backends) if (backend instanceof WasmBackend) backend.waitForThreads();
  started.filter((s) => !s.backend).forEach((s) => console.log(`${s.name} did not start: ${s.reason}`));
  console.log(`PyTorch ${torch.info.torch} (${torch.python}), BLAS: ${torch.info.blas.join(', ')}`);
  try {
    await compareVae(torch, backends, rounds);
    await compareMatmul(torch, backends, rounds);
  } finally {
    torch.close();
    for (const backend of backends) backend.dispose();
  }
}

await main();
