/**
 * The VAE's export: train and validation loss curves, and for each trained model (two with `--optimizer both`)
 * the held-out codes' latent scatter coloured by class, originals beside their reconstructions and the
 * generated digits (the latent grid of a 2-D latent space, else draws from N(0, I)) as SVG and PNG; the results
 * (a comparison table when two optimizers ran) and the per-epoch history. Drawn from the last epoch's view,
 * the pictures the screen showed, and the result line.
 */
import { IMAGE_COLS, IMAGE_PIXELS, IMAGE_ROWS } from '../data/mnist.js';
import { pixelGridSvg, type Bitmap } from '../render/svg/pixel-grid.js';
import { scatterSvg } from '../render/svg/scatter.js';
import { className, GRID_CAPTION, latentPlane } from '../render/vae.js';
import { fixed } from '../render/format.js';
import type { HistoryRow } from '../train/history.js';
import type { PicturedEpoch } from '../train/vae.js';
import type { VaeResult } from '../train/vae-result.js';
import { gridPoints } from '../train/vae-view.js';
import type { ExportBundle, Figure } from './contents.js';
import { chunk, historyFigure, historyTable, type CurveSpec } from './figures.js';
import { keyValueTable, objectTable, type Table } from './table.js';

/** One trained model: its result, its last epoch (with the pictures) and its history. */
export interface VaeRunExport {
  result: VaeResult;
  last: PicturedEpoch;
  /** Every epoch of this session; empty for a saved model, which then has no curves. */
  history: HistoryRow[];
}

export interface VaeExportInput {
  /** The settings the run used, in the form `--config` reads. */
  config: Record<string, unknown>;
  classNames: readonly string[];
  runs: VaeRunExport[];
  /** The `--json` result line. */
  result: object;
  /** Set when exporting a saved model instead of a run. */
  modelFile?: string;
}

const PAIRS_PER_ROW = 4;

export function vaeExport(input: VaeExportInput): ExportBundle {
  const { runs } = input;
  const compared = runs.length > 1;
  const [first] = runs.map((r) => r.result);
  const figures: Figure[] = [];
  const curves: CurveSpec[] = runs.flatMap(({ result, history }) => {
    const prefix = compared ? `${result.optimizer} ` : '';
    const validation = history.some((row) => row.validationLoss !== undefined);
    return [
      { key: 'trainLoss', name: `${prefix}train`, rows: history },
      ...(validation ? [{ key: 'validationLoss', name: `${prefix}validation`, rows: history }] : []),
    ];
  });
  if (runs.some((r) => r.history.length > 0)) {
    figures.push(
      historyFigure(
        {
          name: 'loss',
          title: 'Loss per epoch',
          yLabel: 'loss per image (nats)',
          caption:
            "The mean loss per image (BCE summed over the 784 pixels + KL) over each epoch's minibatches (train)" +
            ' and on the held-out images after the epoch (validation).',
        },
        [],
        curves,
      ),
    );
  }
  for (const run of runs)
    figures.push(...modelFigures(run, input.classNames, compared ? `-${run.result.optimizer}` : ''));

  const { event, ...scalars } = input.result as Record<string, unknown>;
  const tables: Table[] = [
    compared
      ? objectTable(
          'comparison',
          'The optimizers compared (loss per image in nats)',
          runs.map(({ result: r }) => ({
            optimizer: r.optimizer,
            trainLoss: r.trainLoss,
            validationLoss: r.validationLoss ?? null,
            testLoss: r.testLoss,
            epochs: r.epochs,
            trainSeconds: r.trainSeconds,
            samplesPerSecond: r.samplesPerSecond,
          })),
        )
      : keyValueTable('summary', 'Summary', scalars, ['field', 'value']),
  ];
  const history = runs.flatMap(({ result, history: rows }) =>
    rows.map((row) => (compared ? { optimizer: result.optimizer, ...row } : row)),
  );
  if (history.length > 0) tables.push(historyTable(history));
  const origin = input.modelFile
    ? `the saved model ${input.modelFile} (${first.architecture}, ${first.epochs} epochs on ${first.dataset}),` +
      ` evaluated on the ${first.backend} backend (no training)`
    : `${first.architecture} on ${first.dataset}, ${first.epochs} epochs, backend ${first.backend}, seed ${first.seed}`;
  return {
    experiment: 'vae',
    title: 'Variational autoencoder',
    summary: [
      origin,
      'loss per image in nats (BCE summed over the pixels + KL)',
      ...runs.map(
        ({ result: r }) =>
          `${r.optimizer}: train ${fixed(r.trainLoss)}, validation ${fixed(r.validationLoss)},` +
          ` test ${fixed(r.testLoss)}; ${Math.round(r.samplesPerSecond)} samples/s`,
      ),
    ],
    config: input.config,
    result: input.result,
    figures,
    tables,
  };
}

