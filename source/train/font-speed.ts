/**
 * Whole font training steps per second, on the CPU trainer and on the device trainer, timed the same way: a run
 * of `epochs` full-batch epochs that never stops early (target −1), its elapsed time as the trainer reports it.
 * The bench's GPU section and `auto`'s race use it, so both compare the same thing.
 */
import type { Glyph } from '../data/font.js';
import type { Backend } from '../math/backend.js';
import { startDeviceFontTraining } from './font-device.js';
import { trainFont, type FontTrainingOptions, type GlyphEvent } from './font.js';

function stepsPerSecond(done: GlyphEvent | undefined): number {
  if (done?.type !== 'done') throw new Error('the timed font run stopped early');
  return (done.last.epoch * 1000) / done.last.elapsedMs;
}

function timedOptions(options: FontTrainingOptions, epochs: number): FontTrainingOptions {
  return { ...options, epochs, target: -1 };
}

/** Epochs per second of the CPU trainer on `backend`. */
export function cpuFontSpeed(backend: Backend, glyphs: Glyph[], options: FontTrainingOptions, epochs: number): number {
  let last: GlyphEvent | undefined;
  for (const event of trainFont(backend, glyphs, timedOptions(options, epochs))) last = event;
  return stepsPerSecond(last);
}

/** Epochs per second of the device trainer, `stepsPerSubmit` epochs per submit; `mirror` holds its CPU copy. */
export async function deviceFontSpeed(
  device: GPUDevice,
  mirror: Backend,
  glyphs: Glyph[],
  options: FontTrainingOptions & { stepsPerSubmit: number },
  epochs: number,
): Promise<number> {
  const { events } = startDeviceFontTraining(device, mirror, glyphs, { ...options, ...timedOptions(options, epochs) });
  let last: GlyphEvent | undefined;
  for await (const event of events) last = event;
  return stepsPerSecond(last);
}
