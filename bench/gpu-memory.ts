/**
 * Whether a long device training holds on to memory: the font autoencoder (--model font) or a small VAE on 64
 * MNIST images (--model vae) trained on the WebGPU device for --steps optimizer steps, RSS and heap sampled as it
 * trains, and the growth printed. RSS is what the process holds, Dawn's and the driver's buffers included (on
 * llvmpipe "GPU" memory is process memory; on a real GPU the driver's share shows in nvidia-smi instead). A
 * benchmark outside the test run: nothing is asserted.
 *
 * Dawn frees an object's native memory (a command encoder, a compute pass) when V8 collects its JS wrapper, which
 * V8 puts off, as it sees only the small wrapper: RSS then climbs by some MB between collections. Run with
 * --expose-gc and each sample is taken after a full collection, which shows what the run really holds.
 *
 *   node --expose-gc --import tsx bench/gpu-memory.ts [--model font|vae] [--steps 100000]
 */
import { parseArgs } from 'node:util';
import { loadFont } from '../source/data/font.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { type OpenDevice, openDevice } from '../source/math/webgpu/device.js';
import { FONT_DEFAULTS, fontTraining } from '../source/options/font.js';
import { startDeviceFontTraining } from '../source/train/font-device.js';
import { DeviceVaeTraining } from '../source/train/vae-device.js';
import { speedData } from '../source/train/vae-speed.js';

const MB = 1024 * 1024;
const SAMPLE_MS = 10_000;

/** A full collection first, when --expose-gc gave one. */
function memory(): NodeJS.MemoryUsage {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

function line(seconds: number, step: number, note = ''): string {
  const { rss, heapUsed } = memory();
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1).padStart(7)} MB`;
  const at = `${seconds.toFixed(0).padStart(5)} s  step ${String(step).padStart(8)}`;
  return `${at}  rss ${mb(rss)}  heap ${mb(heapUsed)}${note}`;
}

/** The font autoencoder, full batch, 25 epochs (steps) per submit; the target (−1) is never reached. */
async function* fontSteps(opened: OpenDevice, steps: number): AsyncGenerator<number> {
  const options = { ...fontTraining({ ...FONT_DEFAULTS, epochs: steps, target: -1 }), stepsPerSubmit: 25 };
  const { events } = startDeviceFontTraining(opened.device, new FastCpuBackend(), loadFont(), options);
  for await (const event of events) if (event.type === 'epoch') yield event.epoch;
}

/** A 784-16-2 VAE at batch 8 on 64 images: 8 steps an epoch, each epoch one submit and its readback. */
async function* vaeSteps(opened: OpenDevice, steps: number): AsyncGenerator<number> {
  const shape = { input: 784, hidden: [16], latent: 2 };
  const options = { shape, optimizer: 'adam' as const, lr: 1e-3, epochs: Math.ceil(steps / 8), batch: 8, seed: 1 };
  const training = new DeviceVaeTraining(opened.device, new FastCpuBackend(), speedData(64), options);
  for await (const event of training.run()) if (event.type === 'epoch') yield event.epoch * 8;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { model: { type: 'string' }, steps: { type: 'string' } } });
  const model = values.model ?? 'font';
  const steps = Number(values.steps ?? 100_000);
  if (model !== 'font' && model !== 'vae') throw new Error(`--model font or vae, not ${model}`);
  const opened = await openDevice();
  const collected = 'gc' in globalThis ? 'after a full collection' : 'as it is (no --expose-gc)';
  console.log(`${model} on ${opened.adapter.name}, ${steps} steps; memory sampled ${collected}`);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const rssAt: number[] = [];
  let nextSample = 0;
  let step = 0;
  for await (step of (model === 'font' ? fontSteps : vaeSteps)(opened, steps)) {
    if (performance.now() - started < nextSample) continue;
    nextSample += SAMPLE_MS;
    rssAt.push(memory().rss);
    console.log(line(seconds(), step));
  }
  // While training: from the first sample (after the first submit) to the last; the end is after its release.
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
  const [first, last] = [rssAt[0], rssAt[rssAt.length - 1]];
  console.log(line(seconds(), step, '  (end: the training let go)'));
  console.log(
    `RSS while training: ${mb(first)} after the first submit, ${mb(last)} at the last sample` +
      ` (${mb(last - first)} growth; ${(step / seconds()).toFixed(0)} steps/s)`,
  );
  opened.close();
  process.exit(); // Dawn keeps Node running (math/webgpu/device.ts)
}

await main();
