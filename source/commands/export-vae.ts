/**
 * `sia-ae export --model FILE` for a saved VAE: the model evaluated as the trainer evaluates its last epoch
 * (training for zero epochs on the images it trained on): the same result fields, latent scatter and digit
 * grids. A model file keeps no history, so no curves; a checkpoint saved between epochs has no train loss.
 */
import { loadSplits } from '../data/mnist.js';
import { UsageError } from '../errors.js';
import type { ExportBundle } from '../export/contents.js';
import { vaeExport } from '../export/vae.js';
import { createCpuBackend } from '../math/select.js';
import { loadVaeCheckpoint } from '../nn/vae-file.js';
import { VaeTraining, type VaeDoneEvent } from '../train/vae.js';
import { vaeResult } from '../train/vae-result.js';

export function vaeModelExport(file: string): ExportBundle {
  const { checkpoint, data } = loadVaeCheckpoint(file);
  const { splits, ...dataset } = loadSplits(data.dataset, data.validation, data.trainSize);
  if (checkpoint.order.length !== splits.train.count) {
    throw new UsageError(
      `${file}: corrupt checkpoint (its shuffled order has ${checkpoint.order.length} images,` +
        ` the training set ${splits.train.count})`,
    );
  }
  const backend = createCpuBackend();
  try {
    const options = { ...checkpoint.options, epochs: checkpoint.progress.epoch };
    const training = new VaeTraining(backend, splits, options, checkpoint);
    const done = [...training.run()].find((event): event is VaeDoneEvent => event.type === 'done')!;
    const result = vaeResult(training, done, {
      dataset: data.dataset,
      backend: backend.name,
      backendReason: 'export evaluates on the CPU',
    });
    const { shape, optimizer, lr, batch, seed } = options;
    const config = { load: file, ...data, layers: shape.hidden, latent: shape.latent, optimizer, lr, batch, seed };
    return vaeExport({
      config,
      classNames: dataset.classNames,
      runs: [{ result, last: done.last, history: [] }],
      result: { event: 'result', ...result },
      modelFile: file,
    });
  } finally {
    backend.dispose();
  }
}
