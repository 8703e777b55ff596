/**
 * The font autoencoder's device trainer against the CPU trainer (llvmpipe in CI; skipped with no adapter): the
 * same losses over the first 20 epochs, the target reached, and events on the multiples of stepsPerSubmit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadFont } from '../source/data/font.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { FONT_DEFAULTS, fontTraining } from '../source/options/font.js';
import { startDeviceFontTraining, stepsPerSubmitFor } from '../source/train/font-device.js';
import { trainFont, type GlyphEpoch, type GlyphEvent } from '../source/train/font.js';
import { jsonLines, runCli } from './helpers/cli.js';
import { testDevice } from './webgpu-device.js';

const { opened } = await testDevice();
const glyphs = loadFont();

function options(overrides: Partial<typeof FONT_DEFAULTS> = {}, stepsPerSubmit = 25) {
  return { ...fontTraining({ ...FONT_DEFAULTS, ...overrides }), stepsPerSubmit };
}

async function events(stream: AsyncIterable<GlyphEvent>): Promise<GlyphEvent[]> {
  const all: GlyphEvent[] = [];
  for await (const event of stream) all.push(event);
  return all;
}

const epochs = (all: GlyphEvent[]) => all.filter((e): e is GlyphEpoch => e.type === 'epoch');

describe.skipIf(!opened)('the font autoencoder on the device', () => {
  const device = opened!.device;
  afterAll(() => opened?.close());

  it('has the CPU trainer losses, within 1e-3 relative, for the first 20 epochs (same seed)', async () => {
    const settings = options({ seed: 3, epochs: 20, target: -1 }, 1);
    const cpu = epochs([...trainFont(new ReferenceBackend(), glyphs, settings)]);
    const gpu = epochs(await events(startDeviceFontTraining(device, new FastCpuBackend(), glyphs, settings).events));
    expect(gpu.map((e) => e.epoch)).toEqual(cpu.map((e) => e.epoch));
    gpu.forEach((e, i) => expect(Math.abs(e.loss - cpu[i].loss) / cpu[i].loss, `epoch ${i}`).toBeLessThan(1e-3));
  });

  it('reaches the target with the defaults, reporting every 25 epochs and the epoch it got there', async () => {
    const training = startDeviceFontTraining(device, new FastCpuBackend(), glyphs, options({ seed: 1 }));
    const all = await events(training.events);
    const done = all[all.length - 1];
    if (done.type !== 'done') throw new Error('no done event');
    expect(done.reachedTarget).toBe(true);
    expect(done.last.maxPixelError).toBeLessThanOrEqual(FONT_DEFAULTS.target);
    expect(
      epochs(all)
        .slice(0, -1)
        .every((e) => e.epoch % 25 === 0),
    ).toBe(true);
    // The model on the CPU holds the weights that were evaluated: it reconstructs what the last event showed.
    const decoded = done.model.decode(done.model.encode(glyphEpochInput(), glyphs.length).slice(), glyphs.length);
    decoded.forEach((v, i) => expect(v).toBeCloseTo(done.last.outputs[i], 4));
  });

  it('stops at the epoch limit with no update after it', async () => {
    const all = await events(
      startDeviceFontTraining(device, new FastCpuBackend(), glyphs, options({ epochs: 30, target: -1 }, 25)).events,
    );
    expect(epochs(all).map((e) => e.epoch)).toEqual([0, 25, 30]);
  });
});

describe('epochs per submit', () => {
  it('divide --log-every (every progress line falls on an event), at most 100', () => {
    expect([25, 1000, 150, 7, 1, 101].map(stepsPerSubmitFor)).toEqual([25, 100, 75, 7, 1, 1]);
  });
});

describe.skipIf(!opened)('sia-ae font --backend webgpu', () => {
  it('trains on the device through the run layer, names the adapter, and exits', () => {
    const { status, stdout } = runCli(['font', '--backend', 'webgpu', '--json'], {}, { timeout: 60_000 });
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    const result = lines[lines.length - 1];
    expect(result).toMatchObject({ event: 'result', reachedTarget: true });
    expect(result.backend).toBe(`webgpu:${opened!.adapter.name}`);
    expect(lines.slice(0, -2).every((line) => line.epoch % 25 === 0)).toBe(true);
  });

  it('refuses what the device trainer cannot train yet, before training (status 2)', () => {
    const { status, stderr } = runCli(['font', '--backend', 'webgpu', '--batch', '4'], {}, { timeout: 60_000 });
    expect(status).toBe(2);
    expect(stderr).toContain('--backend webgpu trains only the full batch');
  });
});

function glyphEpochInput(): Float32Array {
  const features = glyphs[0].pixels.length;
  const x = new Float32Array(glyphs.length * features);
  glyphs.forEach((g, i) => x.set(g.pixels, i * features));
  return x;
}
