/**
 * Rows of bitmaps: 7x5 glyphs and 28x28 digits alike. Glyph sheets (original beside reconstruction), denoising
 * triplets, generated letters, interpolations, latent grids and digit grids are all this one figure.
 *
 * Pixels are gathered into one path per fill colour, so a sheet of a hundred digits stays small and plain.
 */
import { element, heading, num, svgDocument, text } from './svg.js';

export interface Bitmap {
  /** rows x cols values, row by row; 1 = ink. */
  pixels: ArrayLike<number>;
  /** What the bitmap should be: wrong pixels ((value > 0.5) != target) get a colour and a cross. */
  target?: ArrayLike<number>;
  /** Written under the bitmap. */
  caption?: string;
  /** This bitmap's shading instead of the grid's (a noisy input in gray among binary glyphs). */
  shading?: PixelGrid['shading'];
}

export interface PixelGrid {
  title: string;
  /** Size of every bitmap, in pixels. */
  bitmapRows: number;
  bitmapCols: number;
  /** Rows of bitmaps (a shorter row leaves room at its end). */
  rows: Bitmap[][];
  /** binary: ink where value > 0.5 (glyphs); gray: ink by value (digits). */
  shading: 'binary' | 'gray';
  /** Bitmaps go in tight groups of this many (pairs, triplets) with wider gaps between groups. */
  groupSize?: number;
  /** Beside each row, e.g. the z1 of a latent grid row. */
  rowLabels?: string[];
  /** Above each column. */
  columnLabels?: string[];
  /** Screen pixels per bitmap pixel: 8 for glyphs, 3 for digits by default. */
  scale?: number;
}

const INK = '#111111',
  PAPER = '#e9e9e9';
const WRONG_ON = '#d62728',
  WRONG_OFF = '#f6b3b3';
const CAPTION_HEIGHT = 15;
/** Shown under a sheet that marks wrong pixels. */
export const PIXEL_LEGEND = 'wrong pixels are crossed: red = lit but should be dark, pale red = dark but should be lit';

export function pixelGridSvg(grid: PixelGrid): string {
  const scale = grid.scale ?? (grid.bitmapRows * grid.bitmapCols > 100 ? 3 : 8);
  const group = grid.groupSize ?? 1;
  const bitmapWidth = grid.bitmapCols * scale,
    bitmapHeight = grid.bitmapRows * scale;
  const innerGap = Math.max(3, scale),
    groupGap = group > 1 ? 3 * innerGap : innerGap;
  const captioned = grid.rows.some((row) => row.some((b) => b.caption !== undefined));
  const marksWrong = grid.rows.some((row) => row.some((b) => b.target !== undefined));
  const labelWidth = grid.rowLabels ? 10 + 7 * Math.max(...grid.rowLabels.map((l) => l.length)) : 0;
  const left = 16 + labelWidth,
    top = 36 + (grid.columnLabels ? 16 : 0);
  const rowHeight = bitmapHeight + (captioned ? CAPTION_HEIGHT : 0) + innerGap + (captioned ? 4 : 0);
  const columns = Math.max(...grid.rows.map((row) => row.length), grid.columnLabels?.length ?? 0, 1);
  const xOf = (col: number) => left + col * (bitmapWidth + innerGap) + Math.floor(col / group) * (groupGap - innerGap);
  const width = Math.max(xOf(columns - 1) + bitmapWidth + 16, marksWrong ? 520 : 320);
  const height = top + grid.rows.length * rowHeight + (marksWrong ? 24 : 4);

  const paths = new Map<string, string[]>();
  const marks: Marks = { crossesOnDark: [], crossesOnLight: [], frames: [] };
  const captions: string[] = [];
  grid.rows.forEach((row, r) => {
    row.forEach((bitmap, c) => {
      const x0 = xOf(c),
        y0 = top + r * rowHeight;
      drawBitmap(bitmap, grid, scale, x0, y0, paths, marks);
      if (bitmap.caption !== undefined) {
        captions.push(
          text(x0 + bitmapWidth / 2, y0 + bitmapHeight + CAPTION_HEIGHT - 2, bitmap.caption, {
            'text-anchor': 'middle',
            'font-size': 11,
          }),
        );
      }
    });
  });
  return svgDocument({ width, height, title: grid.title }, [
    heading(width, grid.title),
    ...(grid.columnLabels ?? []).map((label, c) =>
      text(xOf(c) + bitmapWidth / 2, top - 6, label, { 'text-anchor': 'middle', 'font-size': 10 }),
    ),
    ...(grid.rowLabels ?? []).map((label, r) =>
      text(left - 8, top + r * rowHeight + bitmapHeight / 2 + 4, label, { 'text-anchor': 'end', 'font-size': 10 }),
    ),
    ...(marks.frames.length > 0
      ? [element('path', { d: marks.frames.join(''), stroke: '#bbbbbb', 'stroke-width': 1, fill: 'none' })]
      : []),
    element(
      'g',
      { 'shape-rendering': 'crispEdges' },
      [...paths].map(([fill, d]) => element('path', { fill, d: d.join('') })),
    ),
    ...crossPath(marks.crossesOnDark, '#ffffff', scale),
    ...crossPath(marks.crossesOnLight, WRONG_ON, scale),
    ...captions,
    ...(marksWrong ? [text(16, height - 8, PIXEL_LEGEND, { 'font-size': 10 })] : []),
  ]);
}

