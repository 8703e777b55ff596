/**
 * The GPU section of `sia-ae bench`: the font autoencoder's whole training steps per second on the WebGPU device
 * trainer beside the CPU trainer on `cpu` and `cpu-js`, and the VAE's training samples per second on the device
 * beside `cpu` (the default model, and a wide one at a large batch), with the adapter that ran it (and whether it
 * is software), or why no adapter started. Medians of the repeats after a warm-up run (the device compiles its
 * pipelines then).
 */
import { loadFont, type Glyph } from '../data/font.js';
import type { Backend } from '../math/backend.js';
import { FastCpuBackend } from '../math/fast-cpu.js';
import { median } from '../math/median.js';
import { createCpuBackend } from '../math/select.js';
import { type AdapterReport, type OpenDevice, openDevice } from '../math/webgpu/device.js';
import { FONT_DEFAULTS, fontTraining } from '../options/font.js';
import type { FontTrainingOptions } from '../train/font.js';
import { cpuFontSpeed, deviceFontSpeed } from '../train/font-speed.js';
import { VaeTraining } from '../train/vae.js';
import { DeviceVaeTraining } from '../train/vae-device.js';
import { speedData, vaeSpeed } from '../train/vae-speed.js';
import { IMAGE_PIXELS, sliceSet } from '../data/mnist.js';
import { Vae } from '../nn/vae.js';
import type { VaeTrainingOptions } from '../nn/vae-checkpoint.js';

export interface GpuBenchOptions {
  /** Epochs per timed run, and timed runs per trainer. */
  epochs?: number;
  repeats?: number;
  /** Epochs the device records per submit. */
  stepsPerSubmit?: number;
  /** A device opened by the caller, timed and left open (else one is opened here, and closed). */
  device?: OpenDevice;
  /** The VAE models timed, and batches per timed run on the device and on the CPU. */
  vae?: { models: VaeBenchModel[]; deviceBatches: number; cpuBatches: number };
}

export interface VaeBenchModel {
  hidden: number[];
  latent: number;
  batch: number;
  /** Not timed on a software adapter, where it would take minutes. */
  hardwareOnly?: boolean;
}

/** The VAE as the course runs it, and a wide one at a large batch, where a GPU should pull far ahead. */
export const VAE_BENCH_MODELS: VaeBenchModel[] = [
  { hidden: [400], latent: 20, batch: 128 },
  { hidden: [1024, 1024], latent: 20, batch: 512, hardwareOnly: true },
];

export interface VaeGpuBench {
  architecture: string;
  batch: number;
  /** Training samples/s: the device's (absent when it was not timed) and the CPU's, and their ratio. */
  webgpu?: number;
  cpu: number;
  cpuBackend: string;
  speedup?: number;
  /** Why the device was not timed. */
  skipped?: string;
}

export interface GpuBenchRow {
  /** `webgpu`, `cpu` or `cpu-js`. */
  name: string;
  /** What ran it: the adapter's name, or the CPU backend `cpu` picked. */
  ranOn: string;
  stepsPerSecond: number;
  samplesPerSecond: number;
}

export interface GpuBenchReport {
  architecture: string;
  batch: number;
  epochs: number;
  stepsPerSubmit: number;
  /** The adapter the device trainer ran on; absent when none started. */
  adapter?: AdapterReport;
  /** Why no adapter started. */
  reason?: string;
  rows: GpuBenchRow[];
  vae: VaeGpuBench[];
}

/** The options with their defaults filled in. */
type Settings = Required<Omit<GpuBenchOptions, 'device'>> & Pick<GpuBenchOptions, 'device'>;

const VAE_DEFAULTS: Settings['vae'] = { models: VAE_BENCH_MODELS, deviceBatches: 20, cpuBatches: 4 };

type Timer = () => Promise<number> | number;

async function medianSpeed(time: Timer, repeats: number): Promise<number> {
  await time(); // warm-up: the JIT, the device's pipelines
  const speeds: number[] = [];
  for (let r = 0; r < repeats; r++) speeds.push(await time());
  return median(speeds);
}

function row(name: string, ranOn: string, stepsPerSecond: number, batch: number): GpuBenchRow {
  return { name, ranOn, stepsPerSecond, samplesPerSecond: stepsPerSecond * batch };
}

