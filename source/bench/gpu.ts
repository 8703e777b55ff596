/**
 * The GPU section of `sia-ae bench`: the font autoencoder's whole training steps per second on the WebGPU device
 * trainer beside the CPU trainer on `cpu` and `cpu-js`, with the adapter that ran it (and whether it is software),
 * or why no adapter started. Medians of the repeats after a warm-up run (the device compiles its pipelines then).
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

export interface GpuBenchOptions {
  /** Epochs per timed run, and timed runs per trainer. */
  epochs?: number;
  repeats?: number;
  /** Epochs the device records per submit. */
  stepsPerSubmit?: number;
  /** A device opened by the caller, timed and left open (else one is opened here, and closed). */
  device?: OpenDevice;
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
}

/** The options with their defaults filled in. */
type Settings = Required<Omit<GpuBenchOptions, 'device'>> & Pick<GpuBenchOptions, 'device'>;

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

async function deviceRow(glyphs: Glyph[], training: FontTrainingOptions, o: Settings) {
  const opened = o.device ?? (await openDevice());
  const mirror = new FastCpuBackend();
  try {
    const options = { ...training, stepsPerSubmit: o.stepsPerSubmit };
    const time = () => deviceFontSpeed(opened.device, mirror, glyphs, options, o.epochs);
    return {
      adapter: opened.adapter,
      row: row('webgpu', opened.adapter.name, await medianSpeed(time, o.repeats), glyphs.length),
    };
  } finally {
    mirror.dispose();
    if (!o.device) opened.close();
  }
}

async function cpuRow(name: string, backend: Backend, glyphs: Glyph[], training: FontTrainingOptions, o: Settings) {
  try {
    const speed = await medianSpeed(() => cpuFontSpeed(backend, glyphs, training, o.epochs), o.repeats);
    return row(name, backend.name, speed, glyphs.length);
  } finally {
    backend.dispose();
  }
}

/** Times the three trainers on `layers` (full batch of the 32 glyphs, Adam at `lr`). */
export async function benchGpu(layers: number[], lr: number, options: GpuBenchOptions = {}): Promise<GpuBenchReport> {
  const o: Settings = { epochs: 500, repeats: 3, stepsPerSubmit: 25, ...options };
  const glyphs = loadFont();
  const training = fontTraining({ ...FONT_DEFAULTS, layers, lr, seed: 1 });
  const setup = {
    architecture: layers.join('-'),
    batch: glyphs.length,
    epochs: o.epochs,
    stepsPerSubmit: o.stepsPerSubmit,
  };
  let device: { adapter: AdapterReport; row: GpuBenchRow } | undefined;
  let reason: string | undefined;
  try {
    device = await deviceRow(glyphs, training, o);
  } catch (error) {
    reason = (error as Error).message;
  }
  const cpu = await cpuRow('cpu', createCpuBackend(), glyphs, training, o);
  const cpuJs = await cpuRow('cpu-js', new FastCpuBackend(), glyphs, training, o);
  return { ...setup, adapter: device?.adapter, reason, rows: [...(device ? [device.row] : []), cpu, cpuJs] };
}
