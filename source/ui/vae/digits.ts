/**
 * Digits sized to their panel, in grey levels: the widest that fits, from full size (28 columns x 14 lines) down
 * to a quarter (7 x 4). Pure functions of the pixels and the room.
 */
import { IMAGE_PIXELS } from '../../data/mnist.js';
import { sideBySide, wrapBlocks } from '../../render/glyph.js';
import { digitGridLines, digitLines } from '../../render/vae.js';
import type { Rect } from '../text-block.js';

/** Digit widths tried, widest first: any width draws (each character averages its pixels). */
const WIDTHS = [28, 24, 21, 18, 16, 14, 12, 10, 9, 8, 7];

/** Digits side by side (one, or an original and its reconstruction) with a caption under them. */
export interface Tile {
  digits: Array<{ pixels: Float32Array; index: number }>;
  caption?: string;
}

const fits = (lines: string[], rect: Rect) =>
  lines.length <= rect.height && lines.every((line) => line.length <= rect.width);

/** The tiles wrapped into the rect at the largest width where at least `least` of them fit (as many as fit). */
export function fittedTiles(tiles: Tile[], rect: Rect, least: number): string[] {
  const at = (width: number, count: number) =>
    wrapBlocks(
      tiles.slice(0, count).map((tile) => ({
        lines: sideBySide(
          tile.digits.map(({ pixels, index }) => ({ lines: digitLines(pixels, index, width) })),
          1,
        ),
        caption: tile.caption,
      })),
      rect.width,
      1,
    );
  for (const width of WIDTHS) {
    for (let count = tiles.length; count >= Math.min(least, tiles.length); count--) {
      const lines = at(width, count);
      if (fits(lines, rect)) return lines;
    }
  }
  return at(WIDTHS[WIDTHS.length - 1], tiles.length);
}

/** An n x n grid of digits at the largest width that fits the rect (the smallest, clipped, when none does). */
export function fittedGrid(pixels: Float32Array, n: number, rect: Rect): string[] {
  for (const width of WIDTHS) {
    const lines = digitGridLines(pixels, n, rect.width, width);
    if (fits(lines, rect)) return lines;
  }
  return digitGridLines(pixels, n, rect.width, WIDTHS[WIDTHS.length - 1]);
}

export const digitCount = (pixels: Float32Array) => pixels.length / IMAGE_PIXELS;
