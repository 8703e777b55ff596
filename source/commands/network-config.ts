/** The network and optimizer settings every glyph autoencoder takes (font and denoise), parsed one way. */
import { ACTIVATIONS, type Activation } from '../math/backend.js';
import { LOSSES, type LossName } from '../nn/losses.js';
import { OPTIMIZERS, type OptimizerName } from '../nn/optim.js';
import { LEARNING_RATE_RULE, parseChoice, parseNumber, setting, type RawSettings } from '../config.js';

export interface NetworkSettings {
  /** Hidden-layer activation. */
  activation: Activation;
  /** Latent-layer activation: identity lets the codes spread freely. */
  latentActivation: Activation;
  loss: LossName;
  optimizer: OptimizerName;
  lr: number;
  /** Most epochs. */
  epochs: number;
  /** Glyphs per step; 32 (every glyph) is one full batch per epoch. */
  batch: number;
}

export function parseNetworkSettings(settings: RawSettings, d: NetworkSettings): NetworkSettings {
  return {
    activation: setting(settings, 'activation', d.activation, (k, v) => parseChoice(k, v, ACTIVATIONS)),
    latentActivation: setting(settings, 'latentActivation', d.latentActivation, (k, v) => parseChoice(k, v, ACTIVATIONS)),
    loss: setting(settings, 'loss', d.loss, (k, v) => parseChoice(k, v, LOSSES)),
    optimizer: setting(settings, 'optimizer', d.optimizer, (k, v) => parseChoice(k, v, OPTIMIZERS)),
    lr: setting(settings, 'lr', d.lr, (k, v) => parseNumber(k, v, LEARNING_RATE_RULE)),
    epochs: setting(settings, 'epochs', d.epochs, (k, v) => parseNumber(k, v, { min: 1, integer: true })),
    batch: setting(settings, 'batch', d.batch, (k, v) => parseNumber(k, v, { min: 1, integer: true })),
  };
}
