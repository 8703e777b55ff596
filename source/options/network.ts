/** The network and optimizer options every glyph autoencoder takes (font and denoise), declared once. */
import { ACTIVATIONS, type Activation } from '../math/backend.js';
import { LOSSES, type LossName } from '../nn/losses.js';
import { OPTIMIZERS, type OptimizerName } from '../nn/optim.js';
import { choice, whole } from './kinds.js';
import type { ConfigOf } from './option.js';
import { epochsOption, lrOption, TRAINER } from './shared.js';

export interface NetworkDefaults {
  activation: Activation;
  latentActivation: Activation;
  loss: LossName;
  optimizer: OptimizerName;
  lr: number;
  epochs: number;
  batch: number;
}

/** The options, listed in `group` of the help, with a command's defaults. */
export const networkOptions = (d: NetworkDefaults, group: string) => ({
  activation: choice(ACTIVATIONS, d.activation, { group, help: `hidden layers: ${ACTIVATIONS.join(' | ')}` }),
  /** Identity lets the codes spread freely. */
  latentActivation: choice(ACTIVATIONS, d.latentActivation, { group, help: "the latent layer's" }),
  loss: choice(LOSSES, d.loss, { group, help: LOSSES.join(' | ') }),
  optimizer: choice(OPTIMIZERS, d.optimizer, { group: TRAINER, help: OPTIMIZERS.join(' | ') }),
  lr: lrOption(d.lr),
  epochs: epochsOption(d.epochs),
  batch: whole(d.batch, { min: 1 }, { group, help: 'glyphs per step (32 = full batch)' }),
});

export type NetworkSettings = ConfigOf<ReturnType<typeof networkOptions>>;
