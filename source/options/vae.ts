/** `sia-ae vae` options: the variational autoencoder on MNIST or Fashion-MNIST. */
import { DATASETS } from '../data/mnist.js';
import { OPTIMIZERS } from '../nn/optim.js';
import { choice, numbers, whole } from './kinds.js';
import type { ConfigOf } from './option.js';
import { epochsOption, exportOption, loadOption, lrOption, saveOption, seedOption, trainerFlags } from './shared.js';
import { parseTable } from './table.js';
import { rejectUnknown, type RawSettings } from '../config.js';

/** The --help section of the VAE's own options. */
export const VAE = 'vae';

export const VAE_OPTIONS = {
  dataset: choice(DATASETS, 'mnist', { group: VAE, help: "mnist | fashion (Debian's dataset-fashion-mnist)" }),
  /** PyTorch's example: one layer of 400. */
  layers: numbers(
    [400],
    { min: 1, integer: true },
    {
      group: VAE,
      help: 'encoder hidden widths; the decoder mirrors them',
    },
  ),
  /** 2 lets the latent space be drawn as it is; PyTorch's example uses 20. */
  latent: whole(2, { min: 1 }, { group: VAE, help: 'latent size (2 draws the latent space as it is)' }),
  /** `both` compares Adam and RMSProp, trained from the same initial weights and the same shuffling. */
  optimizer: choice([...OPTIMIZERS, 'both'], 'adam', {
    group: VAE,
    help:
      `${[...OPTIMIZERS, 'both'].join(' | ')}; both: Adam and RMSProp from the same start, compared` +
      ' (--json: the result line holds runs: [one per optimizer])',
  }),
  lr: lrOption(1e-3),
  epochs: epochsOption(10),
  batch: whole(128, { min: 1 }, { group: VAE, help: 'images per step' }),
  validation: whole(
    10_000,
    { min: 0 },
    {
      group: VAE,
      help: 'hold out the last N training images; 0: train on all 60,000 (no validation loss)',
    },
  ),
  /** For quick runs. */
  trainSize: whole(undefined, { min: 1 }, { group: VAE, shown: 'all', help: 'train on the first N of the rest only' }),
  seed: seedOption(1),
  /** Checked with the checkpoint file names, which --optimizer both derives from it. */
  save: saveOption(false),
  load: loadOption(),
  export: exportOption(),
  ...trainerFlags(),
};

export type VaeConfig = ConfigOf<typeof VAE_OPTIONS>;

export function parseVaeConfig(settings: RawSettings): VaeConfig {
  rejectUnknown(settings, Object.keys(VAE_OPTIONS), 'vae');
  return parseTable(VAE_OPTIONS, settings);
}
