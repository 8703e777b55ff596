/**
 * `sia-ae denoise` settings: the typed config with its defaults, and validation that turns every bad value
 * into one UsageError. The noise lists hold one value for a single run and any number for --sweep.
 */
import { UsageError } from '../errors.js';
import { loadFont } from '../data/font.js';
import { autoencoderSize, checkMemory } from '../nn/memory.js';
import type { Activation } from '../math/backend.js';
import { NOISE_MODELS, type NoiseModel, type NoiseSpec } from '../data/noise.js';
import type { LossName } from '../nn/losses.js';
import type { OptimizerName } from '../nn/optim.js';
import type { AutoencoderShape } from '../nn/autoencoder.js';
import { defaultWorkers } from '../sweep/pool.js';
import {
  flagName, parseChoice, parseList, parseNumber, parseNumberList, parseString, rejectUnknown, SEED_RULE, setting, type RawSettings,
} from '../config.js';
import { OUTPUT_FLAGS, TRAINER_FLAGS } from './command.js';
import { parseSaveFile } from './save-option.js';
import { EXPORT_FLAGS, parseExportDirectory } from './export-option.js';
import { parseNetworkSettings, type NetworkSettings } from './network-config.js';

/** Network settings: Adam at lr 0.01 for 2000 epochs ends every default row with its output error under its input's. */
export interface DenoiseConfig extends NetworkSettings {
  /** Run the grid of architectures x noise settings instead of one training. */
  sweep: boolean;
  /** Encoder widths of the single run, 35 down to the latent size; the decoder mirrors them. */
  layers: number[];
  /** Encoder widths of each architecture the sweep trains (the study's two). */
  architectures: number[][];
  noise: NoiseModel;
  /** Mutation noise: chance that a pixel moves, and the most it moves (toward its opposite value). */
  mutationProb: number[];
  maxNoise: number[];
  /** Salt-and-pepper: chance that a pixel flips. */
  p: number[];
  /** Gaussian: standard deviation of the added noise (then clipped to [0, 1]). */
  sigma: number[];
  /** Fresh noisy copies of each glyph that a model is scored on. */
  copies: number;
  seed: number;
  /** --sweep: train every grid point with seeds seed .. seed + seeds − 1 and report mean ± std. */
  seeds: number;
  /** --sweep: worker threads (default: the cores available). */
  workers: number;
  /** A progress line every this many epochs (single run). */
  logEvery: number;
  save?: string;
  load?: string;
  /** Write figures, tables, result and report of the run to this directory. */
  export?: string;
}

export const DENOISE_DEFAULTS = {
  layers: [35, 25, 12, 12],
  architectures: [[35, 25, 9, 12, 4], [35, 25, 12, 12]],
  activation: 'tanh' as Activation,
  latentActivation: 'identity' as Activation,
  loss: 'bce' as LossName,
  optimizer: 'adam' as OptimizerName,
  lr: 0.01,
  epochs: 2000,
  batch: 32,
  noise: 'mutation' as NoiseModel,
  copies: 10,
  seed: 1,
  seeds: 1,
  logEvery: 100,
};

/** Noise settings of one run, and of the sweep's grid (the study's: {0.1, 0.3} x {0.3, 0.5}). */
export const SINGLE_NOISE = { mutationProb: [0.3], maxNoise: [0.5], p: [0.1], sigma: [0.2] };
export const SWEEP_NOISE = { mutationProb: [0.1, 0.3], maxNoise: [0.3, 0.5], p: [0.05, 0.1, 0.2], sigma: [0.1, 0.2, 0.3] };

/** Which noise lists each model reads. */
const NOISE_PARAMETERS: Record<NoiseModel, Array<keyof typeof SINGLE_NOISE>> = {
  mutation: ['mutationProb', 'maxNoise'],
  'salt-pepper': ['p'],
  gaussian: ['sigma'],
};

export const DENOISE_FLAGS = {
  ...TRAINER_FLAGS,
  ...OUTPUT_FLAGS,
  ...EXPORT_FLAGS,
  sweep: { type: 'boolean' },
  layers: { type: 'string' },
  architectures: { type: 'string' },
  activation: { type: 'string' },
  latentActivation: { type: 'string' },
  loss: { type: 'string' },
  batch: { type: 'string' },
  noise: { type: 'string' },
  mutationProb: { type: 'string' },
  maxNoise: { type: 'string' },
  p: { type: 'string' },
  sigma: { type: 'string' },
  copies: { type: 'string' },
  seeds: { type: 'string' },
  workers: { type: 'string' },
  logEvery: { type: 'string' },
} as const;

/** Encoder widths from "35-25-9-12-4", "35,25,12" or [35, 25, 12]. */
function parseArchitecture(key: string, value: unknown): number[] {
  const text = Array.isArray(value) ? value.join(',') : value;
  const widths = parseNumberList(key, typeof text === 'string' ? text.replace(/-/g, ',') : text, { min: 1, integer: true });
  if (widths[0] !== 35 || widths.length < 2) {
    throw new UsageError(`${flagName(key)}: an architecture runs from 35 (the 7x5 pixels) down to the latent size, e.g. 35-25-12, got ${widths.join('-')}`);
  }
  return widths;
}

/** Architectures "35-25-9-12-4,35-25-12-12" (flag) or ["35-25-9-12-4", [35, 25, 12, 12]] (config file). */
function parseArchitectures(key: string, value: unknown): number[][] {
  const items = Array.isArray(value) ? value : parseList(key, value);
  if (items.length === 0) throw new UsageError(`${flagName(key)} needs at least one architecture, e.g. 35-25-12-12`);
  return items.map((item) => parseArchitecture(key, item));
}