async function deviceRow(opened: OpenDevice, glyphs: Glyph[], training: FontTrainingOptions, o: Settings) {
  const mirror = new FastCpuBackend();
  try {
    const options = { ...training, stepsPerSubmit: o.stepsPerSubmit };
    const time = () => deviceFontSpeed(opened.device, mirror, glyphs, options, o.epochs);
    return row('webgpu', opened.adapter.name, await medianSpeed(time, o.repeats), glyphs.length);
  } finally {
    mirror.dispose();
  }
}

function vaeOptions({ hidden, latent, batch }: VaeBenchModel): VaeTrainingOptions {
  return { shape: { input: IMAGE_PIXELS, hidden, latent }, optimizer: 'adam', lr: 1e-3, epochs: 1, batch, seed: 1 };
}

/** Why the device does not time this model, or undefined when it does. */
function deviceSkipped(model: VaeBenchModel, opened: OpenDevice | undefined): string | undefined {
  if (!opened) return 'no adapter';
  return model.hardwareOnly && opened.adapter.software ? 'on a software adapter' : undefined;
}

/** One VAE model's samples/s on the device (when one is open, and not skipped) and on `cpu`. */
async function vaeBench(model: VaeBenchModel, opened: OpenDevice | undefined, o: Settings): Promise<VaeGpuBench> {
  const options = vaeOptions(model);
  const { cpuBatches, deviceBatches } = o.vae;
  // One read of the images both trainers take their first batches from.
  const data = speedData(model.batch * Math.max(cpuBatches, deviceBatches));
  const firstBatches = (batches: number) => ({ ...data, train: sliceSet(data.train, 0, model.batch * batches) });
  const backend = createCpuBackend();
  const cpuData = firstBatches(cpuBatches);
  const cpu = await medianSpeed(() => vaeSpeed(new VaeTraining(backend, cpuData, options)), o.repeats);
  backend.dispose();
  const result = { architecture: Vae.architectureOf(options.shape), batch: model.batch, cpu, cpuBackend: backend.name };
  const skipped = deviceSkipped(model, opened);
  if (!opened || skipped) return { ...result, skipped };
  const deviceData = firstBatches(deviceBatches);
  const time = () => vaeSpeed(new DeviceVaeTraining(opened.device, new FastCpuBackend(), deviceData, options));
  const webgpu = await medianSpeed(time, o.repeats);
  return { ...result, webgpu, speedup: webgpu / cpu };
}

async function cpuRow(name: string, backend: Backend, glyphs: Glyph[], training: FontTrainingOptions, o: Settings) {
  try {
    const speed = await medianSpeed(() => cpuFontSpeed(backend, glyphs, training, o.epochs), o.repeats);
    return row(name, backend.name, speed, glyphs.length);
  } finally {
    backend.dispose();
  }
}

/** Times the font trainers on `layers` (full batch of the 32 glyphs, Adam at `lr`), then the VAE models. */
export async function benchGpu(layers: number[], lr: number, options: GpuBenchOptions = {}): Promise<GpuBenchReport> {
  const o: Settings = { epochs: 500, repeats: 3, stepsPerSubmit: 25, vae: VAE_DEFAULTS, ...options };
  const glyphs = loadFont();
  const training = fontTraining({ ...FONT_DEFAULTS, layers, lr, seed: 1 });
  const setup = {
    architecture: layers.join('-'),
    batch: glyphs.length,
    epochs: o.epochs,
    stepsPerSubmit: o.stepsPerSubmit,
  };
  let opened: OpenDevice | undefined;
  let reason: string | undefined;
  try {
    opened = o.device ?? (await openDevice());
  } catch (error) {
    reason = (error as Error).message;
  }
  try {
    const device = opened && (await deviceRow(opened, glyphs, training, o));
    const cpu = await cpuRow('cpu', createCpuBackend(), glyphs, training, o);
    const cpuJs = await cpuRow('cpu-js', new FastCpuBackend(), glyphs, training, o);
    const vae: VaeGpuBench[] = [];
    for (const model of o.vae.models) vae.push(await vaeBench(model, opened, o));
    return { ...setup, adapter: opened?.adapter, reason, rows: [...(device ? [device] : []), cpu, cpuJs], vae };
  } finally {
    if (!o.device) opened?.close();
  }
}
