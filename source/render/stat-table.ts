/**
 * Tables of means over seeds. A cell is text or a statistic; when any statistic of a row has a spread, the row
 * gets a second line with "± std" under each mean, which keeps the table inside 80 columns.
 */
import type { Stat } from '../sweep/stats.js';
import { renderTable } from './table.js';

export type Cell = string | { stat: Stat; digits: number };

export function renderStatTable(header: string[], rows: Cell[][]): string {
  const lines = rows.flatMap((row) => {
    const means = row.map((cell) => (typeof cell === 'string' ? cell : cell.stat.mean.toFixed(cell.digits)));
    const spread = row.some((cell) => typeof cell !== 'string' && cell.stat.std !== undefined);
    if (!spread) return [means];
    return [
      means,
      row.map((cell) =>
        typeof cell === 'string' || cell.stat.std === undefined ? '' : `± ${cell.stat.std.toFixed(cell.digits)}`,
      ),
    ];
  });
  return renderTable(header, lines);
}
