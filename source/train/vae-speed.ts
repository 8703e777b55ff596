/**
 * A VAE trainer's training samples per second, timed the same way on the CPU and on the device: the first epoch
 * of a run over a few batches, as its epoch event reports it (training only: validation is off, and the run is
 * left before it scores the test images). The bench's GPU section uses it.
 */
import { loadSplits, sliceSet } from '../data/mnist.js';
import type { VaeData, VaeTrainer } from './vae.js';

/** The first `images` MNIST training images; one test image (the timed run ends before the test). */
export function speedData(images: number): VaeData {
  const { train, test } = loadSplits('mnist', 0, images).splits;
  return { train, test: sliceSet(test, 0, 1) };
}

/** Samples/s of the training's first epoch; the training is disposed of after. */
export async function vaeSpeed(training: VaeTrainer): Promise<number> {
  const events = training.run();
  try {
    for (let next = await events.next(); !next.done; next = await events.next()) {
      if (next.value.type === 'epoch') return next.value.samplesPerSecond;
    }
    throw new Error('the timed VAE run ended before its first epoch');
  } finally {
    await events.return?.(undefined);
    training.dispose?.();
  }
}
