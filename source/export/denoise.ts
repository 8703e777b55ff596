/**
 * The denoising study's export. A single run: its loss curve, the clean / noisy / denoised triplets (wrong pixels
 * marked against the clean glyph), its score and the per-glyph scores of the triplets. A sweep: output against
 * input error of every model at every noise setting (one chart per architecture), the summary and
 * generalisation tables, and each training's final loss. Drawn from what the screen showed and the result line.
 */
import { GLYPH_COLS, GLYPH_ROWS, type Glyph } from '../data/font.js';
import { describeNoise, noiseFields, type NoiseSpec } from '../data/noise.js';
import { shortLabel } from '../render/denoise.js';
import { lineChartSvg, type Series } from '../render/svg/line-chart.js';
import { pixelGridSvg } from '../render/svg/pixel-grid.js';
import type { TripletSample } from '../train/denoise-score.js';
import type { HistoryRow } from '../train/history.js';
import type { ExportBundle, Figure } from './contents.js';
import { chunk, historyFigure, historyTable } from './figures.js';
import { objectTable, type Cell, type Table } from './table.js';

/** docs/CONTRACTS.md's denoise row: model, architecture, noise fields, seeds, the four scores (and their …Std). */
export type DenoiseRow = Record<string, Cell>;

export type DenoiseRunResult = {
  event: 'result';
  experiment: 'denoise';
  epochs: number;
  trainSeconds: number;
  copies: number;
  backend: string;
  seed: number;
  rows: DenoiseRow[];
};

export type DenoiseSweepResult = {
  event: 'result';
  experiment: 'denoise';
  sweep: true;
  /** The backend every training ran on. */
  backend: string;
  seeds: number;
  seed: number;
  epochs: number;
  copies: number;
  workers: number;
  sweepSeconds: number;
  rows: DenoiseRow[];
  /** Each model (in training order) at every noise setting of the sweep. */
  generalisation: Array<{
    model: string;
    architecture: string;
    trainedOn: Record<string, Cell> | null;
    scoredOn: Array<Record<string, Cell>>;
  }>;
};

export interface DenoiseRunExportInput {
  /** The settings the run used, in the form `--config` reads. */
  config: Record<string, unknown>;
  glyphs: Glyph[];
  noise: NoiseSpec;
  /** The first scoring copy of each glyph: the triplets the screen showed. */
  samples: TripletSample[];
  history: HistoryRow[];
  /** The `--json` result line. */
  result: DenoiseRunResult;
}

export interface DenoiseSweepExportInput {
  config: Record<string, unknown>;
  levels: NoiseSpec[];
  /** Every training of the sweep, in job order, with its final loss on the clean glyphs. */
  jobs: Array<{ architecture: string; model: string; trainedOn: string; seed: number; loss: number }>;
  result: DenoiseSweepResult;
}

const TRIPLETS_PER_ROW = 4;

export function denoiseRunExport(input: DenoiseRunExportInput): ExportBundle {
  const { glyphs, noise, samples, result } = input;
  const [row] = result.rows;
  const figures: Figure[] = [
    historyFigure(
      {
        name: 'loss',
        title: 'Loss per epoch',
        yLabel: `loss (${input.config.loss ?? 'training'})`,
        caption:
          `The loss of the reconstructions of the ${glyphs.length} clean glyphs after each epoch;` +
          ` every training step saw fresh noisy copies (${describeNoise(noise)}).`,
      },
      input.history,
      [{ key: 'loss', name: 'clean glyphs' }],
    ),
    {
      name: 'triplets',
      title: 'Clean, noisy, denoised',
      caption:
        'The first scoring copy of each glyph: clean, noisy (grey by value,' +
        ' so that noise which never crosses 0.5 shows), and the output with its wrong pixels marked' +
        ' against the clean glyph. Under the noisy copy and the output: their wrong pixels.',
      svg: pixelGridSvg({
        title: 'Clean, noisy, denoised',
        bitmapRows: GLYPH_ROWS,
        bitmapCols: GLYPH_COLS,
        shading: 'binary',
        groupSize: 3,
        rows: chunk(
          glyphs.flatMap((g, i) => [
            { pixels: g.pixels, caption: g.char },
            { pixels: samples[i].noisy, shading: 'gray' as const, caption: String(samples[i].inputWrongPixels) },
            { pixels: samples[i].output, target: g.pixels, caption: String(samples[i].wrongPixels) },
          ]),
          3 * TRIPLETS_PER_ROW,
        ),
      }),
    },
  ];
  const tables: Table[] = [
    objectTable('summary', 'Scores (means per glyph, against the clean glyph)', result.rows),
    objectTable(
      'triplets',
      'The triplets: the first copy of each glyph, scored on its own',
      glyphs.map((g, i) => {
        const { noisy, output, ...scores } = samples[i];
        return { char: g.char, ...scores };
      }),
    ),
    historyTable(input.history),
  ];
  return {
    experiment: 'denoise',
    title: 'Denoising autoencoder',
    summary: [
      `${row.architecture} trained for ${result.epochs} epochs on ${describeNoise(noise)}` +
        ` in ${result.trainSeconds.toFixed(2)} s   backend ${result.backend}   seed ${result.seed}`,
      `scored on ${result.copies} fresh noisy copies of each glyph, against the clean glyph (means per glyph):`,
      ...scoreLines(row),
    ],
    config: input.config,
    result,
    figures,
    tables,
  };
}

