/** The font autoencoder's sweep as a table: one row per latent size x subset x learning rate. */
import type { Stat } from '../sweep/stats.js';
import { renderStatTable } from './stat-table.js';

export interface FontSweepRowView {
  latent: number;
  subset: string;
  lr: number;
  maxPixelError: Stat;
  meanPixelError: Stat;
  /** Over the seeds that reached the target; undefined when none did. */
  epochsToTarget?: Stat;
  reached: number;
  seeds: number;
}

export function fontSweepTable(rows: FontSweepRowView[]): string {
  const header = ['latent', 'subset', 'lr', 'max px', 'mean px', 'epochs to target', 'reached'];
  return renderStatTable(
    header,
    rows.map((r) => [
      String(r.latent),
      r.subset,
      String(r.lr),
      { stat: r.maxPixelError, digits: 2 },
      { stat: r.meanPixelError, digits: 3 },
      r.epochsToTarget ? { stat: r.epochsToTarget, digits: 0 } : '-',
      `${r.reached}/${r.seeds}`,
    ]),
  );
}
