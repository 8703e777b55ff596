/**
 * Where the VAE dashboard's four panels go, as plain numbers (tested without Ink):
 *   grid   the loss chart and the latent scatter across the top, reconstructions and generated digits below;
 *   pages  on smaller terminals, Tab flips between chart + scatter, the reconstructions, the generated digits.
 * With two runs (--optimizer both) a wide grid halves every picture panel between them; elsewhere `o` switches.
 */
import type { Rect } from '../text-block.js';

export const MIN_SIZE = { columns: 60, rows: 16 };
export const HEADER_LINES = 2;
export const FOOTER_LINES = 1;
export const PANEL_GAP = 2;
/** The grid needs this much room: each quarter holds half-size digits. */
const GRID_SIZE = { columns: 100, rows: 34 };
/** Two runs' pictures side by side need this many columns: each half of a quarter then still holds them. */
const SIDE_BY_SIDE_COLUMNS = 160;

export type VaeLayout =
  | { kind: 'too-small'; need: typeof MIN_SIZE }
  | {
      kind: 'grid' | 'pages';
      body: Rect;
      chart: Rect;
      latent: Rect;
      reconstructions: Rect;
      generated: Rect;
      pages: number;
      /** Two runs (--optimizer both) each get half of every picture panel; else one at a time. */
      sideBySide: boolean;
    };

export function vaeLayout(columns: number, rows: number, runs = 1): VaeLayout {
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) return { kind: 'too-small', need: MIN_SIZE };
  const body = { width: columns, height: rows - HEADER_LINES - FOOTER_LINES };
  const left = Math.floor((columns - PANEL_GAP) / 2),
    right = columns - left - PANEL_GAP;
  if (columns >= GRID_SIZE.columns && rows >= GRID_SIZE.rows) {
    const top = Math.floor(body.height / 2),
      bottom = body.height - top;
    return {
      kind: 'grid',
      body,
      pages: 1,
      sideBySide: runs > 1 && columns >= SIDE_BY_SIDE_COLUMNS,
      chart: { width: left, height: top },
      latent: { width: right, height: top },
      reconstructions: { width: left, height: bottom },
      generated: { width: right, height: bottom },
    };
  }
  return {
    kind: 'pages',
    body,
    pages: 3,
    sideBySide: false,
    chart: { width: left, height: body.height },
    latent: { width: right, height: body.height },
    reconstructions: body,
    generated: body,
  };
}
