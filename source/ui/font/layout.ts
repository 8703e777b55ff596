/**
 * Where the panels go for a terminal size, as plain numbers (tested without Ink). Tried in order:
 *   stack  the glyphs across the top, the latent scatter and the loss chart side by side below;
 *   side   the glyphs on the left, the scatter over the chart on the right (wide, short terminals);
 *   pages  one page of glyphs (scrolling if it must) and one of scatter and chart; Tab flips (80x24 lands here).
 */
import { GLYPH_COLS, GLYPH_ROWS } from '../../data/font.js';
import { itemHeight, itemsPerRow, itemWidth, type GridShape } from '../../render/bitmap-grid.js';
import type { Rect } from '../text-block.js';

export const MIN_SIZE = { columns: 60, rows: 16 };
export const HEADER_LINES = 2;
export const FOOTER_LINES = 1;
/** Columns between panels side by side. */
export const PANEL_GAP = 2;
/** The glyph panel's items: original beside reconstruction. */
export const GLYPH_SHAPE: GridShape = { rows: GLYPH_ROWS, cols: GLYPH_COLS, perItem: 2, gap: 2 };

const MIN_PANEL = { width: 30, height: 8 };
const MIN_SIDE_COLUMN = 36;
/** The explorer's right column: the decoded glyph beside its nearest training glyph, large, and the kept row. */
const EXPLORER_SIDE = 26;

export type Layout =
  | { kind: 'too-small'; need: typeof MIN_SIZE }
  | {
      kind: 'stack' | 'side' | 'pages';
      body: Rect;
      glyphs: Rect;
      latent: Rect;
      chart: Rect;
      /** pages only: the scatter and the chart share a page side by side (else one above the other). */
      pairInRow: boolean;
      explorer: { plot: Rect; side: Rect };
    };

/** Lines the glyph panel needs at `width` columns: a title and rows of items. */
export function glyphPanelHeight(count: number, width: number): number {
  return 1 + Math.ceil(count / itemsPerRow(GLYPH_SHAPE, width)) * itemHeight(GLYPH_SHAPE);
}

export function dashboardLayout(columns: number, rows: number, glyphCount: number): Layout {
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) return { kind: 'too-small', need: MIN_SIZE };
  const body = { width: columns, height: rows - HEADER_LINES - FOOTER_LINES };
  const half = (width: number) => Math.floor((width - PANEL_GAP) / 2);
  const explorer = {
    plot: { width: columns - EXPLORER_SIDE - PANEL_GAP, height: body.height },
    side: { width: EXPLORER_SIDE, height: body.height },
  };
  const rowOfTwo = columns >= 2 * MIN_PANEL.width + PANEL_GAP;

  const stackedGlyphs = glyphPanelHeight(glyphCount, columns);
  if (rowOfTwo && body.height - stackedGlyphs >= MIN_PANEL.height) {
    const below = body.height - stackedGlyphs;
    return {
      kind: 'stack',
      body,
      glyphs: { width: columns, height: stackedGlyphs },
      latent: { width: half(columns), height: below },
      chart: { width: columns - half(columns) - PANEL_GAP, height: below },
      pairInRow: true,
      explorer,
    };
  }
  const side = narrowestGlyphPanel(glyphCount, body.height);
  const rightWidth = side ? columns - side - PANEL_GAP : 0;
  if (side && rightWidth >= MIN_SIDE_COLUMN && body.height >= 2 * MIN_PANEL.height) {
    const top = Math.ceil(body.height / 2);
    return {
      kind: 'side',
      body,
      glyphs: { width: side, height: body.height },
      latent: { width: rightWidth, height: top },
      chart: { width: rightWidth, height: body.height - top },
      pairInRow: false,
      explorer,
    };
  }
  const pair = rowOfTwo
    ? {
        latent: { width: half(columns), height: body.height },
        chart: { width: columns - half(columns) - PANEL_GAP, height: body.height },
      }
    : {
        latent: { width: columns, height: Math.ceil(body.height / 2) },
        chart: { width: columns, height: Math.floor(body.height / 2) },
      };
  return { kind: 'pages', body, glyphs: { ...body }, ...pair, pairInRow: rowOfTwo, explorer };
}

/** The fewest columns that fit every glyph into `height` lines, if any width does. */
function narrowestGlyphPanel(count: number, height: number): number | undefined {
  const gap = GLYPH_SHAPE.gap ?? 0;
  for (let perRow = 1; perRow <= count; perRow++) {
    if (1 + Math.ceil(count / perRow) * itemHeight(GLYPH_SHAPE) <= height)
      return perRow * (itemWidth(GLYPH_SHAPE) + gap) - gap;
  }
  return undefined;
}

export function pageCount(layout: Layout): number {
  return layout.kind === 'pages' ? 2 : 1;
}
