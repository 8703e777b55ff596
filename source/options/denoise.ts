/**
 * `sia-ae denoise` options, one run's and --sweep's, and the training settings they make. The noise lists
 * hold one value for a single run and any number for --sweep.
 */
import { flagName, parseList, parseNumberList, type NumberRule, type RawSettings } from '../config.js';
import { NOISE_MODELS } from '../data/noise.js';
import { UsageError } from '../errors.js';
import type { AutoencoderShape } from '../nn/autoencoder.js';
import type { FontTrainingOptions } from '../train/font.js';
import { choice, custom, switchOption, whole } from './kinds.js';
import { networkOptions } from './network.js';
import type { ConfigOf, Option, OptionText } from './option.js';
import { defaultsOf } from './table.js';
import {
  exportOption,
  loadOption,
  paceOption,
  saveOption,
  seedOption,
  seedsOption,
  trainerFlags,
  workersOption,
} from './shared.js';

/** The --help sections of denoise's own options. */
export const NOISE = 'noise';
export const MODEL = 'model';
export const SWEEP = 'sweep';

/** Encoder widths from "35-25-9-12-4", "35,25,12" or [35, 25, 12]. */
function parseArchitecture(key: string, value: unknown): number[] {
  const text = Array.isArray(value) ? value.join(',') : value;
  const list = typeof text === 'string' ? text.replace(/-/g, ',') : text;
  const widths = parseNumberList(key, list, { min: 1, integer: true });
  if (widths[0] !== 35 || widths.length < 2) {
    throw new UsageError(
      `${flagName(key)}: an architecture runs from 35 (the 7x5 pixels) down to the latent size, e.g. 35-25-12,` +
        ` got ${widths.join('-')}`,
    );
  }
  return widths;
}

/** Architectures "35-25-9-12-4,35-25-12-12" (flag) or ["35-25-9-12-4", [35, 25, 12, 12]] (config file). */
function parseArchitectures(key: string, value: unknown): number[][] {
  const items = Array.isArray(value) ? value : parseList(key, value);
  if (items.length === 0) throw new UsageError(`${flagName(key)} needs at least one architecture, e.g. 35-25-12-12`);
  return items.map((item) => parseArchitecture(key, item));
}

/**
 * A noise parameter: one value for a run, the list a sweep walks: the study's {0.1, 0.3} x {0.3, 0.5}, plus max
 * noise 0.8, the only one that crosses 0.5 and so makes wrong input pixels (more noise, more error).
 */
function noiseList(single: number, sweep: number[], rule: NumberRule, text: OptionText): Option<number[]> {
  const option = custom(
    [single],
    (key: string, value: unknown, settings: RawSettings) => {
      const list = parseNumberList(key, value, rule);
      if (settings.sweep !== true && list.length > 1) {
        throw new UsageError(`${flagName(key)} takes one value without --sweep, got ${list.join(',')}`);
      }
      return list;
    },
    { placeholder: 'X', group: NOISE, ...text },
  );
  return { ...option, sweepDefault: sweep };
}

const probability = { min: 0, max: 1 };

/** Adam at lr 0.01 for 2000 epochs ends every default row with its output error under its input's. */
export const DENOISE_OPTIONS = {
  sweep: switchOption({ group: SWEEP, help: 'run the grid, plus the baselines' }),
  layers: custom([35, 25, 12, 12], parseArchitecture, {
    placeholder: 'LIST',
    group: MODEL,
    scope: 'run',
    insteadInSweep: ' (use --architectures)',
    help: 'encoder widths, 35 down to the latent size (one run)',
  }),
  /** Encoder widths of each architecture the sweep trains (the study's two). */
  architectures: custom(
    [
      [35, 25, 9, 12, 4],
      [35, 25, 12, 12],
    ],
    parseArchitectures,
    {
      placeholder: 'LIST',
      group: SWEEP,
      scope: 'sweep',
      help: '',
    },
  ),
  ...networkOptions(
    {
      activation: 'tanh',
      latentActivation: 'identity',
      loss: 'bce',
      optimizer: 'adam',
      lr: 0.01,
      epochs: 2000,
      batch: 32,
    },
    MODEL,
  ),
  noise: choice(NOISE_MODELS, 'mutation', { group: NOISE, help: NOISE_MODELS.join(' | ') }),
  mutationProb: noiseList(0.3, [0.1, 0.3], probability, { help: 'chance that a pixel moves toward its opposite' }),
  maxNoise: noiseList(0.5, [0.3, 0.5, 0.8], probability, { help: 'it moves by a uniform amount in [0, X]' }),
  p: noiseList(0.1, [0.05, 0.1, 0.2], probability, { help: 'salt-pepper: chance that a pixel flips' }),
  sigma: noiseList(0.2, [0.1, 0.2, 0.3], { min: 0 }, { help: 'gaussian: adds N(0, X), clipped to [0, 1]' }),
  /** Fresh noisy copies of each glyph that a model is scored on. */
  copies: whole(10, { min: 1, max: 1000 }, { group: NOISE, help: 'noisy copies per glyph when scoring' }),
  seed: seedOption(1),
  seeds: seedsOption(SWEEP, 'seeds --seed .. --seed+N-1 per grid point; the tables show mean ± std'),
  workers: workersOption(SWEEP),
  logEvery: whole(100, { min: 1 }, { group: MODEL, help: 'a progress line every N epochs (one run)' }),
  save: saveOption(),
  load: loadOption(),
  export: exportOption(),
  pace: paceOption(MODEL),
  ...trainerFlags(),
};

export type DenoiseConfig = ConfigOf<typeof DENOISE_OPTIONS>;

export const DENOISE_DEFAULTS: DenoiseConfig = defaultsOf(DENOISE_OPTIONS);

export function denoiseShape(config: DenoiseConfig, layers: number[]): AutoencoderShape {
  const { activation, latentActivation } = config;
  return { layers, activation, latentActivation, outputActivation: 'sigmoid' };
}

/** Training settings shared by every model of the run (target −1: denoisers train every epoch). */
export function denoiseTraining(config: DenoiseConfig, layers: number[], seed: number): FontTrainingOptions {
  return {
    shape: denoiseShape(config, layers),
    loss: config.loss,
    optimizer: config.optimizer,
    lr: config.lr,
    epochs: config.epochs,
    batch: config.batch,
    target: -1,
    seed,
  };
}
