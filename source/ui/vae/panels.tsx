/** The VAE dashboard's panels: loss curves, latent scatter by class, reconstructions, generated digits. */
import { useMemo } from 'react';
import { ansiPaint, noPaint, type Color } from '../../render/ansi.js';
import { lineChart, type ChartSeries } from '../../render/chart.js';
import { stretch } from '../../render/series.js';
import { latentScatterLines, GRID_CAPTION } from '../../render/vae.js';
import { TextBlock, type Rect } from '../text-block.js';
import { digitCount, fittedGrid, fittedTiles } from './digits.js';
import type { VaeFrame, VaeRunInfo, VaeRunView } from './feed.js';

interface PanelProps {
  frame: VaeFrame;
  rect: Rect;
  color: boolean;
}

const WAITING = ['waiting for the first epoch'];
/** The chart's y labels take about this many columns: the rest is the plot, which a few epochs should span. */
const CHART_LABELS = 10;
/** Train and validation colours per run (a second run, --optimizer both, gets the second pair). */
const COLORS: Array<[Color, Color]> = [
  ['cyan', 'yellow'],
  ['magenta', 'green'],
];

/** One run's pictures; `label` names the optimizer when two runs are compared. */
interface PicturePanelProps {
  info: VaeRunInfo;
  run: VaeRunView;
  /** Changes whenever the frame does (the memo key). */
  version: number;
  label?: string;
  rect: Rect;
  color: boolean;
}

const titled = (label: string | undefined, title: string) => (label ? `${label}: ${title}` : title);

/** Train and validation loss per epoch; with --optimizer both, one chart per run, one above the other. */
export function LossPanel({ frame, rect, color }: PanelProps) {
  const lines = useMemo(() => {
    const both = frame.runs.length > 1;
    const height = Math.floor((rect.height - 1) / frame.runs.length);
    const epochs = Math.max(...frame.runs.map((run) => run.epoch?.epoch ?? 0));
    return frame.runs.flatMap((run, i) => {
      // One point per epoch, spread across the width (validation and train have the same epochs).
      const series: ChartSeries[] = [
        { name: 'train', values: stretch(run.train, rect.width - CHART_LABELS), color: COLORS[i % 2][0] },
        { name: 'validation', values: stretch(run.validation, rect.width - CHART_LABELS), color: COLORS[i % 2][1] },
      ].filter((s) => s.values.length > 0 || s.name === 'train');
      const chart = lineChart(series, {
        width: rect.width,
        height: height - (both ? 1 : 0),
        x: { name: 'epoch', from: 1, to: Math.max(1, epochs) },
        paint: paintFor(color),
      });
      // Each chart under its optimizer's name and latest losses: one title could not hold both runs' numbers.
      return both ? [`${run.optimizer}   ${lossNow(run)}`, ...chart] : chart;
    });
  }, [frame.version, rect.width, rect.height, color]);
  const [run] = frame.runs;
  const now = frame.runs.length === 1 ? lossNow(run) : '';
  return <TextBlock title={`loss per image (nats)${now ? `   ${now}` : ''}`} lines={lines} rect={rect} />;
}

function lossNow(run: VaeRunView): string {
  const e = run.epoch;
  if (!e) return '';
  const validation = e.validationLoss === undefined ? '' : ` val ${e.validationLoss.toFixed(1)}`;
  return `train ${e.trainLoss.toFixed(1)}${validation}`;
}

/** The held-out digits at their latent means, coloured and labelled by class, with the legend under them. */
export function LatentPanel({ info, run, version, label, rect, color }: PicturePanelProps) {
  const lines = useMemo(() => {
    const view = run.epoch?.view;
    if (!view) return { title: titled(label, 'latent space'), rest: WAITING };
    const plotFor = (height: number) => latentScatterLines(view, info.classNames, { width: rect.width, height, color });
    // The legend takes one or more lines depending on the width: measure it once, then give the plot the rest.
    const legend = plotFor(3).length - 4;
    const [title, ...rest] = plotFor(Math.max(3, rect.height - 1 - legend));
    return { title: titled(label, title), rest };
  }, [version, rect.width, rect.height, color, label]);
  return <TextBlock title={lines.title} lines={lines.rest} rect={rect} />;
}

/** Held-out digits, each original beside its reconstruction (decoded from its latent mean). */
export function ReconstructionPanel({ run, version, label, rect }: PicturePanelProps) {
  const lines = useMemo(() => {
    const view = run.epoch?.view;
    if (!view) return WAITING;
    const tiles = Array.from({ length: digitCount(view.originals) }, (_, i) => ({
      digits: [
        { pixels: view.originals, index: i },
        { pixels: view.reconstructions, index: i },
      ],
      caption: `class ${view.labels[i]}`,
    }));
    return fittedTiles(tiles, { width: rect.width, height: rect.height - 1 }, 2);
  }, [version, rect.width, rect.height]);
  return <TextBlock title={titled(label, 'original | reconstruction')} lines={lines} rect={rect} />;
}

/** New digits decoded from the prior: a latent grid (2-D) or fixed N(0, I) draws, the same codes every epoch. */
export function GeneratedPanel({ run, version, label, rect }: PicturePanelProps) {
  const view = run.epoch?.view;
  const lines = useMemo(() => {
    if (!view) return WAITING;
    const room = { width: rect.width, height: rect.height - 1 };
    if (view.gridSize !== undefined) return fittedGrid(view.generated, view.gridSize, room);
    return fittedTiles(
      Array.from({ length: digitCount(view.generated) }, (_, i) => ({
        digits: [{ pixels: view.generated, index: i }],
      })),
      room,
      4,
    );
  }, [version, rect.width, rect.height]);
  const title =
    view?.gridSize === undefined ? 'generated: decoded from draws of N(0, I)' : `generated: ${GRID_CAPTION}`;
  return <TextBlock title={titled(label, title)} lines={lines} rect={rect} />;
}

const paintFor = (color: boolean) => (color ? ansiPaint : noPaint);
