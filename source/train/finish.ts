/** Runs a font/denoising training stream to its end without a screen, reporting progress now and then. */
import type { GlyphDone, GlyphEvent } from './font.js';

/** Progress goes out about `reports` times over the run (it crosses threads in a sweep: keep it rare). */
export function finishTraining(
  events: Iterable<GlyphEvent>,
  epochs: number,
  onProgress: (epoch: number, epochs: number) => void,
  reports = 20,
): GlyphDone {
  const every = Math.max(1, Math.ceil(epochs / reports));
  for (const event of events) {
    if (event.type === 'done') return event;
    if (event.epoch % every === 0) onProgress(event.epoch, epochs);
  }
  throw new Error('the training stream ended without a result');
}
