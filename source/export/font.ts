/**
 * The font experiment's export: the loss and wrong-pixel curves, the latent scatter, the glyph sheet,
 * generated letters, interpolations and the latent grid, with their tables. Drawn from the same data the screen
 * and the reporters showed: the run's last epoch, its history and its result line.
 */
import { GLYPH_COLS, GLYPH_PIXELS, GLYPH_ROWS, type Glyph } from '../data/font.js';
import { ModelSnapshot } from '../nn/model-snapshot.js';
import type { Backend } from '../math/backend.js';
import { pixelGridSvg, type Bitmap } from '../render/svg/pixel-grid.js';
import { scatterSvg } from '../render/svg/scatter.js';
import { fontOutcomeLines } from '../render/font-outcome.js';
import type { GlyphDone } from '../train/font.js';
import type { FontResult } from '../train/font-result.js';
import type { HistoryRow } from '../train/history.js';
import { interpolate, latentBounds, latentGrid } from '../train/latent.js';
import type { ExportBundle, Figure } from './contents.js';
import { chunk, historyFigure, historyTable } from './figures.js';
import { keyValueTable, objectTable, type Table } from './table.js';

export type FontResultLine = { event: 'result' } & FontResult;

export interface FontExportInput {
  /** The settings the run used, in the form `--config` reads. */
  config: Record<string, unknown>;
  glyphs: Glyph[];
  /** Decodes the figures' glyphs: the views' backend (the run's own may be released by now). */
  views: Backend;
  /** The last epoch (as the screen showed it) and the trained model. */
  done: GlyphDone;
  /** The `--json` result line. */
  result: FontResultLine;
  /** Every epoch's metrics; empty for a saved model, which then has no curves. */
  history: HistoryRow[];
  /** Latent points kept in the dashboard's explorer: drawn first among the generated letters. */
  kept?: LatentPoint[];
  /** Set when exporting a saved model instead of a run. */
  modelFile?: string;
}

interface LatentPoint {
  label: string;
  z: number[];
}

const GLYPHS_PER_ROW = 8;
const GRID_SIZE = 10;
const INTERPOLATION_STEPS = 8;
/** Interpolations between these pairs where the model knows both glyphs: round to square, mirror images, thin, wide. */
const INTERPOLATION_PAIRS = [
  ['a', 'o'],
  ['b', 'd'],
  ['i', 'l'],
  ['n', 'm'],
  ['v', 'w'],
];

