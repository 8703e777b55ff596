/**
 * The denoise dashboard: clean / noisy / denoised triplets per glyph with the wrong pixels and mean abs error of
 * the noisy input beside those of the output, and the live loss chart. DenoiseDashboardView is a pure function
 * of (run info, frame, state, size) for the snapshot tests; DenoiseDashboard wires it to the live run.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Glyph } from '../../data/font.js';
import { ansiPaint, noPaint } from '../../render/ansi.js';
import { TRIPLET_LEGEND, tripletPanel } from '../../render/denoise.js';
import { formatDuration, wholeNumber } from '../../render/format.js';
import { Footer, StatusLine, TooSmall } from '../chrome.js';
import type { GlyphFeed, GlyphFrame } from '../glyph-feed.js';
import { ChartPanel } from '../font/panels.js';
import { commonKey, pageKey, useKeys, type CommonKeyContext } from '../keys.js';
import type { DashboardState } from '../state.js';
import type { TerminalSize } from '../terminal.js';
import { clip, TextBlock, type Rect } from '../text-block.js';
import { useDashboard, type DashboardWiring } from '../use-dashboard.js';
import type { TripletScorer } from './scorer.js';

export interface DenoiseRunInfo {
  glyphs: Glyph[];
  architecture: string;
  /** The noise, in words ("mutation p=0.3 max=0.5"). */
  noise: string;
  backend: string;
  maxEpochs: number;
  scorer: TripletScorer;
}

export const MIN_SIZE = { columns: 60, rows: 16 };
const CHART_WIDTH = 44,
  GAP = 2,
  LEGEND_LINES = 3;
/** One row of triplets: 7 glyph lines, in and out lines, the caption, a blank line. */
const TRIPLET_ROW_LINES = 11;

type Layout =
  | { kind: 'too-small' }
  | { kind: 'side' | 'pages'; body: Rect; triplets: Rect; chart: Rect; pages: number };

export function denoiseLayout({ columns, rows }: TerminalSize): Layout {
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) return { kind: 'too-small' };
  const body = { width: columns, height: rows - 3 };
  if (columns >= 110)
    return {
      kind: 'side',
      body,
      pages: 1,
      triplets: { width: columns - CHART_WIDTH - GAP, height: body.height },
      chart: { width: CHART_WIDTH, height: body.height },
    };
  return { kind: 'pages', body, pages: 2, triplets: body, chart: body };
}

const HELP = [
  'q, Ctrl-C   quit (the terminal is restored; a summary stays on it)',
  'p           pause or resume training',
  's           save the model now (to --save FILE, or denoise-model.json)',
  'tab         next page, when the terminal is too small for both panels',
  '↑ ↓         scroll the triplets',
  '?           this help (? or Esc closes it)',
  '',
  'triplets    per glyph: clean | noisy | denoised, for the first of the',
  '            --copies fresh noisy copies the final score uses; in: wrong',
  '            pixels and mean abs error of the noisy input, out: of the',
  '            output, both against the clean glyph',
  'loss        the training loss and the wrong pixels of the clean glyphs',
];

export interface DenoiseViewProps {
  info: DenoiseRunInfo;
  frame: GlyphFrame;
  state: DashboardState;
  size: TerminalSize;
  color: boolean;
}

