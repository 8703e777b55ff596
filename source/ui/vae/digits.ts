/**
 * Digits sized to their panel, in grey levels: full size (28 columns x 14 lines) when they fit, else half (14 x 7),
 * a third (9 x 4) or a quarter (7 x 3). Pure functions of the pixels and the room.
 */
import { IMAGE_PIXELS } from '../../data/mnist.js';
import { sideBySide, wrapBlocks } from '../../render/glyph.js';
import { digitGridLines, digitLines } from '../../render/vae.js';
import type { Rect } from '../text-block.js';

/** 3 drops the last pixel row and column (28 = 3 x 9 + 1): MNIST's borders are blank. */
const SCALES = [1, 2, 3, 4];

/** Digits side by side (one, or an original and its reconstruction) with a caption under them. */
export interface Tile {
  digits: Array<{ pixels: Float32Array; index: number }>;
  caption?: string;
}

const fits = (lines: string[], rect: Rect) =>
  lines.length <= rect.height && lines.every((line) => line.length <= rect.width);

/** The tiles wrapped into the rect at the largest scale where at least `least` of them fit (as many as fit). */
export function fittedTiles(tiles: Tile[], rect: Rect, least: number): string[] {
  const at = (scale: number, count: number) =>
    wrapBlocks(
      tiles.slice(0, count).map((tile) => ({
        lines: sideBySide(
          tile.digits.map(({ pixels, index }) => ({ lines: digitLines(pixels, index, scale) })),
          1,
        ),
        caption: tile.caption,
      })),
      rect.width,
      1,
    );
  for (const scale of SCALES) {
    for (let count = tiles.length; count >= Math.min(least, tiles.length); count--) {
      const lines = at(scale, count);
      if (fits(lines, rect)) return lines;
    }
  }
  return at(SCALES[SCALES.length - 1], tiles.length);
}

/** An n x n grid of digits at the largest scale that fits the rect (the smallest, clipped, when none does). */
export function fittedGrid(pixels: Float32Array, n: number, rect: Rect): string[] {
  for (const scale of SCALES) {
    const lines = digitGridLines(pixels, n, rect.width, scale);
    if (fits(lines, rect)) return lines;
  }
  return digitGridLines(pixels, n, rect.width, SCALES[SCALES.length - 1]);
}

export const digitCount = (pixels: Float32Array) => pixels.length / IMAGE_PIXELS;