export function fontExport(input: FontExportInput): ExportBundle {
  const { glyphs, done, result, history } = input;
  const latentSize = done.model.latentSize;
  const codes = glyphs.map((_, i) => Array.from(done.last.latent.subarray(i * latentSize, (i + 1) * latentSize)));
  const generated = [...(input.kept ?? []), ...nearestMidpoints(glyphs, codes)];
  const interpolations = interpolationPairs(glyphs).map(([a, b]) =>
    interpolate(codes[a], codes[b], INTERPOLATION_STEPS).map((z, step) => ({
      label: step === 0 ? glyphs[a].char : step === INTERPOLATION_STEPS - 1 ? glyphs[b].char : '',
      z,
    })),
  );
  const grid = latentSize === 2 && glyphs.length >= 2 ? latentGrid(latentBounds(done.last.latent, 2), GRID_SIZE) : [];
  const decoder = new ModelSnapshot(done.model, input.views);
  const [generatedPixels, interpolationPixels, gridPixels] = [
    generated.map((p) => p.z),
    interpolations.flat().map((p) => p.z),
    grid,
  ].map((zs) => decoder.decode(zs));

  const figures: Figure[] = [];
  if (history.length > 0) {
    figures.push(
      historyFigure(
        {
          name: 'loss',
          title: 'Loss per epoch',
          yLabel: `loss (${input.config.loss ?? 'training'})`,
          caption:
            `The training loss on the ${glyphs.length} glyphs after each epoch` +
            ' (there is no validation set: the font is the whole data).',
        },
        history,
        [{ key: 'loss', name: 'train' }],
      ),
      historyFigure(
        {
          name: 'wrong-pixels',
          title: 'Wrong pixels per glyph',
          yLabel: 'wrong pixels',
          caption:
            'The most and the mean wrong pixels per glyph after each epoch;' +
            ` training stops once the most is at most ${result.target}.`,
        },
        history,
        [
          { key: 'maxPixelError', name: 'max' },
          { key: 'meanPixelError', name: 'mean' },
        ],
      ),
    );
  }
  figures.push(
    {
      name: 'latent',
      title: 'Latent space',
      caption:
        "Each glyph's latent code after the last epoch" +
        `${latentSize > 2 ? ` (its first two of ${latentSize} dimensions)` : ''}, labelled with its character.`,
      svg: scatterSvg({
        title: 'Latent space',
        xLabel: 'z0',
        yLabel: latentSize >= 2 ? 'z1' : '(1-D latent space)',
        points: glyphs.map((g, i) => ({ x: codes[i][0], y: codes[i][1] ?? 0, label: g.char })),
      }),
    },
    glyphFigure(
      'glyphs',
      'Originals and reconstructions',
      'Each glyph (left) beside its reconstruction (right), with its count of wrong pixels.',
      chunk(
        glyphs.flatMap((g, i) => [
          { pixels: g.pixels, caption: g.char },
          {
            pixels: done.last.outputs.subarray(i * GLYPH_PIXELS, (i + 1) * GLYPH_PIXELS),
            target: g.pixels,
            caption: String(done.last.perGlyph[i]),
          },
        ]),
        2 * GLYPHS_PER_ROW,
      ),
      2,
    ),
  );
  if (generated.length > 0) {
    figures.push(
      glyphFigure(
        'generated',
        'Generated letters',
        `New letters: the decoder's output ${input.kept?.length ? 'at the points kept in the explorer, then ' : ''}` +
          "halfway between each glyph's code and its nearest neighbour's (captions name the pair).",
        chunk(
          generatedPixels.map((pixels, i) => ({ pixels, caption: generated[i].label })),
          GLYPHS_PER_ROW,
        ),
      ),
    );
  }
  if (interpolations.length > 0) {
    figures.push(
      glyphFigure(
        'interpolations',
        'Interpolations',
        "Decoded points on the straight line between two glyphs' codes," +
          ` ${INTERPOLATION_STEPS} steps, both ends included.`,
        interpolations.map((row, r) =>
          row.map((p, step) => ({ pixels: interpolationPixels[r * INTERPOLATION_STEPS + step], caption: p.label })),
        ),
      ),
    );
  }
  if (grid.length > 0) {
    const column = (c: number) => grid[c][0].toFixed(2),
      row = (r: number) => grid[r * GRID_SIZE][1].toFixed(2);
    figures.push({
      name: 'latent-grid',
      title: 'Latent grid',
      caption:
        `The decoder's output on a ${GRID_SIZE} x ${GRID_SIZE} grid over the box the codes occupy:` +
        ' z0 (above) from left to right, z1 (left) from top to bottom.',
      svg: pixelGridSvg({
        title: 'Latent grid',
        bitmapRows: GLYPH_ROWS,
        bitmapCols: GLYPH_COLS,
        shading: 'binary',
        rows: chunk(
          gridPixels.map((pixels) => ({ pixels })),
          GRID_SIZE,
        ),
        columnLabels: Array.from({ length: GRID_SIZE }, (_, c) => column(c)),
        rowLabels: Array.from({ length: GRID_SIZE }, (_, r) => row(r)),
      }),
    });
  }

  const { perGlyph, latent, event, ...scalars } = result;
  const tables: Table[] = [
    keyValueTable('summary', 'Summary', scalars, ['field', 'value']),
    objectTable(
      'per-glyph',
      'Per glyph: wrong pixels and latent code',
      glyphs.map((g) => ({
        char: g.char,
        wrongPixels: perGlyph[g.char],
        ...Object.fromEntries(latent[g.char].map((v, d) => [`z${d}`, v])),
      })),
    ),
    ...(generated.length > 0
      ? [
          objectTable(
            'generated',
            'Generated letters: latent points (sia-ae generate --z reproduces them)',
            generated.map((p) => ({
              label: p.label,
              ...Object.fromEntries(p.z.map((v, d) => [`z${d}`, v])),
            })),
          ),
        ]
      : []),
    ...(history.length > 0 ? [historyTable(history)] : []),
  ];
  const outcome = fontOutcomeLines(result);
  return {
    experiment: 'font',
    title: 'Font autoencoder',
    summary: input.modelFile
      ? [
          `the saved model ${input.modelFile}, evaluated on its ${glyphs.length} glyphs (no training)`,
          ...outcome.slice(1),
        ]
      : outcome,
    config: input.config,
    result,
    figures,
    tables,
  };
}

/** A sheet of 7x5 glyphs in the rows given, in groups of `groupSize` (pairs: original and reconstruction). */
function glyphFigure(name: string, title: string, caption: string, rows: Bitmap[][], groupSize?: number): Figure {
  return {
    name,
    title,
    caption,
    svg: pixelGridSvg({ title, bitmapRows: GLYPH_ROWS, bitmapCols: GLYPH_COLS, shading: 'binary', rows, groupSize }),
  };
}

/** For each glyph, the midpoint between its code and its nearest neighbour's, each pair once. */
function nearestMidpoints(glyphs: Glyph[], codes: number[][]): LatentPoint[] {
  const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, d) => v - b[d]));
  const seen = new Set<string>();
  const points: LatentPoint[] = [];
  codes.forEach((code, i) => {
    let nearest = -1;
    codes.forEach((other, j) => {
      if (j !== i && (nearest < 0 || distance(code, other) < distance(code, codes[nearest]))) nearest = j;
    });
    if (nearest < 0) return;
    const key = [Math.min(i, nearest), Math.max(i, nearest)].join();
    if (seen.has(key)) return;
    seen.add(key);
    points.push({
      label: `${glyphs[i].char}+${glyphs[nearest].char}`,
      z: code.map((v, d) => (v + codes[nearest][d]) / 2),
    });
  });
  return points;
}

/** Indices of the interpolation pairs the model knows; the first and last glyph when it knows none of them. */
function interpolationPairs(glyphs: Glyph[]): Array<[number, number]> {
  const index = (char: string) => glyphs.findIndex((g) => g.char === char);
  const known = INTERPOLATION_PAIRS.map(([a, b]): [number, number] => [index(a), index(b)]).filter(
    ([a, b]) => a >= 0 && b >= 0,
  );
  if (known.length > 0) return known;
  return glyphs.length >= 2 ? [[0, glyphs.length - 1]] : [];
}
