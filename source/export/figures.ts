/** Figures and tables every experiment's export shares: curves, the table of the per-epoch history, sheet rows. */
import { lineChartSvg } from '../render/svg/line-chart.js';
import type { HistoryRow } from '../train/history.js';
import type { Figure } from './contents.js';
import { objectTable, type Cell, type Table } from './table.js';

export interface CurveSpec {
  /** The history column, e.g. "loss" or "validationLoss". */
  key: string;
  /** Legend name, e.g. "train". */
  name: string;
  /** This curve's own history, where one chart compares runs (Adam and RMSProp); else the figure's. */
  rows?: HistoryRow[];
}

/** Curves of history columns over epochs, on one chart. */
export function historyFigure(
  figure: { name: string; title: string; caption?: string; yLabel: string },
  history: HistoryRow[],
  curves: CurveSpec[],
): Figure {
  const series = curves.map(({ key, name, rows = history }) => ({
    name,
    points: rows.filter((row) => row[key] !== undefined).map((row): [number, number] => [row.epoch, row[key]]),
  }));
  const svg = lineChartSvg({ title: figure.title, xLabel: 'epoch', yLabel: figure.yLabel, series });
  return { name: figure.name, title: figure.title, caption: figure.caption, svg };
}

/**
 * The whole history, one row per epoch (a long font run's evenly thinned: train/thinned.ts): too long for
 * report.md, so linked from it.
 */
export function historyTable(history: Array<Record<string, Cell>>): Table {
  const stride = history.length > 1 ? Number(history[1].epoch) - Number(history[0].epoch) : 1;
  const which = stride > 1 ? `every ${stride} epochs, and the last` : 'every epoch';
  return objectTable('history', `Training history (${which})`, history, false);
}

/** Items in rows of `size` (the last may be shorter): bitmaps into the rows of a sheet. */
export function chunk<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
