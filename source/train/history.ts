/**
 * Per-epoch metrics collected from a training event stream, beside the reporters that consume the same
 * stream: what an export draws its loss curves from. Collecting changes nothing that is printed.
 */
import type { GlyphEvent } from './font.js';
import { Thinned } from './thinned.js';
import type { VaeEvent } from './vae.js';

/** One epoch's metrics, e.g. {epoch: 3, loss: 0.41, maxPixelError: 9} or {epoch: 3, trainLoss, validationLoss}. */
export type HistoryRow = { epoch: number } & Record<string, number>;

export interface HistoryRecorder<E> {
  readonly rows: HistoryRow[];
  onEvent(event: E): void;
}

/**
 * The epochs of a font run (the `done` event repeats the last epoch, so it adds nothing): every one up to
 * `capacity`, then evenly thinned (and always the last), so that a run of millions of epochs keeps a few
 * hundred kilobytes.
 */
export function fontHistory(capacity?: number): HistoryRecorder<GlyphEvent> {
  const rows = new Thinned<HistoryRow>(capacity);
  return {
    get rows() {
      return rows.values();
    },
    onEvent(event) {
      if (event.type === 'epoch')
        rows.push({
          epoch: event.epoch,
          loss: event.loss,
          maxPixelError: event.maxPixelError,
          meanPixelError: event.meanPixelError,
        });
    },
  };
}

/**
 * Every epoch of one VAE run: with `--optimizer both` the events of the two runs come interleaved, each named
 * by its optimizer, so each run gets its own recorder.
 */
export function vaeHistory(optimizer: string): HistoryRecorder<{ optimizer: string; event: VaeEvent }> {
  const rows: HistoryRow[] = [];
  return {
    rows,
    onEvent(e) {
      if (e.optimizer !== optimizer || e.event.type !== 'epoch') return;
      const { epoch, trainLoss, trainKl, validationLoss, samplesPerSecond, trainSeconds } = e.event;
      rows.push({
        epoch,
        trainLoss,
        trainKl,
        ...(validationLoss === undefined ? {} : { validationLoss }),
        samplesPerSecond,
        trainSeconds,
      });
    },
  };
}
