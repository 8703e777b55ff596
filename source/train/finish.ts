/** Runs a font/denoising training stream to its end without a screen, reporting progress now and then. */
import type { GlyphDone, GlyphEvent } from './font.js';

/** Called now and then while training, with the training loss then (the sweep screen draws its curve). */
export type ProgressCallback = (epoch: number, epochs: number, loss: number) => void;

/** Progress goes out about `reports` times over the run (it crosses threads in a sweep: keep it rare). */
export function finishTraining(
  events: Iterable<GlyphEvent>,
  epochs: number,
  onProgress: ProgressCallback,
  reports = 20,
): GlyphDone {
  const every = Math.max(1, Math.ceil(epochs / reports));
  for (const event of events) {
    if (event.type === 'done') return event;
    if (event.epoch % every === 0) onProgress(event.epoch, epochs, event.loss);
  }
  throw new Error('the training stream ended without a result');
}