/** Every model the run trains, with a batch and the scoring copies of every glyph in memory at once. */
function checkDenoiseMemory(config: DenoiseConfig): void {
  const glyphs = loadFont().length;
  const rows = Math.min(config.batch, glyphs) + config.copies * glyphs;
  for (const layers of config.sweep ? config.architectures : [config.layers]) {
    checkMemory(`${config.sweep ? '--architectures' : '--layers'} ${layers.join(config.sweep ? '-' : ',')}`, autoencoderSize(layers), rows);
  }
}

export function parseDenoiseConfig(settings: RawSettings): DenoiseConfig {
  rejectUnknown(settings, Object.keys(DENOISE_FLAGS), 'denoise');
  const d = DENOISE_DEFAULTS;
  const sweep = settings.sweep === true;
  const noise = setting(settings, 'noise', d.noise, (k, v) => parseChoice(k, v, NOISE_MODELS));
  for (const [model, keys] of Object.entries(NOISE_PARAMETERS)) {
    const stray = model === noise ? undefined : keys.find((key) => settings[key] !== undefined);
    if (stray) throw new UsageError(`${flagName(stray)} applies to --noise ${model}, not ${noise}`);
  }
  const only = <T>(key: string, value: T): T => {
    if (settings[key] !== undefined && sweep === false) throw new UsageError(`${flagName(key)} needs --sweep`);
    return value;
  };
  for (const key of ['save', 'load', 'layers']) {
    if (sweep && settings[key] !== undefined) throw new UsageError(`${flagName(key)} applies to a single run, not --sweep${key === 'layers' ? ' (use --architectures)' : ''}`);
  }
  const noiseDefaults = sweep ? SWEEP_NOISE : SINGLE_NOISE;
  const noiseList = (key: keyof typeof SINGLE_NOISE, rule: { min: number; max?: number }) => {
    const list = setting(settings, key, noiseDefaults[key], (k, v) => parseNumberList(k, v, rule));
    if (!sweep && list.length > 1) throw new UsageError(`${flagName(key)} takes one value without --sweep, got ${list.join(',')}`);
    return list;
  };
  const probability = { min: 0, max: 1 };
  const config: DenoiseConfig = {
    sweep,
    layers: setting(settings, 'layers', d.layers, parseArchitecture),
    architectures: only('architectures', setting(settings, 'architectures', d.architectures, parseArchitectures)),
    ...parseNetworkSettings(settings, d),
    noise,
    mutationProb: noiseList('mutationProb', probability),
    maxNoise: noiseList('maxNoise', probability),
    p: noiseList('p', probability),
    sigma: noiseList('sigma', { min: 0 }),
    copies: setting(settings, 'copies', d.copies, (k, v) => parseNumber(k, v, { min: 1, max: 1000, integer: true })),
    seed: setting(settings, 'seed', d.seed, (k, v) => parseNumber(k, v, SEED_RULE)),
    seeds: only('seeds', setting(settings, 'seeds', d.seeds, (k, v) => parseNumber(k, v, { min: 1, max: 100, integer: true }))),
    workers: only('workers', setting(settings, 'workers', defaultWorkers(), (k, v) => parseNumber(k, v, { min: 1, max: 64, integer: true }))),
    logEvery: setting(settings, 'logEvery', d.logEvery, (k, v) => parseNumber(k, v, { min: 1, integer: true })),
    save: parseSaveFile(settings),
    load: setting(settings, 'load', undefined, parseString),
    export: parseExportDirectory(settings),
  };
  checkDenoiseMemory(config);
  return config;
}

/**
 * The settings a run used, as `--config` reads them back: only its noise model's parameters (the others are
 * refused), and only the single run's or the sweep's own settings. Without the export directory itself.
 */
export function runSettings(config: DenoiseConfig): Record<string, unknown> {
  const { export: _, sweep, layers, architectures, seeds, workers, logEvery, save, load, mutationProb, maxNoise, p, sigma, ...shared } = config;
  const noise = Object.fromEntries(NOISE_PARAMETERS[config.noise].map((key) => [key, config[key]]));
  const own = sweep ? { sweep, architectures: architectures.map((a) => a.join('-')), seeds, workers } : { layers, logEvery, save, load };
  return { ...own, ...shared, ...noise };
}

/** The noise settings of the run: one, or the sweep's grid (mutation: every probability x every max noise). */
export function noiseLevels(config: DenoiseConfig): NoiseSpec[] {
  switch (config.noise) {
    case 'mutation':
      return config.mutationProb.flatMap((mutationProb) => config.maxNoise.map((maxNoise) => ({ model: 'mutation' as const, mutationProb, maxNoise })));
    case 'salt-pepper':
      return config.p.map((p) => ({ model: 'salt-pepper' as const, p }));
    case 'gaussian':
      return config.sigma.map((sigma) => ({ model: 'gaussian' as const, sigma }));
  }
}

export function denoiseShape(config: DenoiseConfig, layers: number[]): AutoencoderShape {
  return { layers, activation: config.activation, latentActivation: config.latentActivation, outputActivation: 'sigmoid' };
}

/** Training settings shared by every model of the run (target −1: denoisers train every epoch). */
export function denoiseTraining(config: DenoiseConfig, layers: number[], seed: number) {
  return {
    shape: denoiseShape(config, layers), loss: config.loss, optimizer: config.optimizer, lr: config.lr,
    epochs: config.epochs, batch: config.batch, target: -1, seed,
  };
}
