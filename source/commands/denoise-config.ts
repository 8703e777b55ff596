/**
 * `sia-ae denoise` settings read through its option table (options/denoise.ts), with the checks that join
 * options: the noise model's own parameters only, and every model of the run within the memory.
 */
import { UsageError } from '../errors.js';
import { loadFont } from '../data/font.js';
import { autoencoderSize, checkMemory } from '../nn/memory.js';
import type { NoiseModel, NoiseSpec } from '../data/noise.js';
import { flagName, rejectUnknown, type RawSettings } from '../config.js';
import { DENOISE_OPTIONS, type DenoiseConfig } from '../options/denoise.js';
import { checkScope, parseTable, readOption } from '../options/table.js';

/** Which noise lists each model reads. */
const NOISE_PARAMETERS: Record<NoiseModel, Array<'mutationProb' | 'maxNoise' | 'p' | 'sigma'>> = {
  mutation: ['mutationProb', 'maxNoise'],
  'salt-pepper': ['p'],
  gaussian: ['sigma'],
};

/** Every model the run trains, with a batch and the scoring copies of every glyph in memory at once. */
function checkDenoiseMemory(config: DenoiseConfig): void {
  const glyphs = loadFont().length;
  const rows = Math.min(config.batch, glyphs) + config.copies * glyphs;
  for (const layers of config.sweep ? config.architectures : [config.layers]) {
    checkMemory(
      `${config.sweep ? '--architectures' : '--layers'} ${layers.join(config.sweep ? '-' : ',')}`,
      autoencoderSize(layers),
      rows,
    );
  }
}

export function parseDenoiseConfig(settings: RawSettings): DenoiseConfig {
  rejectUnknown(settings, Object.keys(DENOISE_OPTIONS), 'denoise');
  const sweep = settings.sweep === true;
  // Another model's noise parameter is refused before its value is checked: the model is what is wrong.
  const noise = readOption(DENOISE_OPTIONS, 'noise', settings);
  for (const [model, keys] of Object.entries(NOISE_PARAMETERS)) {
    const stray = model === noise ? undefined : keys.find((key) => settings[key] !== undefined);
    if (stray) throw new UsageError(`${flagName(stray)} applies to --noise ${model}, not ${noise}`);
  }
  checkScope(DENOISE_OPTIONS, settings, sweep);
  const config = parseTable(DENOISE_OPTIONS, settings, sweep);
  checkDenoiseMemory(config);
  return config;
}

/**
 * The settings a run used, as `--config` reads them back: only its noise model's parameters (the others are
 * refused), and only the single run's or the sweep's own settings. Without the export directory itself.
 */
export function runSettings(config: DenoiseConfig): Record<string, unknown> {
  const {
    export: _,
    sweep,
    layers,
    architectures,
    seeds,
    workers,
    logEvery,
    save,
    load,
    mutationProb,
    maxNoise,
    p,
    sigma,
    ...shared
  } = config;
  const noise = Object.fromEntries(NOISE_PARAMETERS[config.noise].map((key) => [key, config[key]]));
  const own = sweep
    ? { sweep, architectures: architectures.map((a) => a.join('-')), seeds, workers }
    : { layers, logEvery, save, load };
  return { ...own, ...shared, ...noise };
}

/** The noise settings of the run: one, or the sweep's grid (mutation: every probability x every max noise). */
export function noiseLevels(config: DenoiseConfig): NoiseSpec[] {
  switch (config.noise) {
    case 'mutation':
      return config.mutationProb.flatMap((mutationProb) =>
        config.maxNoise.map((maxNoise) => ({ model: 'mutation' as const, mutationProb, maxNoise })),
      );
    case 'salt-pepper':
      return config.p.map((p) => ({ model: 'salt-pepper' as const, p }));
    case 'gaussian':
      return config.sigma.map((sigma) => ({ model: 'gaussian' as const, sigma }));
  }
}
