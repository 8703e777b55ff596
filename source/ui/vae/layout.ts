/**
 * Where the VAE dashboard's four panels go, as plain numbers (tested without Ink):
 *   grid   the loss chart and the latent scatter across the top, reconstructions and generated digits below;
 *   pages  on smaller terminals, Tab flips between chart + scatter, the reconstructions, the generated digits.
 */
import type { Rect } from '../text-block.js';

export const MIN_SIZE = { columns: 60, rows: 16 };
export const HEADER_LINES = 2;
export const FOOTER_LINES = 1;
export const PANEL_GAP = 2;
/** The grid needs this much room: each quarter holds half-size digits. */
const GRID_SIZE = { columns: 100, rows: 34 };

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
    };

export function vaeLayout(columns: number, rows: number): VaeLayout {
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
    chart: { width: left, height: body.height },
    latent: { width: right, height: body.height },
    reconstructions: body,
    generated: body,
  };
}
