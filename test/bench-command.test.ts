/**
 * `sia-ae bench` in this process at tiny sizes (a BenchPlan): the --json result line's shape, the plain report's
 * tables, --only running one section, backends that cannot start. Timings are never asserted, only that they
 * are there and positive.
 */
import { describe, expect, it } from 'vitest';
import type { MatmulShape } from '../source/bench/kernels.js';
import { runBench, type BenchPlan } from '../source/commands/bench.js';
import { fontSection, unavailableLines, vaeSection } from '../source/report/bench.js';
import { capturedContext } from './helpers/context.js';
import { jsonLines } from './helpers/cli.js';

const SHAPES: MatmulShape[] = [
  { label: 'tiny', m: 4, k: 8, n: 6, transA: false, transB: false },
  { label: 'tiny weight gradient', m: 8, k: 4, n: 6, transA: true, transB: false },
];
const PLAN: BenchPlan = {
  backends: ['reference', 'cpu-js', 'gpu.js:webgl'], // webgl needs a browser: it never starts in Node
  kernels: { shapes: SHAPES, rounds: 1, sampleMs: 0 },
  fontEpochs: 6,
  fontRepeats: 1,
  vae: { hidden: [8], latent: 2, batch: 16, steps: 1 },
};

async function bench(output: 'json' | 'plain', settings: Record<string, string>) {
  const captured = capturedContext(output);
  expect(await runBench(settings, captured.context, PLAN)).toBe(0);
  return { stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('sia-ae bench --json', () => {
  it('--only kernels: one result line, a row per backend with GFLOP/s per shape, and the shapes', async () => {
    const { stdout, stderr } = await bench('json', { only: 'kernels' });
    expect(stderr).toBe('');
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(1);
    const [result] = lines;
    expect(Object.keys(result)).toEqual(['event', 'experiment', 'backends', 'shapes']); // no font or VAE figures
    expect(result).toMatchObject({ event: 'result', experiment: 'bench' });
    expect(result.shapes).toEqual([
      { key: '4x8x6 NN', label: 'tiny', m: 4, k: 8, n: 6, transA: false, transB: false },
      { key: '8x4x6 TN', label: 'tiny weight gradient', m: 8, k: 4, n: 6, transA: true, transB: false },
    ]);
    expect(result.backends.map((b: { name: string; available: boolean }) => [b.name, b.available])).toEqual([
      ['reference', true],
      ['cpu-js', true],
      ['gpu.js:webgl', false],
    ]);
    for (const row of result.backends.slice(0, 2)) {
      expect(Object.keys(row)).toEqual(['name', 'available', 'gflops']);
      expect(Object.keys(row.gflops)).toEqual(['4x8x6 NN', '8x4x6 TN']);
      for (const gflops of Object.values(row.gflops)) expect(gflops).toBeGreaterThan(0);
    }
    expect(Object.keys(result.backends[2])).toEqual(['name', 'available', 'reason']);
    expect(result.backends[2].reason).toMatch(/webgl/);
  });

  it('--only font: epochs/s and ms per epoch per backend, time to target but for the reference, auto', async () => {
    const [result] = jsonLines((await bench('json', { only: 'font', seeds: '1' })).stdout);
    expect(result.shapes).toBeUndefined();
    expect(result.auto).toBe('cpu-js');
    const [reference, cpu] = result.backends;
    expect(Object.keys(reference)).toEqual(['name', 'available', 'fontEpochsPerSecond', 'fontMsPerEpoch']);
    expect(reference.fontEpochsPerSecond).toBeCloseTo(1000 / reference.fontMsPerEpoch, 6);
    expect(cpu).toMatchObject({ name: 'cpu-js', fontSeedsReached: '1/1' });
    for (const key of ['fontEpochsPerSecond', 'fontMsPerEpoch', 'fontSecondsToTarget'])
      expect(cpu[key]).toBeGreaterThan(0);
  });

  it("--only vae: samples/s on the CPU backends asked for, and the run's setup with the peak memory", async () => {
    const [result] = jsonLines((await bench('json', { only: 'vae' })).stdout);
    // The VAE runs on the CPU backends only.
    expect(result.backends.map((b: { name: string }) => b.name)).toEqual(['cpu-js']);
    expect(result.backends[0].vaeSamplesPerSecond).toBeGreaterThan(0);
    expect(result.vae).toMatchObject({ architecture: '784-8-2-8-784', batch: 16, steps: 1 });
    expect(result.vae.peakMemoryMB).toBeGreaterThan(0);
  });
});

describe('sia-ae bench (plain)', () => {
  it('--only kernels: the explanation, shapes by backend, progress on stderr, who could not start', async () => {
    const { stdout, stderr } = await bench('plain', { only: 'kernels' });
    expect(stderr).toBe('timing matmul 4x8x6 NN (tiny) ...\ntiming matmul 8x4x6 TN (tiny weight gradient) ...\n');
    expect(stdout).toMatch(/^matmul GFLOP\/s, median of the rounds/);
    expect(stdout).toMatch(/^shape +reference +cpu-js$/m);
    expect(stdout).toMatch(/^4x8x6 NN +\d+\.\d\d +\d+\.\d\d$/m);
    expect(stdout).toMatch(/^8x4x6 TN +\d+\.\d\d +\d+\.\d\d$/m);
    expect(stdout).toMatch(/^gpu\.js:webgl: .*webgl/m);
    expect(stdout).not.toMatch(/^font autoencoder|^VAE /m);
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('--only font: epochs/s, ms per epoch, time to target and seeds reached per backend, and the fastest', async () => {
    const { stdout } = await bench('plain', { only: 'font', seeds: '1' });
    expect(stdout).toMatch(/^font autoencoder 35-60-40-20-2, full batch of 32, Adam/);
    expect(stdout).toMatch(/^backend +epochs\/s +ms\/epoch +s to target +reached$/m);
    expect(stdout).toMatch(/^reference +\d+ +\d+\.\d{3} +- +-$/m);
    expect(stdout).toMatch(/^cpu-js +\d+ +\d+\.\d{3} +\d+\.\d{3} +1\/1$/m);
    expect(stdout).toContain('fastest for the font network: cpu-js');
    expect(stdout).not.toMatch(/^matmul GFLOP|^VAE /m);
  });
});

describe('bench report', () => {
  it('formats the font rows: epochs/s from ms per epoch, - where a figure is missing', () => {
    const table = fontSection(
      [
        { name: 'cpu-js', msPerEpoch: 0.5, secondsToTarget: 1.23456, seedsReached: '9/10' },
        { name: 'reference', msPerEpoch: 4 },
      ],
      [35, 2],
      10,
      undefined,
    );
    expect(table).toMatch(/^cpu-js +2000 +0\.500 +1\.235 +9\/10$/m);
    expect(table).toMatch(/^reference +250 +4\.000 +- +-$/m);
    expect(table).toContain('over 10 seeds');
    expect(table).toContain('fastest for the font network: -');
  });

  it("gives the VAE's setup and peak memory, then samples/s and ms per step per backend", () => {
    const timing = { backend: 'cpu-js', architecture: '784-8-2-8-784', batch: 16, samplesPerSecond: 1600, steps: 3 };
    const section = vaeSection({
      backends: [
        { name: 'cpu-js', available: true, timing },
        { name: 'wasm-simd', available: false },
      ],
      peakMemoryMB: 300.4,
    });
    expect(section).toMatch(/^VAE 784-8-2-8-784, batch 16, Adam/);
    expect(section).toContain('median of 3 steps');
    expect(section).toContain('300 MB with MNIST loaded');
    expect(section).toMatch(/^backend +samples\/s +ms\/step$/m);
    expect(section).toMatch(/^cpu-js +1600 +10\.00$/m);
    expect(section).not.toContain('wasm-simd');
  });

  it('says when no backend could time the VAE', () => {
    expect(vaeSection({ backends: [{ name: 'cpu-js', available: false, reason: 'x' }], peakMemoryMB: 1 })).toBe(
      'VAE: no backend could start\n',
    );
  });

  it('gives a backend that did not start one line, cut to the width', () => {
    const backends = [
      { name: 'cpu-js', available: true },
      { name: 'gpu.js:webgl', available: false, reason: 'x'.repeat(100) },
      { name: 'odd', available: false },
    ];
    const lines = unavailableLines(backends, 40).trimEnd().split('\n');
    expect(lines).toEqual([`gpu.js:webgl: ${'x'.repeat(25)}…`, 'odd: cannot start']);
    expect(unavailableLines([{ name: 'cpu-js', available: true }])).toBe('');
  });
});

describe('bench settings', () => {
  it('reject --seeds below 1 and unknown settings', async () => {
    await expect(runBench({ seeds: '0' }, capturedContext('plain').context, PLAN)).rejects.toThrow(
      /--seeds must be at least 1/,
    );
    await expect(runBench({ rounds: '1' }, capturedContext('plain').context, PLAN)).rejects.toThrow(/rounds/);
  });
});
