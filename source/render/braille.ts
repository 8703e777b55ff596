/**
 * A scatter plot in braille dots (2 x 4 dots per character cell), for any labelled points: glyph codes labelled
 * by character, digits coloured by class. A label goes beside its dot, never over it; a label that would cover
 * another is left out, its dot stays. Marks (a cursor) are drawn last, over anything.
 */
import { CLASS_COLORS, noPaint, type Paint } from './ansi.js';
import { compactNumber } from './format.js';

export interface ScatterPoint {
  x: number;
  y: number;
  label?: string;
  /** A class index: colours the point's cell when there is colour. */
  cls?: number;
}

export interface Bounds2 {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface ScatterOptions {
  /** Columns and lines of the whole plot, axes included. */
  width: number;
  height: number;
  /** The plotted box; by default the points' box with a margin. */
  bounds?: Bounds2;
  /** Text drawn over the plot at a point: a cursor, or a class's name at its median (coloured by `cls`). */
  marks?: Array<{ x: number; y: number; text: string; cls?: number }>;
  xName?: string;
  yName?: string;
  paint?: Paint;
  /** Each cell shows the number of the class most of its points belong to, instead of dots (no colour). */
  classDigits?: boolean;
}

const DOT_BITS = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

/** The points' box, grown by `margin` of its size on every side (and made non-empty). */
export function scatterBounds(points: ReadonlyArray<{ x: number; y: number }>, margin = 0.06): Bounds2 {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (points.length === 0) return { minX: -1, maxX: 1, minY: -1, maxY: 1 };
  const padX = (maxX - minX) * margin || 1,
    padY = (maxY - minY) * margin || 1;
  return { minX: minX - padX, maxX: maxX + padX, minY: minY - padY, maxY: maxY + padY };
}

/** The plot with its axes: y range at the left (top and bottom rows), x range on the last line. */
export function scatterPlot(points: readonly ScatterPoint[], options: ScatterOptions): string[] {
  const { width, height, xName = 'x', yName = 'y', paint = noPaint } = options;
  const bounds = options.bounds ?? scatterBounds(points);
  const top = compactNumber(bounds.maxY),
    bottom = compactNumber(bounds.minY);
  const gutter = Math.max(top.length, bottom.length, yName.length);
  const plotWidth = Math.max(1, width - gutter - 1),
    plotHeight = Math.max(1, height - 1);
  const cells = options.classDigits
    ? classDigitCells(points, bounds, plotWidth, plotHeight)
    : plotCells(points, bounds, plotWidth, plotHeight, options.marks ?? [], paint);
  const middle = Math.floor((plotHeight - 1) / 2);
  const lines = cells.map((row, r) => {
    const label = r === 0 ? top : r === plotHeight - 1 ? bottom : r === middle && plotHeight > 2 ? yName : '';
    return `${label.padStart(gutter)}${label && label !== yName ? '┤' : '│'}${row.join('')}`;
  });
  const left = compactNumber(bounds.minX),
    right = compactNumber(bounds.maxX);
  const room = plotWidth - left.length - right.length;
  const name = room >= xName.length + 2 ? xName : '';
  const before = Math.floor((room - name.length) / 2);
  const axis = room > 0 ? `${left}${' '.repeat(before)}${name}${' '.repeat(room - before - name.length)}${right}` : '';
  return [...lines, `${' '.repeat(gutter + 1)}${axis}`];
}

/** The cell a point falls in, or undefined outside the plot. */
function cellOf(x: number, y: number, bounds: Bounds2, width: number, height: number): number | undefined {
  const col = Math.floor(((x - bounds.minX) / (bounds.maxX - bounds.minX || 1)) * width);
  const row = Math.floor(((bounds.maxY - y) / (bounds.maxY - bounds.minY || 1)) * height);
  return col < 0 || row < 0 || col >= width || row >= height ? undefined : row * width + col;
}

/** Character cells of the plotting area: the most common class's number (mod 10) in each occupied cell. */
function classDigitCells(points: readonly ScatterPoint[], bounds: Bounds2, width: number, height: number): string[][] {
  const counts = new Map<number, number[]>();
  for (const p of points) {
    const cell = cellOf(p.x, p.y, bounds, width, height);
    if (cell === undefined || p.cls === undefined) continue;
    const perClass = counts.get(cell) ?? Array<number>(10).fill(0);
    perClass[p.cls % 10]++;
    counts.set(cell, perClass);
  }
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const perClass = counts.get(r * width + c);
      return perClass ? String(perClass.indexOf(Math.max(...perClass))) : ' ';
    }),
  );
}

/** Character cells of the plotting area: braille dots, then labels, then marks. */
function plotCells(
  points: readonly ScatterPoint[],
  bounds: Bounds2,
  width: number,
  height: number,
  marks: NonNullable<ScatterOptions['marks']>,
  paint: Paint,
): string[][] {
  const bits = new Uint8Array(width * height);
  const colour: Array<number | undefined> = new Array(width * height);
  const text: Array<string | undefined> = new Array(width * height);
  const spanX = bounds.maxX - bounds.minX || 1,
    spanY = bounds.maxY - bounds.minY || 1;
  const dotOf = (x: number, y: number) => {
    const dx = Math.round(((x - bounds.minX) / spanX) * (width * 2 - 1));
    const dy = Math.round(((bounds.maxY - y) / spanY) * (height * 4 - 1));
    return dx < 0 || dy < 0 || dx >= width * 2 || dy >= height * 4
      ? undefined
      : { dx, dy, cell: Math.floor(dy / 4) * width + Math.floor(dx / 2) };
  };
  const labelled: Array<{ cell: number; label: string }> = [];
  for (const p of points) {
    const dot = dotOf(p.x, p.y);
    if (!dot) continue;
    bits[dot.cell] |= DOT_BITS[dot.dy % 4][dot.dx % 2];
    if (p.cls !== undefined) colour[dot.cell] = p.cls;
    if (p.label) labelled.push({ cell: dot.cell, label: p.label });
  }
  for (const { cell, label } of labelled) placeLabel(text, bits, cell, label, width);
  for (const mark of marks) {
    const dot = dotOf(mark.x, mark.y);
    if (dot)
      text[dot.cell] = paint(
        mark.text,
        mark.cls === undefined ? 'yellow' : CLASS_COLORS[mark.cls % CLASS_COLORS.length],
      );
  }
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const i = r * width + c;
      if (text[i] !== undefined) return text[i]!;
      if (bits[i] === 0) return ' ';
      const dots = String.fromCharCode(0x2800 + bits[i]);
      return colour[i] === undefined ? dots : paint(dots, CLASS_COLORS[colour[i]! % CLASS_COLORS.length]);
    }),
  );
}

/**
 * Puts a label beside its point's cell (right, else left, then one further out), never on it: the dot stays
 * readable. Cells free of dots are preferred; a label is left out where every place would cover another label.
 */
function placeLabel(
  text: Array<string | undefined>,
  bits: Uint8Array,
  cell: number,
  label: string,
  width: number,
): void {
  const row = Math.floor(cell / width),
    col = cell % width;
  const starts = [col + 1, col - label.length, col + 2, col - label.length - 1];
  const cellsAt = (start: number) => Array.from(label, (_, k) => row * width + start + k);
  const fits = (start: number) =>
    start >= 0 && start + label.length <= width && cellsAt(start).every((c) => text[c] === undefined && c !== cell);
  const start =
    starts.find((at) => fits(at) && cellsAt(at).every((c) => bits[c] === 0)) ?? starts.find((at) => fits(at));
  if (start !== undefined) cellsAt(start).forEach((c, k) => (text[c] = label[k]));
}
