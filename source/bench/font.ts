/**
 * Font autoencoder benchmarks: the time of one training epoch of a fixed architecture per backend, and the
 * time to reach the target with the defaults over several seeds. Medians, all in one run, side by side.
 */
import { loadFont } from '../data/font.js';
import type { Backend } from '../math/backend.js';
import { median } from '../math/median.js';
import { trainFont, type FontDone, type FontTrainingOptions } from '../train/font.js';

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

function lastEvent(events: Iterable<unknown>): FontDone {
  let last: unknown;
  for (const event of events) last = event;
  return last as FontDone;
}

/**
 * Median milliseconds per epoch of `training` (seeds 1..repeats) for `epochs` epochs (target −1: never stops
 * early). The settings come from the caller: the benchmarks sit below the commands that own the defaults.
 */
export function timeFontEpochs(backend: Backend, training: FontTrainingOptions, epochs = 300, repeats = 5): EpochTiming {
  const glyphs = loadFont();
  const times: number[] = [];
  for (let r = 0; r <= repeats; r++) {
    const done = lastEvent(trainFont(backend, glyphs, { ...training, seed: r + 1, epochs, target: -1 }));
    if (r > 0) times.push(done.last.elapsedMs / epochs); // the first run warms up the JIT
  }
  return { backend: backend.name, architecture: training.shape.layers.join('-'), msPerEpoch: median(times) };
}

/** Time to `training`'s target, for seeds 1..seeds. */
export function timeToTarget(backend: Backend, training: FontTrainingOptions, seeds = 10): TargetTiming {
  const glyphs = loadFont();
  const seconds: number[] = [], epochs: number[] = [];
  let reached = 0;
  lastEvent(trainFont(backend, glyphs, { ...training, seed: 0, epochs: 200 })); // warm-up
  for (let seed = 1; seed <= seeds; seed++) {
    const done = lastEvent(trainFont(backend, glyphs, { ...training, seed }));
    seconds.push(done.last.elapsedMs / 1000);
    epochs.push(done.last.epoch);
    if (done.reachedTarget) reached++;
  }
  return { backend: backend.name, seeds, reached, medianSeconds: median(seconds), medianEpochs: median(epochs) };
}
