/**
 * The VAE's device trainer against the CPU trainer (llvmpipe in CI; skipped with no adapter): the same losses
 * step by step, the same test loss after an epoch, checkpoints that agree with the CPU's, and the same numbers
 * twice from one seed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadSplits, sliceSet } from '../source/data/mnist.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import type { VaeTrainingOptions } from '../source/nn/vae-checkpoint.js';
import {
  type VaeBatchEvent,
  type VaeData,
  type VaeDoneEvent,
  type VaeEvent,
  VaeTraining,
} from '../source/train/vae.js';
import { DeviceVaeTraining } from '../source/train/vae-device.js';
import { vaeSelection } from '../source/commands/vae-backend.js';
import { jsonLines, runCli } from './helpers/cli.js';
import { testDevice } from './webgpu-device.js';

const { opened } = await testDevice();

const options = (overrides: Partial<VaeTrainingOptions> = {}): VaeTrainingOptions => ({
  shape: { input: 784, hidden: [64], latent: 2 },
  optimizer: 'adam',
  lr: 1e-3,
  epochs: 1,
  batch: 10,
  seed: 5,
  ...overrides,
});

async function events(stream: Iterator<VaeEvent> | AsyncIterator<VaeEvent>): Promise<VaeEvent[]> {
  const all: VaeEvent[] = [];
  for (let next = await stream.next(); !next.done; next = await stream.next()) all.push(next.value);
  return all;
}

const batchLosses = (all: VaeEvent[]) =>
  all.filter((e): e is VaeBatchEvent => e.type === 'batch').map((e) => e.trainLoss);
const done = (all: VaeEvent[]) => all[all.length - 1] as VaeDoneEvent;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** The splits with only the first `count` test images: the device scores them at llvmpipe's pace. */
const withTest = (data: VaeData, count: number): VaeData => ({ ...data, test: sliceSet(data.test, 0, count) });

