/**
 * The VAE's model file is also its checkpoint: the weights, plus the optimizer's moments and steps, the shuffled
 * order, the position in the epoch and the Rng state, so that `--load` continues exactly where a run stopped
 * and `generate` reads the same file. Validation turns a corrupt or foreign file into one UsageError.
 */
import { LEARNING_RATE_RULE, parseChoice, parseNumber, SEED_RULE } from '../config.js';
import { UsageError } from '../errors.js';
import type { Backend } from '../math/backend.js';
import { DATASETS, type DatasetName } from '../data/mnist.js';
import { EVAL_BATCH, type VaeCheckpoint, type VaeProgress, type VaeTrainingOptions } from './vae-checkpoint.js';
import { checkMemory, vaeSize } from './memory.js';
import { loadModelFile, saveModelFile } from './model-file.js';
import { OPTIMIZERS } from './optim.js';
import { Vae, type VaeShape } from './vae.js';

export const VAE_KIND = 'vae';

/** Which images the run trains on: a resumed run must see the same ones. */
export interface VaeDataChoice {
  dataset: DatasetName;
  validation: number;
  trainSize?: number;
}

interface VaeMeta extends VaeDataChoice {
  options: Omit<VaeTrainingOptions, 'shape'>;
  progress: VaeProgress;
  steps: number;
}

export function saveVaeCheckpoint(file: string, checkpoint: VaeCheckpoint, data: VaeDataChoice): void {
  const {
    options: { shape, ...options },
    progress,
    steps,
    parameters,
    m,
    v,
    order,
  } = checkpoint;
  const meta: VaeMeta = { ...data, options, progress, steps };
  saveModelFile(file, { kind: VAE_KIND, shape, meta, parameters, arrays: { m, v, order: Float32Array.from(order) } });
}

export function loadVaeCheckpoint(file: string): { checkpoint: VaeCheckpoint; data: VaeDataChoice } {
  const saved = loadModelFile(file, VAE_KIND);
  const shape = validShape(saved.shape, file);
  const meta = saved.meta as Record<string, any> | undefined;
  const { m, v, order } = saved.arrays ?? {};
  if (!meta?.options || !meta.progress || !m || !v || !order)
    throw new UsageError(`${file}: corrupt checkpoint (training state missing)`);
  const options = savedFields(file, () => validOptions(meta.options));
  checkMemory(file, vaeSize(shape), options.batch + EVAL_BATCH);
  const size = Vae.parameterCount(shape);
  if (saved.parameters.length !== size)
    throw new UsageError(
      `${file}: corrupt model file (${saved.parameters.length} parameters, the shape needs ${size})`,
    );
  if (m.length !== size || v.length !== size)
    throw new UsageError(
      `${file}: corrupt checkpoint (optimizer moments for ${m.length} and ${v.length} parameters,` +
        ` the shape has ${size})`,
    );
  const trainOrder = validOrder(order, file);
  return {
    checkpoint: {
      options: { ...options, shape },
      progress: savedFields(file, () => validProgress(meta.progress, options, trainOrder.length)),
      steps: savedFields(file, () => parseNumber('steps', meta.steps, WHOLE)),
      parameters: saved.parameters,
      m,
      v,
      order: trainOrder,
    },
    data: savedFields(file, () => validDataChoice(meta)),
  };
}

const WHOLE = { min: 0, integer: true };

/**
 * A checkpoint's settings are input like the flags that set them, so they are checked by the flags' own rules;
 * the messages name them as fields of the file ("lr must be greater than 0"), not as flags.
 */
function savedFields<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError)
      throw new UsageError(`${file}: corrupt checkpoint: ${error.message.replace(/^--/, '')}`);
    throw error;
  }
}

function validOptions(options: Record<string, unknown>): Omit<VaeTrainingOptions, 'shape'> {
  return {
    optimizer: parseChoice('optimizer', options.optimizer, OPTIMIZERS),
    lr: parseNumber('lr', options.lr, LEARNING_RATE_RULE),
    epochs: parseNumber('epochs', options.epochs, { min: 1, integer: true }),
    batch: parseNumber('batch', options.batch, { min: 1, integer: true }),
    seed: parseNumber('seed', options.seed, SEED_RULE),
  };
}

