/**
 * Bitmaps in block characters, for any rows x cols (7x5 glyphs, 28x28 digits). Half blocks put two pixel rows
 * in one line, so a 7x5 glyph takes 5 columns x 4 lines. Against a target, a cell holding a wrong pixel shows a
 * letter instead of a block, so errors read without colour: X a pixel lit that should be dark, o one dark that
 * should be lit (X wins when a cell has both); with colour they are also red.
 */
import { noPaint, type Paint } from './ansi.js';

export const HALF_BLOCK_LEGEND = 'X wrongly lit   o wrongly dark';

const BLOCKS = [' ', '▀', '▄', '█'];
const SHADES = [' ', '░', '▒', '▓', '█'];

export interface BitmapOptions {
  /** The pixels the bitmap should have: wrong ones are marked. */
  target?: ArrayLike<number>;
  paint?: Paint;
}

export function halfBlockLines(pixels: ArrayLike<number>, rows: number, cols: number, { target, paint = noPaint }: BitmapOptions = {}): string[] {
  const lit = (i: number) => pixels[i] > 0.5;
  const wrong = (i: number) => target !== undefined && lit(i) !== target[i] > 0.5;
  const lines: string[] = [];
  for (let r = 0; r < rows; r += 2) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const cell = r + 1 < rows ? [r * cols + c, (r + 1) * cols + c] : [r * cols + c];
      const wrongOnes = cell.filter(wrong);
      if (wrongOnes.length > 0) line += paint(wrongOnes.some(lit) ? 'X' : 'o', 'red');
      else line += BLOCKS[(lit(cell[0]) ? 1 : 0) + (cell.length > 1 && lit(cell[1]) ? 2 : 0)];
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
