/**
 * Matmul GFLOP/s per backend for the shapes the models use, side by side in one run. On a shared machine the
 * backends take turns within each round (in a rotating order), so that a burst of other work hits them alike;
 * each figure is the median over the rounds. Library code: it returns numbers and prints nothing.
 */
import type { Backend } from '../math/backend.js';
import { median } from '../math/median.js';
import { startBackends } from '../math/select.js';
import { WasmBackend } from '../math/wasm/backend.js';

export interface MatmulShape {
  /** What the shape is in the models, e.g. "VAE encoder forward". */
  label: string;
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
}

/** A layer in→out at batch b runs forward b×in·in×out, then in×b·b×out (transA) and b×out·out×in (transB) backward. */
function layerShapes(label: string, batch: number, inputs: number, outputs: number, backward = true): MatmulShape[] {
  const forward = { label: `${label} forward`, m: batch, n: outputs, k: inputs, transA: false, transB: false };
  if (!backward) return [forward];
  return [
    forward,
    { label: `${label} weight gradient`, m: inputs, n: outputs, k: batch, transA: true, transB: false },
    { label: `${label} input gradient`, m: batch, n: inputs, k: outputs, transA: false, transB: true },
  ];
}

export const MODEL_SHAPES: MatmulShape[] = [
  ...layerShapes('784-512', 128, 784, 512),
  ...layerShapes('VAE 784-400', 128, 784, 400),
  ...layerShapes('VAE 400-20', 128, 400, 20),
  ...layerShapes('font 35-60', 32, 35, 60, false),
  ...layerShapes('font 60-40', 32, 60, 40, false),
];

/** The reference backend is timed only up to this many multiply-adds: beyond, it takes seconds per call. */
const REFERENCE_LIMIT = 1 << 21;

export interface KernelBenchOptions {
  shapes?: MatmulShape[];
  /** Backend names to time (default: every backend that starts). */
  backends?: string[];
  /** Rounds; each figure is the median over them. */
  rounds?: number;
  /** Each timed sample repeats the matmul for at least this long, so that timer resolution does not matter. */
  sampleMs?: number;
  /** Called before each shape, for a progress line; the library itself prints nothing. */
  onShape?: (shape: MatmulShape) => void;
}

export interface KernelBenchReport {
  backends: Array<{ name: string; available: boolean; reason?: string }>;
  rows: Array<{ shape: MatmulShape; gflops: Record<string, number | undefined> }>;
}

export function benchKernels(options: KernelBenchOptions = {}): KernelBenchReport {
  const { shapes = MODEL_SHAPES, rounds = 7, sampleMs = 20 } = options;
  const started = startBackends(options.backends);
  for (const { backend } of started) if (backend instanceof WasmBackend) backend.waitForThreads();
  const running = started.filter((s) => s.backend).map((s) => s.backend!);
  try {
    const rows = shapes.map((shape) => {
      options.onShape?.(shape);
      const timed = running.filter((b) => b.name !== 'reference' || shape.m * shape.n * shape.k <= REFERENCE_LIMIT);
      const samples = timed.map((backend) => matmulSampler(backend, shape));
      const times = timed.map(() => [] as number[]);
      for (let r = 0; r < rounds; r++) {
        // Each round starts with a different backend, so that none always runs right after the same one.
        for (let turn = 0; turn < samples.length; turn++) {
          const i = (r + turn) % samples.length;
          times[i].push(samples[i](sampleMs));
        }
      }
      const flops = 2 * shape.m * shape.n * shape.k;
      const gflops: Record<string, number | undefined> = {};
      timed.forEach((backend, i) => {
        gflops[backend.name] = flops / median(times[i]) / 1e6;
      });
      return { shape, gflops };
    });
    return { backends: started.map(({ name, available, reason }) => ({ name, available, reason })), rows };
  } finally {
    for (const backend of running) backend.dispose();
  }
}

/** Allocates the operands and warms up; returns a sampler answering milliseconds per matmul. */
export function matmulSampler(
  backend: Backend,
  { m, n, k, transA, transB }: MatmulShape,
): (sampleMs: number) => number {
  const a = backend.alloc(m * k).fill(0.5),
    b = backend.alloc(k * n).fill(0.25),
    out = backend.alloc(m * n);
  const run = () => backend.matmul(a, b, out, m, n, k, transA, transB, false);
  run();
  let repeats = 1;
  return (sampleMs) => {
    for (;;) {
      const start = performance.now();
      for (let i = 0; i < repeats; i++) run();
      const elapsed = performance.now() - start;
      // Too short to trust: double the repeats and sample again (this settles within the first round).
      if (elapsed >= sampleMs || repeats >= 1 << 20) return elapsed / repeats;
      repeats *= 2;
    }
  };
}
