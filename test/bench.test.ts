/**
 * The benchmark's library (source/bench/) at tiny sizes and one repetition: the figures mean nothing here, so
 * what is checked is how they are made: every backend asked for is timed, rates are positive, the reference
 * backend is kept off the large shapes, a backend that cannot start is listed with its reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { timeFontEpochs, timeToTarget } from '../source/bench/font.js';
import { benchKernels, MODEL_SHAPES, type MatmulShape } from '../source/bench/kernels.js';
import { timeScreenCost } from '../source/commands/bench-screen.js';
import { benchVae, timeVaeSteps } from '../source/bench/vae.js';
import { IMAGE_PIXELS } from '../source/data/mnist.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { shapeKey } from '../source/report/bench.js';

const TINY: MatmulShape = { label: 'tiny', m: 4, k: 8, n: 6, transA: false, transB: false };
/** One multiply-add past the limit up to which the reference backend is timed (2^21). */
const PAST_REFERENCE: MatmulShape = {
  label: 'past the reference limit',
  m: 128,
  k: 128,
  n: 129,
  transA: false,
  transB: true,
};

const backend = new FastCpuBackend();
afterAll(() => backend.dispose());

describe('matmul kernels', () => {
  it('times every backend asked for on each shape, the reference one on the small shapes only', () => {
    const announced: string[] = [];
    const report = benchKernels({
      shapes: [TINY, PAST_REFERENCE],
      backends: ['reference', 'cpu-js'],
      rounds: 2,
      sampleMs: 0,
      onShape: (s) => announced.push(s.label),
    });
    expect(announced).toEqual(['tiny', 'past the reference limit']);
    expect(report.backends).toEqual([
      { name: 'reference', available: true, reason: undefined },
      { name: 'cpu-js', available: true, reason: undefined },
    ]);
    expect(report.rows.map((row) => row.shape)).toEqual([TINY, PAST_REFERENCE]);
    expect(report.rows[0].gflops.reference).toBeGreaterThan(0);
    expect(report.rows[0].gflops['cpu-js']).toBeGreaterThan(0);
    expect(report.rows[1].gflops).toEqual({ 'cpu-js': expect.any(Number) });
    expect(report.rows[1].gflops['cpu-js']).toBeGreaterThan(0);
  });

  it('lists a backend that cannot start, with its reason, beside the ones it timed', () => {
    // gpu.js's webgl mode needs a browser: it never starts in Node.
    const report = benchKernels({ shapes: [TINY], backends: ['cpu-js', 'gpu.js:webgl'], rounds: 1, sampleMs: 0 });
    expect(report.backends.map((b) => [b.name, b.available])).toEqual([
      ['cpu-js', true],
      ['gpu.js:webgl', false],
    ]);
    expect(report.backends[1].reason).toMatch(/webgl/);
    expect(Object.keys(report.rows[0].gflops)).toEqual(['cpu-js']);
  });

  it('times each model layer forward, then its weight gradient (TN) and input gradient (NT)', () => {
    expect(MODEL_SHAPES.map(shapeKey)).toEqual([
      '128x784x512 NN',
      '784x128x512 TN',
      '128x512x784 NT',
      '128x784x400 NN',
      '784x128x400 TN',
      '128x400x784 NT',
      '128x400x20 NN',
      '400x128x20 TN',
      '128x20x400 NT',
      '32x35x60 NN',
      '32x60x40 NN',
    ]);
  });
});

describe('font autoencoder', () => {
  it('times epochs of the given network on the given backend', () => {
    const timing = timeFontEpochs(backend, [35, 8, 2], 0.01, 3, 1);
    expect(timing).toMatchObject({ backend: 'cpu-js', architecture: '35-8-2' });
    expect(timing.msPerEpoch).toBeGreaterThan(0);
  });

  it('times the defaults to their target, counting the seeds that reach it', () => {
    const timing = timeToTarget(backend, 1);
    expect(timing).toMatchObject({ backend: 'cpu-js', seeds: 1, reached: 1 });
    expect(timing.medianSeconds).toBeGreaterThan(0);
    expect(timing.medianEpochs).toBeGreaterThan(0);
  });
});

describe('VAE', () => {
  it('times training steps: samples per second at the given batch', () => {
    const images = { images: new Float32Array(80 * IMAGE_PIXELS).fill(0.5), labels: new Uint8Array(80), count: 80 };
    const timing = timeVaeSteps(
      backend,
      { train: images, test: images },
      { hidden: [8], latent: 2, batch: 16, steps: 2 },
    );
    expect(timing).toMatchObject({ backend: 'cpu-js', architecture: '784-8-2-8-784', batch: 16, steps: 2 });
    expect(timing.samplesPerSecond).toBeGreaterThan(0);
  });

  it('times each backend on real MNIST batches and reports the peak memory with the dataset loaded', () => {
    const started: string[] = [];
    const report = benchVae(['cpu-js'], { hidden: [8], latent: 2, batch: 16, steps: 1 }, (name) => started.push(name));
    expect(started).toEqual(['cpu-js']);
    expect(report.backends).toEqual([
      {
        name: 'cpu-js',
        available: true,
        timing: expect.objectContaining({ architecture: '784-8-2-8-784', batch: 16, steps: 1 }),
      },
    ]);
    expect(report.backends[0].timing!.samplesPerSecond).toBeGreaterThan(0);
    expect(report.peakMemoryMB).toBeGreaterThan(220); // the 70,000 images alone are 220 MB of pixels
  });
});

describe('dashboard cost', () => {
  it('compares epochs/s with the JSON reporter and with the dashboard at a terminal size', async () => {
    const cost = await timeScreenCost(20, 1, 80, 24);
    expect(cost).toMatchObject({ epochs: 20, columns: 80, rows: 24 });
    expect(cost.jsonEpochsPerSecond).toBeGreaterThan(0);
    expect(cost.screenEpochsPerSecond).toBeGreaterThan(0);
    expect(cost.cost).toBeCloseTo(1 - cost.screenEpochsPerSecond / cost.jsonEpochsPerSecond, 10);
  });
});
