/**
 * The VAE's model file is also its checkpoint: the weights, plus the optimizer's moments and steps, the shuffled
 * order, the position in the epoch and the Rng state, so that `--load` continues exactly where a run stopped
 * and `generate` reads the same file. Validation turns a corrupt or foreign file into one UsageError.
 */
import { UsageError } from '../errors.js';
import type { Backend } from '../math/backend.js';
import type { DatasetName } from '../data/mnist.js';
import type { VaeCheckpoint, VaeProgress, VaeTrainingOptions } from '../train/vae.js';
import { loadModelFile, saveModelFile } from './model-file.js';
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
  const { options: { shape, ...options }, progress, steps, parameters, m, v, order } = checkpoint;
  const meta: VaeMeta = { ...data, options, progress, steps };
  saveModelFile(file, { kind: VAE_KIND, shape, meta, parameters, arrays: { m, v, order: Float32Array.from(order) } });
}

export function loadVaeCheckpoint(file: string): { checkpoint: VaeCheckpoint; data: VaeDataChoice } {
  const saved = loadModelFile(file, VAE_KIND);
  const shape = validShape(saved.shape, file);
  const meta = saved.meta as VaeMeta;
  const { m, v, order } = saved.arrays ?? {};
  const size = Vae.parameterCount(shape);
  if (saved.parameters.length !== size) throw new UsageError(`${file}: corrupt model file (${saved.parameters.length} parameters, the shape needs ${size})`);
  if (!meta?.options || !meta.progress || !Array.isArray(meta.progress.rng) || m?.length !== size || v?.length !== size || !order) {
    throw new UsageError(`${file}: corrupt checkpoint (training state missing)`);
  }
  // JSON has no NaN: the Rng's "no spare normal" marker comes back as null.
  const rng = meta.progress.rng.map((value) => value ?? Number.NaN);
  return {
    checkpoint: {
      options: { ...meta.options, shape }, progress: { ...meta.progress, rng }, steps: meta.steps,
      parameters: saved.parameters, m, v, order: Uint32Array.from(order),
    },
    data: { dataset: meta.dataset, validation: meta.validation, trainSize: meta.trainSize },
  };
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
  if (!positive(s?.input) || !positive(s.latent) || !Array.isArray(s.hidden) || s.hidden.length === 0 || !s.hidden.every(positive)) {
    throw new UsageError(`${file}: corrupt model file (bad shape)`);
  }
  return s;
}