describe.skipIf(!opened)('the VAE on the device', () => {
  const device = opened!.device;
  const cpu = new FastCpuBackend();
  const small = withTest(loadSplits('mnist', 100, 200).splits, 500);
  const onDevice = (o: VaeTrainingOptions, data = small, batchesPerSubmit = 1) =>
    new DeviceVaeTraining(device, cpu, data, o, undefined, batchesPerSubmit);
  afterAll(() => opened?.close());

  it.each(['adam', 'rmsprop'] as const)(
    'has the CPU losses within 1e-3 relative over 20 steps (%s)',
    async (optimizer) => {
      const o = options({ optimizer });
      const want = batchLosses(await events(new VaeTraining(cpu, small, o).run()));
      const got = batchLosses(await events(onDevice(o).run()));
      expect(got).toHaveLength(20);
      got.forEach((loss, i) => expect(relative(loss, want[i]), `step ${i + 1}`).toBeLessThan(1e-3));
    },
  );

  it('takes 32 steps per submit by default, with one event per submit', async () => {
    const all = await events(new DeviceVaeTraining(device, cpu, small, options({ batch: 5 })).run());
    expect(all.filter((e) => e.type === 'batch').map((e) => (e as VaeBatchEvent).batch)).toEqual([32, 40]);
  });

  it('gives the same numbers twice from one seed', async () => {
    const once = await events(onDevice(options(), small, 7).run());
    const twice = await events(onDevice(options(), small, 7).run());
    expect(batchLosses(twice)).toEqual(batchLosses(once));
    expect(done(twice).testLoss).toBe(done(once).testLoss);
  });

  it('checkpoints as the CPU does: the same progress, order and Rng, and weights close to its own', async () => {
    const o = options({ epochs: 2 });
    const gpu = onDevice(o, small, 3);
    const cpuTraining = new VaeTraining(cpu, small, o);
    const gpuEvents = gpu.run();
    const cpuEvents = cpuTraining.run();
    for (let i = 0; i < 4; i++) await gpuEvents.next(); // 4 submits of 3 batches
    for (let i = 0; i < 12; i++) cpuEvents.next();
    const [got, want] = [await gpu.checkpoint(), cpuTraining.checkpoint()];
    const { lossSum, klSum, trainMs, ...rest } = got.progress;
    expect({ ...want.progress, ...rest }).toEqual(want.progress);
    expect(relative(lossSum, want.progress.lossSum)).toBeLessThan(1e-4);
    expect(relative(klSum, want.progress.klSum)).toBeLessThan(1e-3);
    expect(got.order).toEqual(want.order);
    expect(got.steps).toBe(want.steps);
    // Adam normalises each step, so a weight whose gradient is near 0 may take a step apart: a small part of the way.
    const start = new VaeTraining(cpu, small, o).checkpoint().parameters;
    const largest = (a: Float32Array, b: Float32Array) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));
    expect(largest(got.parameters, want.parameters)).toBeLessThan(0.05 * largest(want.parameters, start));
  });

  it('takes a checkpoint asked for mid-submit after that submit: weights and progress agree', async () => {
    const gpu = onDevice(options(), small, 5);
    const stream = gpu.run();
    const first = stream.next(); // a submit of 5 batches, in flight
    const taken = await gpu.checkpoint();
    expect(taken.progress.batchIndex).toBe(5);
    expect(taken.steps).toBe(5);
    await first;
    expect((await gpu.checkpoint()).parameters).toEqual(taken.parameters);
  });

  it("a device checkpoint resumes on the CPU trainer, ending where the CPU's own run ends", async () => {
    const o = options({ epochs: 2 });
    const gpu = onDevice(o, small, 4);
    const stream = gpu.run();
    for (let i = 0; i < 7; i++) await stream.next(); // mid-way through the second epoch
    const resumed = done(await events(new VaeTraining(cpu, small, o, await gpu.checkpoint()).run()));
    const straight = done(await events(new VaeTraining(cpu, small, o).run()));
    expect(resumed.last.epoch).toBe(2);
    expect(relative(resumed.testLoss, straight.testLoss)).toBeLessThan(0.01);
  });

  it('ends one epoch on 2,000 images with the test loss of the CPU trainer within 1%', async () => {
    const data = withTest(loadSplits('mnist', 0, 2000).splits, 2000);
    const o = options({ shape: { input: 784, hidden: [400], latent: 20 }, batch: 128 });
    const want = done(await events(new VaeTraining(cpu, data, o).run())).testLoss;
    const got = done(await events(onDevice(o, data, 16).run())).testLoss;
    expect(relative(got, want)).toBeLessThan(0.01);
  }, 120_000);
});

describe.skipIf(!opened)('auto for the VAE', () => {
  it('keeps the CPU on a software adapter, saying which adapter it saw; races only on hardware', async () => {
    const data = withTest(loadSplits('mnist', 0, 100).splits, 1);
    const selection = await vaeSelection({}, options(), data, () => true);
    selection.backend.dispose();
    expect('opened' in selection).toBe(false);
    if (opened!.adapter.software) expect(selection.reason).toMatch(/^auto saw .*, a software adapter: /);
    else expect(selection.reason).toMatch(/samples\/s over 8 batches/);
  });
});

describe.skipIf(!opened)('sia-ae vae --backend webgpu', () => {
  it('trains on the device through the run layer and names the adapter', () => {
    const args = ['vae', '--backend', 'webgpu', '--train-size', '300', '--validation', '100', '--epochs', '2'];
    const { status, stdout } = runCli([...args, '--layers', '32', '--json'], {}, { timeout: 120_000 });
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    const result = lines[lines.length - 1];
    expect(result).toMatchObject({ event: 'result', experiment: 'vae', epochs: 2 });
    expect(result.backend).toBe(`webgpu:${opened!.adapter.name}`);
    expect(result.testLoss).toBeGreaterThan(100);
  }, 120_000);
});
