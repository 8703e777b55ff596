/**
 * The VAE's pictures, as pure functions of an epoch's view (train/vae-view.ts): digits in grey-level blocks,
 * originals beside their reconstructions, generated digits, and the held-out images' latent codes as a
 * braille scatter coloured and labelled by class, with a legend (first two principal components when the
 * latent space has more than two dimensions).
 */
import { IMAGE_COLS, IMAGE_PIXELS, IMAGE_ROWS } from '../data/mnist.js';
import { projectTwo } from '../train/pca.js';
import { GRID_BOX, type VaeView } from '../train/vae-view.js';
import { ansiPaint, CLASS_COLORS } from './ansi.js';
import { wrapWords } from './format.js';
import { scatterPlot } from './braille.js';
import { median } from '../math/median.js';
import { sideBySide, wrapBlocks } from './glyph.js';
import { greyCellLines } from './halfblock.js';

/**
 * One digit in grey levels, `width` columns across (28: one pixel a column): a faint generated stroke shows faint
 * instead of vanishing below a threshold.
 */
export function digitLines(pixels: Float32Array, index: number, width = IMAGE_COLS): string[] {
  const digit = pixels.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
  return greyCellLines(digit, IMAGE_ROWS, IMAGE_COLS, width);
}

/** Each of the first `count` originals with its reconstruction beside it, wrapped to `columns`. */
export function reconstructionLines(
  view: VaeView,
  columns: number,
  count = view.originals.length / IMAGE_PIXELS,
): string[] {
  const pairs = Array.from({ length: count }, (_, i) => ({
    lines: sideBySide([{ lines: digitLines(view.originals, i) }, { lines: digitLines(view.reconstructions, i) }], 1),
    caption: `class ${view.labels[i]}: original | reconstruction`,
  }));
  return wrapBlocks(pairs, columns, 3);
}

/** Digits side by side, wrapped to `columns`, each with an optional caption. */
export function digitRowLines(pixels: Float32Array, columns: number, captions?: readonly string[]): string[] {
  const count = pixels.length / IMAGE_PIXELS;
  return wrapBlocks(
    Array.from({ length: count }, (_, i) => ({ lines: digitLines(pixels, i), caption: captions?.[i] })),
    columns,
    1,
  );
}

/**
 * An n x n grid of digits, row after row, each `width` columns across; by default full size, or half size (14
 * columns) when full size does not fit `columns`.
 */
export function digitGridLines(
  pixels: Float32Array,
  n: number,
  columns: number,
  width = n * (IMAGE_COLS + 1) - 1 <= columns ? IMAGE_COLS : IMAGE_COLS / 2,
): string[] {
  return Array.from({ length: n }, (_, r) =>
    sideBySide(
      Array.from({ length: n }, (_, c) => ({ lines: digitLines(pixels, r * n + c, width) })),
      1,
    ),
  ).flat();
}

/** The generated digits: the latent grid over [-2, 2]², or the N(0, I) draws. */
export function generatedLines(view: VaeView, columns: number): string[] {
  if (view.gridSize === undefined) return digitRowLines(view.generated, columns);
  return [GRID_CAPTION, ...digitGridLines(view.generated, view.gridSize, columns)];
}

export const GRID_CAPTION =
  `z0 ${GRID_BOX.min[0]} .. ${GRID_BOX.max[0]} left to right,` +
  ` z1 ${GRID_BOX.max[1]} .. ${GRID_BOX.min[1]} top to bottom`;

const NO_COLOR_KEY = 'each number: the class of most codes in its cell';

export interface ScatterLayout {
  width: number;
  height: number;
  color: boolean;
}

/**
 * The held-out codes by class: a title, the plot, and a legend. With colour, braille dots coloured by class, each
 * class's number at its median and a legend of colours; without (NO_COLOR), each cell shows the number of the
 * class most of its codes belong to, and the legend says so.
 */
export function latentScatterLines(
  view: VaeView,
  classNames: readonly string[],
  { width, height, color }: ScatterLayout,
): string[] {
  const { points, xName, yName } = latentPlane(view);
  const count = points.length;
  const title =
    view.latent === 2
      ? `latent space: ${count} held-out images (z0 across, z1 up)`
      : `latent space (${view.latent}-D, first two principal components): ${count} held-out images`;
  if (!color) {
    const plot = scatterPlot(points, { width, height, xName, yName, classDigits: true });
    const named = classNames.some((name, k) => name !== String(k));
    const names = named
      ? wrapWords(
          classNames.map((_, k) => className(classNames, k)),
          width,
          2,
        )
      : [];
    return [title, ...plot, ...wrapWords(NO_COLOR_KEY.split(' '), width), ...names];
  }
  const marks = classNames.flatMap((_, cls) => {
    const members = points.filter((p) => p.cls === cls);
    return members.length === 0
      ? []
      : [{ x: median(members.map((p) => p.x)), y: median(members.map((p) => p.y)), text: String(cls), cls }];
  });
  const plot = scatterPlot(points, { width, height, marks, xName, yName, paint: ansiPaint });
  const legend = classNames.map(
    (_, i) => `${ansiPaint('■', CLASS_COLORS[i % CLASS_COLORS.length])} ${className(classNames, i)}`,
  );
  return [title, ...plot, ...wrapWords(legend, width, 2)];
}

/**
 * The held-out codes on a plane (first two principal components when the latent space has more than two
 * dimensions).
 */
export function latentPlane(view: VaeView): {
  points: Array<{ x: number; y: number; cls: number }>;
  xName: string;
  yName: string;
} {
  const count = view.labels.length;
  const plane = view.latent === 2 ? view.codes : projectTwo(view.codes, count, view.latent);
  const points = Array.from({ length: count }, (_, i) => ({
    x: plane[2 * i],
    y: plane[2 * i + 1],
    cls: view.labels[i],
  }));
  return view.latent === 2 ? { points, xName: 'z0', yName: 'z1' } : { points, xName: 'pc1', yName: 'pc2' };
}

/** "3", or "3 Dress" where the class has a name of its own (Fashion-MNIST). */
export function className(classNames: readonly string[], cls: number): string {
  return classNames[cls] === String(cls) ? String(cls) : `${cls} ${classNames[cls]}`;
}
