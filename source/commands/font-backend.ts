/**
 * What a font run trains on, before it starts: --backend webgpu or gpu opens the device; auto, where a GPU driver
 * shows, opens one too and races it against the CPU trainer on the run's own model (commands/gpu-choice.ts).
 * Undefined leaves the choice to startFontRun's CPU selection.
 */
import type { Glyph } from '../data/font.js';
import { loadFont, selectGlyphs } from '../data/font.js';
import type { BackendSelection, DeviceSelection, Workload } from '../math/select.js';
import { selectDevice } from '../math/select.js';
import { fontTraining, type FontConfig } from '../options/font.js';
import type { RawSettings } from '../config.js';
import { deviceUnsupported, stepsPerSubmitFor } from '../train/font-device.js';
import { cpuFontSpeed, deviceFontSpeed } from '../train/font-speed.js';
import { backendChoice, backendFromSettings, deviceFromSettings } from './backend-choice.js';
import { chooseAuto, chosen, type FontRace, gpuDriverShows } from './gpu-choice.js';

/** The matmul auto's CPU selection times: the batch by the widest layer by the 35 pixels. */
export function fontWorkload(config: FontConfig, glyphs: Glyph[]): Workload {
  return { m: Math.min(config.batch, glyphs.length), n: Math.max(...config.layers.slice(1)), k: 35 };
}

export async function fontSelection(
  settings: RawSettings,
  config: FontConfig,
  driverShows = gpuDriverShows,
): Promise<DeviceSelection | BackendSelection | undefined> {
  if (backendChoice(settings) !== 'auto') return deviceFromSettings(settings);
  if (config.load || !driverShows()) return undefined;
  let glyphs: Glyph[];
  let device: DeviceSelection;
  try {
    glyphs = selectGlyphs(loadFont(), config.subset);
    device = await selectDevice();
  } catch {
    return undefined; // a bad --subset is startFontRun's to report; no adapter leaves the CPU
  }
  const cpu = backendFromSettings(settings, fontWorkload(config, glyphs));
  return chosen(await raceOrNot(device, cpu, glyphs, config), device, cpu);
}

async function raceOrNot(device: DeviceSelection, cpu: BackendSelection, glyphs: Glyph[], config: FontConfig) {
  const { adapter } = device.opened;
  const training = fontTraining(config);
  const unsupported = deviceUnsupported(training, glyphs.length);
  if (unsupported) return { device: false, reason: `auto saw ${adapter.name}; the device trains ${unsupported}` };
  if (adapter.software) return chooseAuto(adapter, cpu.backend.name);
  return chooseAuto(adapter, cpu.backend.name, await race(device, cpu, glyphs, training, config.logEvery));
}

/** A few whole training steps on each trainer, after a warm-up of one submit (the device compiles then). */
async function race(
  device: DeviceSelection,
  cpu: BackendSelection,
  glyphs: Glyph[],
  training: ReturnType<typeof fontTraining>,
  logEvery: number,
): Promise<FontRace> {
  const stepsPerSubmit = stepsPerSubmitFor(logEvery);
  const epochs = stepsPerSubmit * 4;
  const onDevice = (n: number) =>
    deviceFontSpeed(device.opened.device, device.backend, glyphs, { ...training, stepsPerSubmit }, n);
  await onDevice(stepsPerSubmit);
  cpuFontSpeed(cpu.backend, glyphs, training, stepsPerSubmit);
  return { device: await onDevice(epochs), cpu: cpuFontSpeed(cpu.backend, glyphs, training, epochs), epochs };
}
