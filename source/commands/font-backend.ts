/**
 * What a glyph run (`sia-ae font`, one `sia-ae denoise` run) trains on, before it starts: --backend webgpu or gpu
 * opens the device; auto, where a GPU driver shows, opens one too and races it against the CPU trainer on the
 * run's own model (commands/gpu-choice.ts). Undefined leaves the choice to the run's CPU selection.
 */
import type { Glyph } from '../data/font.js';
import { loadFont, selectGlyphs } from '../data/font.js';
import { UsageError } from '../errors.js';
import type { BackendSelection, DeviceSelection, Workload } from '../math/select.js';
import type { Autoencoder } from '../nn/autoencoder.js';
import { fontTraining, type FontConfig } from '../options/font.js';
import type { RawSettings } from '../config.js';
import {
  type DeviceFontTraining,
  deviceUnsupported,
  startDeviceFontTraining,
  stepsPerSubmitFor,
} from '../train/font-device.js';
import { type FontTraining, type FontTrainingOptions, startFontTraining } from '../train/font.js';
import { cpuFontSpeed, deviceFontSpeed } from '../train/font-speed.js';
import { backendChoice, deviceFromSettings } from './backend-choice.js';
import { autoOnDevice, gpuDriverShows, type Race } from './gpu-choice.js';

/** The matmul auto's CPU selection times: the batch by the widest layer by the 35 pixels (font and denoise). */
export function fontWorkload(config: { batch: number; layers: number[] }, glyphs: Glyph[]): Workload {
  return { m: Math.min(config.batch, glyphs.length), n: Math.max(...config.layers.slice(1)), k: 35 };
}

/** What auto needs of a glyph run before it starts. */
export interface GlyphRunPlan {
  /** The run's glyphs; may throw (a bad --subset), which the run itself then reports. */
  glyphs: () => Glyph[];
  training: FontTrainingOptions;
  logEvery: number;
  /** A loaded model trains on the CPU under auto: the race would train it. */
  load?: string;
}

export function fontSelection(
  settings: RawSettings,
  config: FontConfig,
  driverShows = gpuDriverShows,
): Promise<DeviceSelection | BackendSelection | undefined> {
  const plan: GlyphRunPlan = {
    glyphs: () => selectGlyphs(loadFont(), config.subset),
    training: fontTraining(config),
    logEvery: config.logEvery,
    load: config.load,
  };
  return glyphRunSelection(settings, plan, driverShows);
}

export async function glyphRunSelection(
  settings: RawSettings,
  plan: GlyphRunPlan,
  driverShows = gpuDriverShows,
): Promise<DeviceSelection | BackendSelection | undefined> {
  if (backendChoice(settings) !== 'auto') return deviceFromSettings(settings);
  if (plan.load) return undefined;
  let glyphs: Glyph[];
  try {
    glyphs = plan.glyphs();
  } catch {
    return undefined; // a bad --subset is the run's to report
  }
  const unsupported = deviceUnsupported(plan.training, glyphs.length);
  const onDevice = (device: DeviceSelection, cpu: BackendSelection) =>
    race(device, cpu, glyphs, plan.training, plan.logEvery);
  return autoOnDevice(driverShows, onDevice, unsupported);
}

/** A few whole training steps on each trainer, after a warm-up of one submit (the device compiles then). */
async function race(
  device: DeviceSelection,
  cpu: BackendSelection,
  glyphs: Glyph[],
  training: FontTrainingOptions,
  logEvery: number,
): Promise<Race> {
  const stepsPerSubmit = stepsPerSubmitFor(logEvery);
  const epochs = stepsPerSubmit * 4;
  const onDevice = (n: number) =>
    deviceFontSpeed(device.opened.device, device.backend, glyphs, { ...training, stepsPerSubmit }, n);
  await onDevice(stepsPerSubmit);
  cpuFontSpeed(cpu.backend, glyphs, training, stepsPerSubmit);
  const unit = `epochs/s over ${epochs} epochs`;
  return { device: await onDevice(epochs), cpu: cpuFontSpeed(cpu.backend, glyphs, training, epochs), unit };
}

/**
 * A glyph run's training: on the device when the selection is one (a usage error naming what the device trainer
 * cannot train yet), else the CPU trainer on the selection's backend.
 */
export function startGlyphTraining(
  selection: DeviceSelection | BackendSelection,
  glyphs: Glyph[],
  { training, logEvery }: { training: FontTrainingOptions; logEvery: number },
  loaded?: Autoencoder,
): FontTraining | DeviceFontTraining {
  if (!('opened' in selection)) return startFontTraining(selection.backend, glyphs, training, loaded);
  const unsupported = deviceUnsupported(training, glyphs.length);
  if (unsupported) throw new UsageError(`--backend webgpu trains ${unsupported}, for now`);
  const options = { ...training, stepsPerSubmit: stepsPerSubmitFor(logEvery) };
  return startDeviceFontTraining(selection.opened.device, selection.backend, glyphs, options, loaded);
}

/** Starts a run on `selection`, which is closed (the device with it) when the run cannot start. */
export function startOn<T>(selection: BackendSelection | undefined, start: () => T): T {
  try {
    return start();
  } catch (error) {
    selection?.backend.dispose();
    throw error;
  }
}
