/**
 * Font autoencoder benchmarks: the time of one training epoch of a fixed architecture per backend, and the
 * time to reach the target with the defaults over several seeds. Medians, all in one run, side by side.
 */
import { loadFont } from '../data/font.js';
import type { Backend } from '../math/backend.js';
import { median } from '../math/median.js';
import { trainFont, type GlyphDone } from '../train/font.js';
import { FONT_DEFAULTS, fontTraining, type FontConfig } from '../options/font.js';

export interface EpochTiming {
  backend: string;
  architecture: string;
  msPerEpoch: number;
}

export interface TargetTiming {
  backend: string;
  seeds: number;
  reached: number;
  medianSeconds: number;
  medianEpochs: number;
}

function trainingOptions(config: FontConfig, seed: number, epochs: number, target: number) {
  return fontTraining({ ...config, seed, epochs, target });
}

function lastEvent(events: Iterable<unknown>): GlyphDone {
  let last: unknown;
  for (const event of events) last = event;
  return last as GlyphDone;
}

/** Median milliseconds per epoch of `layers` trained full-batch for `epochs` epochs (target −1: never stops early). */
export function timeFontEpochs(backend: Backend, layers: number[], lr: number, epochs = 300, repeats = 5): EpochTiming {
  const config = { ...FONT_DEFAULTS, layers, lr };
  const glyphs = loadFont();
  const times: number[] = [];
  for (let r = 0; r <= repeats; r++) {
    const done = lastEvent(trainFont(backend, glyphs, trainingOptions(config, r + 1, epochs, -1)));
    if (r > 0) times.push(done.last.elapsedMs / epochs); // the first run warms up the JIT
  }
  return { backend: backend.name, architecture: layers.join('-'), msPerEpoch: median(times) };
}

/** Time to the target with the default configuration, for seeds 1..seeds. */
export function timeToTarget(backend: Backend, seeds = 10): TargetTiming {
  const glyphs = loadFont();
  const seconds: number[] = [],
    epochs: number[] = [];
  let reached = 0;
  lastEvent(trainFont(backend, glyphs, trainingOptions(FONT_DEFAULTS, 0, 200, FONT_DEFAULTS.target))); // warm-up
  for (let seed = 1; seed <= seeds; seed++) {
    const done = lastEvent(
      trainFont(backend, glyphs, trainingOptions(FONT_DEFAULTS, seed, FONT_DEFAULTS.epochs, FONT_DEFAULTS.target)),
    );
    seconds.push(done.last.elapsedMs / 1000);
    epochs.push(done.last.epoch);
    if (done.reachedTarget) reached++;
  }
  return { backend: backend.name, seeds, reached, medianSeconds: median(seconds), medianEpochs: median(epochs) };
}