export function denoiseSweepExport(input: DenoiseSweepExportInput): ExportBundle {
  const { levels, result } = input;
  const label = (trainedOn: Record<string, Cell> | null) => {
    if (trainedOn === null) return 'plain';
    return shortLabel(levels.find((level) => JSON.stringify(noiseFields(level)) === JSON.stringify(trainedOn))!);
  };
  const architectures = [...new Set(result.generalisation.map((m) => m.architecture))];
  const figures = architectures.map((architecture): Figure => {
    const name = `generalisation-${architecture}`,
      title = `Output against input error, ${architecture}`;
    const series: Series[] = result.generalisation
      .filter((m) => m.architecture === architecture)
      .map((m) => ({
        name: label(m.trainedOn),
        points: m.scoredOn
          .map((s): [number, number] => [Number(s.inputMeanAbsError), Number(s.meanAbsError)])
          .sort(([a], [b]) => a - b),
      }));
    const inputs = series[0].points.map(([x]) => x);
    series.push({
      name: 'output = input',
      points: [
        [Math.min(...inputs), Math.min(...inputs)],
        [Math.max(...inputs), Math.max(...inputs)],
      ],
    });
    return {
      name,
      title,
      caption:
        "Each model's output mean abs error (means over seeds) at every noise setting, against the noisy input's;" +
        ' a curve per noise setting the model was trained on (plain: the baseline trained on clean glyphs).' +
        ' Below the line "output = input" a model removes noise.',
      svg: lineChartSvg({ title, xLabel: 'noisy input mean abs error', yLabel: 'output mean abs error', series }),
    };
  });
  const denoising = result.rows.filter((r) => r.model === 'denoising'),
    plain = result.rows.filter((r) => r.model === 'plain');
  const better = (rows: DenoiseRow[], than: (row: DenoiseRow, i: number) => Cell) =>
    rows.filter((r, i) => Number(r.meanAbsError) < Number(than(r, i))).length;
  const jobs = input.jobs.length;
  const tables: Table[] = [
    objectTable(
      'summary',
      'Scores of each model at the noise setting it trained on (means over seeds; …Std: their spread)',
      result.rows,
    ),
    objectTable(
      'generalisation',
      'Generalisation: output mean abs error of each model (rows) at each noise setting (columns)',
      result.generalisation.map((m) => ({
        architecture: m.architecture,
        trainedOn: label(m.trainedOn),
        ...Object.fromEntries(m.scoredOn.map((s, level) => [shortLabel(levels[level]), s.meanAbsError])),
      })),
    ),
    objectTable('trainings', 'Every training: its final loss on the clean glyphs', input.jobs, jobs <= 40),
  ];
  return {
    experiment: 'denoise',
    title: 'Denoising autoencoder: noise sweep',
    summary: [
      `${jobs} trainings of ${result.epochs} epochs: ${architectures.length} architectures` +
        ` x (${levels.length} noise settings + the plain baseline)` +
        ` x ${result.seeds} seed${result.seeds > 1 ? 's' : ''},` +
        ` in ${result.sweepSeconds.toFixed(1)} s on ${result.workers} worker threads`,
      `scored on ${result.copies} fresh noisy copies of each glyph, against the clean glyph (means per glyph)`,
      'denoisers with a smaller output than input mean abs error:' +
        ` ${better(denoising, (r) => r.inputMeanAbsError)} of ${denoising.length}`,
      'denoisers with a smaller output mean abs error than the plain baseline on the same inputs:' +
        ` ${better(denoising, (_, i) => plain[i].meanAbsError)} of ${denoising.length}`,
    ],
    config: input.config,
    result,
    figures,
    tables,
  };
}

function scoreLines(row: DenoiseRow): string[] {
  const pair = (input: Cell, output: Cell, digits: number) =>
    `${Number(input).toFixed(digits)} in the noisy input, ${Number(output).toFixed(digits)} in the output`;
  return [
    `wrong pixels: ${pair(row.inputWrongPixels, row.wrongPixels, 2)}`,
    `mean abs error: ${pair(row.inputMeanAbsError, row.meanAbsError, 4)}`,
  ];
}