function validDataChoice(meta: Record<string, unknown>): VaeDataChoice {
  return {
    dataset: parseChoice('dataset', meta.dataset, DATASETS),
    validation: parseNumber('validation', meta.validation, WHOLE),
    trainSize:
      meta.trainSize === undefined ? undefined : parseNumber('trainSize', meta.trainSize, { min: 1, integer: true }),
  };
}

/** Where the run stood: within its epochs and within an epoch of the saved order, with a usable Rng state. */
function validProgress(
  progress: Record<string, unknown>,
  options: Omit<VaeTrainingOptions, 'shape'>,
  trainCount: number,
): VaeProgress {
  const sum = (key: string) => parseNumber(key, progress[key], { min: 0 });
  const count = (key: string) => parseNumber(key, progress[key], WHOLE);
  return {
    epoch: parseNumber('epoch', progress.epoch, { min: 0, max: options.epochs, integer: true }),
    // Up to the number of batches: a stop between an epoch's last batch and its end saves that count.
    batchIndex: parseNumber('batchIndex', progress.batchIndex, {
      min: 0,
      max: Math.ceil(trainCount / options.batch),
      integer: true,
    }),
    lossSum: sum('lossSum'),
    klSum: sum('klSum'),
    samples: count('samples'),
    rng: validRngState(progress.rng),
    trainMs: sum('trainMs'),
    samplesTrained: count('samplesTrained'),
  };
}

/**
 * xoshiro128**'s four 32-bit words (saved signed or unsigned, as the bit operations left them; not all zero:
 * that state only ever gives zeros) and the spare normal or null.
 */
function validRngState(state: unknown): number[] {
  const words = Array.isArray(state) ? state.slice(0, 4) : [];
  const spare = Array.isArray(state) ? state[4] : undefined;
  const isWord = (word: unknown) =>
    Number.isInteger(word) && (word as number) >= -(2 ** 31) && (word as number) < 2 ** 32;
  if (
    !Array.isArray(state) ||
    state.length !== 5 ||
    !words.every(isWord) ||
    words.every((word) => word >>> 0 === 0) ||
    !(spare === null || Number.isFinite(spare))
  ) {
    throw new UsageError(
      `rng is not a random generator state (four 32-bit words and a number or null), got ${JSON.stringify(state)}`,
    );
  }
  // JSON has no NaN: the Rng's "no spare normal" marker comes back as null.
  return [...words, spare ?? Number.NaN];
}

/** The shuffled order must be a permutation of the training images, or a resumed epoch would skip or repeat some. */
function validOrder(order: Float32Array, file: string): Uint32Array {
  const seen = new Uint8Array(order.length);
  for (const index of order) {
    if (!Number.isInteger(index) || index < 0 || index >= order.length || seen[index]) {
      throw new UsageError(
        `${file}: corrupt checkpoint (its shuffled order is not a permutation of ${order.length} images)`,
      );
    }
    seen[index] = 1;
  }
  return Uint32Array.from(order);
}

/** The trained model alone (for generating). */
export function loadVae(file: string, backend: Backend): Vae {
  const { checkpoint } = loadVaeCheckpoint(file);
  const model = new Vae(backend, checkpoint.options.shape);
  model.store.values.set(checkpoint.parameters);
  return model;
}

function validShape(shape: unknown, file: string): VaeShape {
  const s = shape as VaeShape;
  const positive = (n: unknown) => Number.isInteger(n) && (n as number) > 0;
  if (
    !positive(s?.input) ||
    !positive(s.latent) ||
    !Array.isArray(s.hidden) ||
    s.hidden.length === 0 ||
    !s.hidden.every(positive)
  ) {
    throw new UsageError(`${file}: corrupt model file (bad shape)`);
  }
  return s;
}