interface Marks {
  /** Crosses over wrong pixels, in white on the dark ones and in red on the pale ones. */
  crossesOnDark: string[];
  crossesOnLight: string[];
  /** Outlines of gray bitmaps, whose white background would otherwise melt into the page. */
  frames: string[];
}

function crossPath(crosses: string[], stroke: string, scale: number): string[] {
  return crosses.length === 0
    ? []
    : [element('path', { d: crosses.join(''), stroke, 'stroke-width': Math.max(1, scale / 6), fill: 'none' })];
}

/** Adds each pixel's square to the path of its colour, and a cross over each wrong pixel. */
function drawBitmap(
  bitmap: Bitmap,
  grid: PixelGrid,
  scale: number,
  x0: number,
  y0: number,
  paths: Map<string, string[]>,
  marks: Marks,
): void {
  const square = (fill: string, x: number, y: number) => {
    const d = paths.get(fill) ?? [];
    d.push(`M${num(x)} ${num(y)}h${scale}v${scale}h${-scale}z`);
    paths.set(fill, d);
  };
  const shading = bitmap.shading ?? grid.shading;
  if (shading === 'gray')
    marks.frames.push(
      `M${num(x0)} ${num(y0)}h${grid.bitmapCols * scale}v${grid.bitmapRows * scale}h${-grid.bitmapCols * scale}z`,
    );
  for (let r = 0; r < grid.bitmapRows; r++) {
    for (let c = 0; c < grid.bitmapCols; c++) {
      const i = r * grid.bitmapCols + c,
        value = bitmap.pixels[i];
      const x = x0 + c * scale,
        y = y0 + r * scale;
      const wrong = bitmap.target !== undefined && value > 0.5 !== bitmap.target[i] > 0.5;
      if (wrong) {
        square(value > 0.5 ? WRONG_ON : WRONG_OFF, x, y);
        const inset = scale / 4;
        (value > 0.5 ? marks.crossesOnDark : marks.crossesOnLight).push(
          `M${num(x + inset)} ${num(y + inset)}l${num(scale / 2)} ${num(scale / 2)}` +
            `m0 ${num(-scale / 2)}l${num(-scale / 2)} ${num(scale / 2)}`,
        );
      } else if (shading === 'binary') {
        square(value > 0.5 ? INK : PAPER, x, y);
      } else {
        const level = Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
        if (level < 255) square(`#${level.toString(16).padStart(2, '0').repeat(3)}`, x, y);
      }
    }
  }
}
