/**
 * A font run's outcome in words, for the plain summary (report/font.ts) and the export's report (export/font.ts):
 * here, below both, so that the export does not reach up into the reporters.
 */
import { wrongPixels } from './format.js';
import type { FontResult } from '../train/font-result.js';

/** The outcome in three lines: target, setup, wrong pixels (also the top of an export's report). */
export function fontOutcomeLines(result: FontResult): string[] {
  return [
    `${result.reachedTarget ? 'reached' : 'did not reach'} the target (max ${wrongPixels(result.target)} per glyph) ` +
      `after ${result.epochs} epochs in ${result.trainSeconds.toFixed(3)} s`,
    `architecture ${result.architecture}   backend ${result.backend}   seed ${result.seed}`,
    `wrong pixels: max ${result.maxPixelError}, mean ${result.meanPixelError.toFixed(3)}`,
  ];
}
