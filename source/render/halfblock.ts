/**
 * Bitmaps in block characters, for any rows x cols (7x5 glyphs, 28x28 digits). Half blocks put two pixel rows
 * in one line, so a 7x5 glyph takes 5 columns x 4 lines. Against a target, a cell holding a wrong pixel shows a
 * letter instead of a block, so errors read without colour: X a pixel lit that should be dark, o one dark that
 * should be lit (X wins when a cell has both); with colour they are also red. Targets apply at full scale only.
 */
import { noPaint, type Paint } from './ansi.js';
import { SHADE_RAMPS } from './charset.js';

export const HALF_BLOCK_LEGEND = 'X wrongly lit   o wrongly dark';

const BLOCKS = [' ', '▀', '▄', '█'];
const SHADES = [...SHADE_RAMPS.unicode];

export interface BitmapOptions {
  /** The pixels the bitmap should have: wrong ones are marked. */
  target?: ArrayLike<number>;
  paint?: Paint;
  /** Pixels above this are lit. */
  threshold?: number;
  /** 2 averages 2x2 blocks first: half the size, for grids of digits. */
  scale?: number;
}

export function halfBlockLines(
  pixels: ArrayLike<number>,
  rows: number,
  cols: number,
  { target, paint = noPaint, threshold = 0.5, scale = 1 }: BitmapOptions = {},
): string[] {
  const height = Math.floor(rows / scale),
    width = Math.floor(cols / scale);
  const value = (r: number, c: number) => {
    let sum = 0;
    for (let dr = 0; dr < scale; dr++)
      for (let dc = 0; dc < scale; dc++) sum += pixels[(r * scale + dr) * cols + c * scale + dc];
    return sum / (scale * scale);
  };
  const lit = (r: number, c: number) => value(r, c) > threshold;
  const wrong = (r: number, c: number) => target !== undefined && lit(r, c) !== target[r * cols + c] > 0.5;
  const lines: string[] = [];
  for (let r = 0; r < height; r += 2) {
    let line = '';
    for (let c = 0; c < width; c++) {
      const cell: Array<[number, number]> =
        r + 1 < height
          ? [
              [r, c],
              [r + 1, c],
            ]
          : [[r, c]];
      const wrongOnes = cell.filter(([y, x]) => wrong(y, x));
      if (wrongOnes.length > 0) line += paint(wrongOnes.some(([y, x]) => lit(y, x)) ? 'X' : 'o', 'red');
      else line += BLOCKS[(lit(r, c) ? 1 : 0) + (cell.length > 1 && lit(r + 1, c) ? 2 : 0)];
    }
    lines.push(line);
  }
  return lines;
}

/** A large bitmap: each pixel `scale` columns wide and one line high, shaded by its value (░▒▓ in between). */
export function shadedLines(pixels: ArrayLike<number>, rows: number, cols: number, scale = 2): string[] {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const value = Math.min(1, Math.max(0, pixels[r * cols + c]));
      line += SHADES[Math.round(value * (SHADES.length - 1))].repeat(scale);
    }
    lines.push(line);
  }
  return lines;
}

/** Where each shade starts: below the first, blank, so the faint haze a decoder leaves around a digit stays out. */
const GREY_STEPS = [0.15, 0.35, 0.6, 0.85];
const greyLevel = (value: number) => GREY_STEPS.filter((step) => value >= step).length;

/**
 * A bitmap in grey levels, `width` characters across and as many lines as keep its shape (a character is about
 * twice as tall as wide): each character averages the pixels that fall in it, so a stroke peaking at 0.5 still
 * shows, greyer, at any size.
 */
export function greyCellLines(pixels: ArrayLike<number>, rows: number, cols: number, width = cols): string[] {
  const ramp = SHADE_RAMPS.unicode;
  const height = Math.max(1, Math.round((width * rows) / cols / 2));
  const sums = new Float64Array(width * height),
    counts = new Uint16Array(width * height);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cell = Math.floor((r * height) / rows) * width + Math.floor((c * width) / cols);
      sums[cell] += pixels[r * cols + c];
      counts[cell]++;
    }
  return Array.from({ length: height }, (_, line) =>
    Array.from({ length: width }, (_, x) => ramp[greyLevel(sums[line * width + x] / counts[line * width + x])]).join(
      '',
    ),
  );
}