export function DenoiseDashboardView({ info, frame, state, size, color }: DenoiseViewProps) {
  const layout = denoiseLayout(size);
  const scored = useMemo(() => info.scorer.score(), [info, frame.version]);
  if (layout.kind === 'too-small') return <TooSmall need={MIN_SIZE} columns={size.columns} rows={size.rows} />;
  const keys =
    state.overlay === 'help'
      ? 'q quit  ? or esc close the help'
      : `q quit  p pause  s save  ↑↓ scroll  ? help${layout.pages > 1 ? '  tab page' : ''}`;
  const { score } = scored;
  const last = frame.last;
  const first = `sia-ae denoise · ${info.architecture} · ${info.noise} · ${info.backend} · `;
  const second =
    `epoch ${last?.epoch ?? 0}/${info.maxEpochs} · ` +
    `wrong px/glyph ${score.inputWrongPixels.toFixed(2)} → ${score.wrongPixels.toFixed(2)}, ` +
    `MAE/px ${score.inputMeanAbsError.toFixed(3)} → ${score.meanAbsError.toFixed(3)} (noisy → out) · ` +
    `loss ${last ? last.loss.toPrecision(4) : '-'} · ` +
    `${wholeNumber(frame.epochsPerSecond)} epochs/s · ${formatDuration(frame.elapsedMs)}`;
  const triplets = <TripletPanel info={info} samples={scored.samples} rect={layout.triplets} scroll={state.scroll} />;
  const chart = (
    <ChartPanel frame={frame} rect={layout.chart} paint={color ? ansiPaint : noPaint} pixelsOf="clean glyphs" />
  );
  const body =
    state.overlay === 'help' ? (
      <TextBlock title="keys" lines={HELP} rect={layout.body} />
    ) : layout.kind === 'pages' ? (
      state.page % 2 === 0 ? (
        triplets
      ) : (
        chart
      )
    ) : (
      <Box flexDirection="row" gap={GAP}>
        {triplets}
        {chart}
      </Box>
    );
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      <StatusLine text={first} status={frame.status} width={size.columns} color={color} />
      <Text>{clip(second, size.columns)}</Text>
      <Box height={layout.body.height}>{body}</Box>
      <Footer keys={keys} message={state.message || frame.notice} width={size.columns} />
    </Box>
  );
}

function TripletPanel({
  info,
  samples,
  rect,
  scroll,
}: {
  info: DenoiseRunInfo;
  samples: ReturnType<TripletScorer['score']>['samples'];
  rect: Rect;
  scroll: number;
}) {
  const lines = tripletPanel(info.glyphs, samples, rect.width);
  const rows = Math.ceil(lines.length / TRIPLET_ROW_LINES),
    shown = rowsShown(rect);
  const first = Math.min(scroll, Math.max(0, rows - shown));
  const position = rows > shown ? `   rows ${first + 1}-${Math.min(rows, first + shown)} of ${rows} ↑↓` : '';
  const legend = [
    ...TRIPLET_LEGEND.split('\n'),
    'in/out: wrong pixels and mean abs error of the noisy input / the output',
  ];
  return (
    <TextBlock
      title={`triplets${position}`}
      // Whole rows only (each row's last line is the blank between rows), so the header's range is what shows.
      lines={[...legend, ...lines.slice(first * TRIPLET_ROW_LINES, (first + shown) * TRIPLET_ROW_LINES - 1)]}
      rect={rect}
    />
  );
}

/** Whole rows of triplets under the title and legend (the last row needs no blank line after it). */
function rowsShown(rect: Rect): number {
  const room = rect.height - 1 - LEGEND_LINES;
  return Math.max(1, Math.floor((room + 1) / TRIPLET_ROW_LINES));
}

/** The triplet rows that can be scrolled past. */
function maxScroll(info: DenoiseRunInfo, rect: Rect): number {
  const perRow = Math.max(1, Math.floor((rect.width + 3) / 20));
  const rows = Math.ceil(info.glyphs.length / perRow);
  return Math.max(0, rows - rowsShown(rect));
}

export interface DenoiseDashboardProps extends DashboardWiring<GlyphFrame> {
  info: DenoiseRunInfo;
  feed: GlyphFeed;
  save: CommonKeyContext['save'];
  color: boolean;
}

export function DenoiseDashboard({ info, save, color, ...wiring }: DenoiseDashboardProps) {
  const { state, dispatch, frame, drawn, quit } = useDashboard(wiring);
  const layout = denoiseLayout(drawn);
  useKeys((input, key) => {
    const context = {
      state,
      dispatch,
      status: frame.status,
      save,
      saves: 'the model',
      quit,
      pages: layout.kind === 'too-small' ? 1 : layout.pages,
    };
    if (
      commonKey(input, key, context) ||
      pageKey(key, context) ||
      layout.kind === 'too-small' ||
      state.overlay !== 'none'
    )
      return;
    if (key.upArrow || key.downArrow)
      dispatch({ type: 'scroll', by: key.upArrow ? -1 : 1, max: maxScroll(info, layout.triplets) });
  });
  return <DenoiseDashboardView info={info} frame={frame} state={state} size={drawn} color={color} />;
}
