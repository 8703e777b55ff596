/**
 * The denoising autoencoder on the device trainer against the CPU trainer (llvmpipe in CI; skipped with no
 * adapter): with the same seed the same noise, so the same losses over the first 20 epochs, for every noise model;
 * the same numbers twice; and `sia-ae denoise --backend webgpu` through the CLI.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadFont } from '../source/data/font.js';
import type { NoiseSpec } from '../source/data/noise.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { selectBackend } from '../source/math/select.js';
import { DENOISE_DEFAULTS, denoiseTraining } from '../source/options/denoise.js';
import { startDeviceFontTraining } from '../source/train/font-device.js';
import { trainFont, type GlyphEpoch, type GlyphEvent } from '../source/train/font.js';
import { jsonLines, runCli } from './helpers/cli.js';
import { testDevice } from './webgpu-device.js';

const { opened } = await testDevice();
const glyphs = loadFont();

const NOISES: NoiseSpec[] = [
  { model: 'mutation', mutationProb: 0.3, maxNoise: 0.5 },
  { model: 'salt-pepper', p: 0.1 },
  { model: 'gaussian', sigma: 0.2 },
];

function options(noise: NoiseSpec, epochs: number, stepsPerSubmit: number, seed = 5) {
  const training = denoiseTraining({ ...DENOISE_DEFAULTS, epochs }, DENOISE_DEFAULTS.layers, seed);
  return { ...training, noise, stepsPerSubmit };
}

async function deviceEpochs(settings: ReturnType<typeof options>): Promise<GlyphEpoch[]> {
  const all: GlyphEvent[] = [];
  for await (const event of startDeviceFontTraining(opened!.device, new FastCpuBackend(), glyphs, settings).events) {
    all.push(event);
  }
  return epochs(all);
}

const epochs = (all: GlyphEvent[]) => all.filter((e): e is GlyphEpoch => e.type === 'epoch');

describe.skipIf(!opened)('the denoising autoencoder on the device', () => {
  afterAll(() => opened?.close());

  it.each(NOISES)('has the CPU trainer losses within 1e-3 relative for 20 epochs, $model noise', async (noise) => {
    // Two epochs per submit: the noise of one submit is drawn ahead, in one buffer, and must still line up.
    const settings = options(noise, 20, 2);
    const cpu = epochs([...trainFont(selectBackend('reference', { m: 32, n: 25, k: 35 }).backend, glyphs, settings)]);
    const gpu = await deviceEpochs(settings);
    expect(gpu.map((e) => e.epoch)).toEqual([
      0,
      ...cpu
        .slice(1)
        .filter((e) => e.epoch % 2 === 0)
        .map((e) => e.epoch),
    ]);
    const byEpoch = new Map(cpu.map((e) => [e.epoch, e]));
    const worst = Math.max(
      ...gpu.map((e) => Math.abs(e.loss - byEpoch.get(e.epoch)!.loss) / byEpoch.get(e.epoch)!.loss),
    );
    console.info(`${noise.model}: largest relative loss difference ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-3);
    // The events mean what the CPU trainer's mean: the clean glyphs' reconstructions and wrong pixels.
    const end = byEpoch.get(20)!;
    expect(gpu[gpu.length - 1].perGlyph).toEqual(end.perGlyph);
    gpu[gpu.length - 1].outputs.forEach((v, i) => expect(v).toBeCloseTo(end.outputs[i], 3));
  });

  it('gives the same numbers twice with the same seed, and others with another', async () => {
    const [first, second] = [
      await deviceEpochs(options(NOISES[1], 40, 20)),
      await deviceEpochs(options(NOISES[1], 40, 20)),
    ];
    expect(second.map((e) => e.loss)).toEqual(first.map((e) => e.loss));
    expect(second[second.length - 1].outputs).toEqual(first[first.length - 1].outputs);
    const other = await deviceEpochs(options(NOISES[1], 40, 20, 6));
    expect(other[other.length - 1].loss).not.toBe(first[first.length - 1].loss);
  });
});

describe.skipIf(!opened)('sia-ae denoise --backend webgpu', () => {
  it('trains on the device through the run layer, names the adapter in its result, and exits', () => {
    const args = ['denoise', '--backend', 'webgpu', '--epochs', '50', '--json'];
    const { status, stdout, stderr } = runCli(args, {}, { timeout: 60_000 });
    expect(status, stderr).toBe(0);
    const lines = jsonLines(stdout);
    const result = lines[lines.length - 1];
    expect(result).toMatchObject({ event: 'result', experiment: 'denoise', epochs: 50 });
    expect(result.backend).toBe(`webgpu:${opened!.adapter.name}`);
  });

  it('refuses a minibatch before training (status 2, one line)', () => {
    const { status, stderr } = runCli(['denoise', '--backend', 'webgpu', '--batch', '8'], {}, { timeout: 60_000 });
    expect(status).toBe(2);
    expect(stderr).toContain('--backend webgpu trains only the full batch');
  });
});

describe('sia-ae denoise --sweep --backend webgpu', () => {
  it('says the sweep stays on CPU worker threads (status 2, one line)', () => {
    const { status, stderr } = runCli(['denoise', '--sweep', '--backend', 'webgpu'], {}, { timeout: 60_000 });
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('CPU worker threads');
  });
});