/** The latent scatter, the reconstructions and the generated digits of one model; `suffix` names its files. */
function modelFigures(
  { result, last: { view } }: VaeRunExport,
  classNames: readonly string[],
  suffix: string,
): Figure[] {
  const of = suffix ? ` (${result.optimizer})` : '';
  const { points, xName, yName } = latentPlane(view);
  const digit = (pixels: Float32Array, i: number): Bitmap => ({
    pixels: pixels.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS),
  });
  const shown = view.originals.length / IMAGE_PIXELS;
  const generated = view.generated.length / IMAGE_PIXELS;
  const n = view.gridSize;
  const figures: Figure[] = [
    {
      name: `latent${suffix}`,
      title: `Latent space${of}`,
      caption:
        `The latent means of ${points.length} held-out images, coloured by class` +
        (view.latent === 2
          ? '.'
          : ` (their first two principal components: the latent space has ${view.latent} dimensions).`),
      svg: scatterSvg({
        title: `Latent space${of}`,
        xLabel: xName,
        yLabel: yName,
        points: points.map((p) => ({ x: p.x, y: p.y, group: className(classNames, p.cls) })),
      }),
    },
    digitFigure(
      `reconstructions${suffix}`,
      `Originals and reconstructions${of}`,
      `The first ${shown} held-out images (left, with their class) beside their reconstructions (right),` +
        ' decoded from the latent mean.',
      {
        rows: chunk(
          Array.from({ length: shown }, (_, i) => [
            { ...digit(view.originals, i), caption: className(classNames, view.labels[i]) },
            { ...digit(view.reconstructions, i), caption: '' },
          ]).flat(),
          2 * PAIRS_PER_ROW,
        ),
        groupSize: 2,
      },
    ),
  ];
  if (n === undefined) {
    figures.push(
      digitFigure(
        `generated${suffix}`,
        `Generated digits${of}`,
        `The decoder's output at ${generated} draws from N(0, I), the same draws every epoch.`,
        { rows: [Array.from({ length: generated }, (_, i) => digit(view.generated, i))] },
      ),
    );
  } else {
    const z = gridPoints(n);
    figures.push(
      digitFigure(
        `latent-grid${suffix}`,
        `Latent grid${of}`,
        `The decoder's output on a ${n} x ${n} grid: ${GRID_CAPTION}.`,
        {
          rows: chunk(
            Array.from({ length: generated }, (_, i) => digit(view.generated, i)),
            n,
          ),
          columnLabels: Array.from({ length: n }, (_, c) => z[2 * c].toFixed(2)),
          rowLabels: Array.from({ length: n }, (_, r) => z[2 * r * n + 1].toFixed(2)),
        },
      ),
    );
  }
  return figures;
}

/** A sheet of 28x28 digits in gray, as SVG and PNG. */
function digitFigure(
  name: string,
  title: string,
  caption: string,
  grid: { rows: Bitmap[][]; groupSize?: number; columnLabels?: string[]; rowLabels?: string[] },
): Figure {
  return {
    name,
    title,
    caption,
    png: true,
    svg: pixelGridSvg({ title, bitmapRows: IMAGE_ROWS, bitmapCols: IMAGE_COLS, shading: 'gray', ...grid }),
  };
}
