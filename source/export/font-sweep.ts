/** The font sweep's export: its table (one row per latent size x subset x learning rate), result and settings. */
import type { ExportBundle } from './contents.js';
import { objectTable, type Cell } from './table.js';
import { wrongPixels } from '../render/format.js';

export type FontSweepResult = {
  event: 'result';
  experiment: 'font-sweep';
  /** The backend every training ran on. */
  backend: string;
  seeds: number;
  seed: number;
  target: number;
  epochs: number;
  sweepSeconds: number;
  /** Means over seeds; epochsToTarget over the seeds that reached the target (null: none did). */
  rows: Array<Record<string, Cell>>;
};

export function fontSweepExport(config: Record<string, unknown>, result: FontSweepResult): ExportBundle {
  const everySeed = result.rows.filter((r) => r.reachedShare === 1).length;
  return {
    experiment: 'font-sweep',
    title: 'Font autoencoder: sweep',
    summary: [
      `${result.rows.length} grid points x ${result.seeds} seed${result.seeds > 1 ? 's' : ''},` +
        ` up to ${result.epochs} epochs each, in ${result.sweepSeconds.toFixed(1)} s`,
      `every seed reached the target (max ${wrongPixels(result.target)} per glyph)` +
        ` at ${everySeed} of ${result.rows.length} grid points`,
    ],
    config,
    result,
    figures: [],
    tables: [
      objectTable(
        'summary',
        'Wrong pixels at the end (means over seeds), epochs to target over the seeds that reached it,' +
          ' share of seeds that did',
        result.rows,
      ),
    ],
  };
}
