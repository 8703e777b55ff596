/**
 * Many bitmaps in rows that fit a width: each item is one or more bitmaps side by side (an original beside its
 * reconstruction) with a caption under them. Returns the item rows separately so a panel can scroll by rows.
 */
import { noPaint, padVisible, type Paint } from './ansi.js';
import { halfBlockLines } from './halfblock.js';

export interface GridItem {
  /** Bitmaps drawn left to right; a `target` marks that bitmap's wrong pixels. */
  bitmaps: Array<{ pixels: ArrayLike<number>; target?: ArrayLike<number> }>;
  caption: string;
}

export interface GridShape {
  rows: number;
  cols: number;
  /** Bitmaps in one item (all items alike). */
  perItem: number;
  /** Blank columns between items. */
  gap?: number;
}

/** Columns one item takes (its bitmaps with a space between them). */
export function itemWidth({ cols, perItem }: GridShape): number {
  return perItem * cols + perItem - 1;
}

/** Lines one row of items takes: the half-block bitmap and the caption line. */
export function itemHeight({ rows }: GridShape): number {
  return Math.ceil(rows / 2) + 1;
}

export function itemsPerRow(shape: GridShape, width: number): number {
  const gap = shape.gap ?? 2;
  return Math.max(1, Math.floor((width + gap) / (itemWidth(shape) + gap)));
}

/** Rows of items for `width` columns, each row a list of lines. */
export function bitmapGridRows(items: GridItem[], shape: GridShape, width: number, paint: Paint = noPaint): string[][] {
  const gap = ' '.repeat(shape.gap ?? 2);
  const perRow = itemsPerRow(shape, width);
  const cellWidth = itemWidth(shape);
  const blocks = items.map((item) => {
    const drawn = item.bitmaps.map((b) =>
      halfBlockLines(b.pixels, shape.rows, shape.cols, { target: b.target, paint }),
    );
    const lines = drawn[0].map((_, line) => drawn.map((d) => d[line]).join(' '));
    return [...lines, item.caption.slice(0, cellWidth)];
  });
  const rows: string[][] = [];
  for (let start = 0; start < blocks.length; start += perRow) {
    const row = blocks.slice(start, start + perRow);
    rows.push(
      row[0].map((_, line) =>
        row
          .map((block) => padVisible(block[line], cellWidth))
          .join(gap)
          .trimEnd(),
      ),
    );
  }
  return rows;
}
