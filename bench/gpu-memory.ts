/**
 * Whether a long device training holds on to memory: the font autoencoder trained on the WebGPU device for
 * --epochs epochs (target never reached), RSS and heap sampled as it trains, and the growth printed. RSS is what
 * the process holds, Dawn's and the driver's buffers included (on llvmpipe "GPU" memory is process memory; on a
 * real GPU the driver's share shows in nvidia-smi instead). A benchmark outside the test run: nothing is asserted.
 *
 *   npx tsx bench/gpu-memory.ts [--epochs 100000] [--steps-per-submit 25]
 */
import { parseArgs } from 'node:util';
import { loadFont } from '../source/data/font.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { openDevice } from '../source/math/webgpu/device.js';
import { FONT_DEFAULTS, fontTraining } from '../source/options/font.js';
import { startDeviceFontTraining } from '../source/train/font-device.js';

const MB = 1024 * 1024;
const SAMPLE_MS = 10_000;

function line(seconds: number, epoch: number, note = ''): string {
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1).padStart(7)} MB`;
  const at = `${seconds.toFixed(0).padStart(5)} s  epoch ${String(epoch).padStart(8)}`;
  return `${at}  rss ${mb(rss)}  heap ${mb(heapUsed)}${note}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { epochs: { type: 'string' }, 'steps-per-submit': { type: 'string' } } });
  const epochs = Number(values.epochs ?? 100_000);
  const stepsPerSubmit = Number(values['steps-per-submit'] ?? 25);
  const opened = await openDevice();
  console.log(`font autoencoder on ${opened.adapter.name}, ${epochs} epochs, ${stepsPerSubmit} per submit`);
  // Target −1 is never reached: every epoch trains.
  const options = { ...fontTraining({ ...FONT_DEFAULTS, epochs, target: -1 }), stepsPerSubmit };
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const rssAt = [process.memoryUsage().rss];
  let nextSample = 0;
  let epoch = 0;
  const { events } = startDeviceFontTraining(opened.device, new FastCpuBackend(), loadFont(), options);
  for await (const event of events) {
    if (event.type !== 'epoch') continue;
    epoch = event.epoch;
    if (performance.now() - started < nextSample) continue;
    nextSample += SAMPLE_MS;
    rssAt.push(process.memoryUsage().rss);
    console.log(line(seconds(), epoch));
  }
  rssAt.push(process.memoryUsage().rss);
  const [first, second] = rssAt;
  const last = rssAt[rssAt.length - 1];
  console.log(line(seconds(), epoch, '  (end)'));
  console.log(
    `RSS growth: ${((last - first) / MB).toFixed(1)} MB from the start,` +
      ` ${((last - second) / MB).toFixed(1)} MB after the first submit (${(epoch / seconds()).toFixed(0)} epochs/s)`,
  );
  opened.close();
  process.exit(); // Dawn keeps Node running (math/webgpu/device.ts)
}

await main();
