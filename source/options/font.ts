/** `sia-ae font` options: one training, and the grid of --sweep; and the training settings they make. */
import { LEARNING_RATE_RULE, parseNumberList, rejectUnknown, type RawSettings } from '../config.js';
import { UsageError } from '../errors.js';
import type { AutoencoderShape } from '../nn/autoencoder.js';
import type { FontTrainingOptions } from '../train/font.js';
import { custom, numbers, switchOption, text, texts, whole } from './kinds.js';
import { networkOptions } from './network.js';
import type { ConfigOf } from './option.js';
import { defaultsOf, parseTable } from './table.js';
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

/** The --help sections of font's own options. */
export const FONT = 'font';
export const SWEEP = 'sweep';

/** Encoder widths from the 35 pixels down to the latent size; the decoder mirrors them. */
const layersOption = custom(
  [35, 30, 2],
  (key, value) => {
    const layers = parseNumberList(key, value, { min: 1, integer: true });
    if (layers[0] !== 35) {
      throw new UsageError(`--layers must start at 35 (the 7x5 pixels of a glyph), got ${layers.join(',')}`);
    }
    if (layers.length < 2) throw new UsageError('--layers needs at least the input and the latent size, e.g. 35,2');
    return layers;
  },
  {
    placeholder: 'LIST',
    group: FONT,
    help: 'encoder widths from 35 down to the latent size; the decoder mirrors them (35-30-2-30-35)',
  },
);

/** One training. lr 0.02 with Adam reached the target on 60 of 60 seeds, in a median of ~210 epochs. */
export const FONT_OPTIONS = {
  layers: layersOption,
  ...networkOptions(
    {
      activation: 'tanh',
      latentActivation: 'identity',
      loss: 'bce',
      optimizer: 'adam',
      lr: 0.02,
      epochs: 5000,
      batch: 32,
    },
    FONT,
  ),
  subset: text({ placeholder: 'CHARS', group: FONT, help: 'train on these characters only, e.g. aben' }),
  target: whole(1, { min: 0, max: 35 }, { group: FONT, help: 'stop once every glyph has at most N wrong pixels' }),
  seed: seedOption(1),
  /** Plain and JSON output. */
  logEvery: whole(25, { min: 1 }, { group: FONT, help: 'a progress line every N epochs' }),
  save: saveOption(),
  load: loadOption(),
  export: exportOption(),
  exitOnDone: switchOption({ group: FONT, help: 'close the dashboard when training ends (else: until q)' }),
  pace: paceOption(FONT),
};

/** The grid of --sweep: every latent size x subset x learning rate (x seed), the other settings shared. */
export const FONT_SWEEP_OPTIONS = {
  sweep: switchOption({ group: SWEEP, help: 'train every latent size x subset x learning rate on worker threads' }),
  latent: numbers(
    [1, 2, 3, 4],
    { min: 1, integer: true },
    {
      group: SWEEP,
      scope: 'sweep',
      help: 'latent sizes (the last --layers width)',
    },
  ),
  subsets: texts(['full'], { group: SWEEP, scope: 'sweep', help: 'character sets, "full" = all 32, e.g. full,aben' }),
  lr: numbers([FONT_OPTIONS.lr.default], LEARNING_RATE_RULE, { group: SWEEP, help: 'learning rates' }),
  seeds: seedsOption(SWEEP, 'seeds --seed .. --seed+N-1 per grid point'),
  workers: workersOption(SWEEP),
};

/** Every flag `font` takes (the single run's --lr is the one --help lists: the sweep's takes a list). */
export const FONT_COMMAND_OPTIONS = { ...FONT_SWEEP_OPTIONS, ...FONT_OPTIONS, ...trainerFlags() };

export type FontConfig = ConfigOf<typeof FONT_OPTIONS>;
export type FontSweepGrid = ConfigOf<typeof FONT_SWEEP_OPTIONS>;

export const FONT_DEFAULTS: FontConfig = defaultsOf(FONT_OPTIONS);

/** The settings of one font training (a sweep's base: every setting but its grid's). */
export function parseFontConfig(settings: RawSettings): FontConfig {
  rejectUnknown(settings, Object.keys(FONT_COMMAND_OPTIONS), 'font');
  return parseTable(FONT_OPTIONS, settings);
}

export function fontShape(config: Pick<FontConfig, 'layers' | 'activation' | 'latentActivation'>): AutoencoderShape {
  const { layers, activation, latentActivation } = config;
  return { layers, activation, latentActivation, outputActivation: 'sigmoid' };
}

/** The training settings of a font run (its shape made from the config unless a loaded model brings one). */
export function fontTraining(config: FontConfig, shape = fontShape(config)): FontTrainingOptions {
  const { loss, optimizer, lr, epochs, batch, target, seed } = config;
  return { shape, loss, optimizer, lr, epochs, batch, target, seed };
}
