/**
 * The `denoise --sweep` screen: every training of the study as a row that fills in as its job runs (progress,
 * then the noisy input's error against the output's, with its loss curve), and the results as they become
 * ready. SweepDashboardView is a pure function of (info, frame, state, size) for the snapshot tests;
 * SweepDashboard wires it to the live feed and the keys.
 */
import { Box, Text, useApp } from 'ink';
import { useReducer } from 'react';
import { formatDuration } from '../../render/format.js';
import { Footer, StatusLine, TooSmall } from '../chrome.js';
import { useKeys } from '../keys.js';
import { dashboardReducer, INITIAL_STATE, type DashboardState } from '../state.js';
import { useTerminalSize, type TerminalSize } from '../terminal.js';
import { clip, TextBlock, type Rect } from '../text-block.js';
import { useSampled, type SamplingOptions } from '../use-sampled.js';
import type { SweepFeed, SweepFrame } from './feed.js';
import { jobLines } from './rows.js';

export interface SweepInfo {
  /** What is trained, in words ("14 trainings of 2000 epochs on 2 worker threads"). */
  plan: string;
  backend: string;
}

export const MIN_SIZE = { columns: 60, rows: 16 };
/** The results need this many lines beside the jobs, or they get a page of their own. */
const MIN_RESULTS = 8;
const JOBS_TITLE = 'trainings: MAE (mean abs error per pixel) of the noisy input → the output; loss';

type Layout = { kind: 'too-small' } | { kind: 'stacked' | 'pages'; jobs: Rect; results: Rect; pages: number };

export function sweepLayout({ columns, rows }: TerminalSize, jobs: number): Layout {
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) return { kind: 'too-small' };
  const body = rows - 3;
  const jobHeight = jobs + 1;
  if (body - jobHeight >= MIN_RESULTS + 1)
    return {
      kind: 'stacked',
      pages: 1,
      jobs: { width: columns, height: jobHeight },
      results: { width: columns, height: body - jobHeight - 1 },
    };
  const page = { width: columns, height: body };
  return { kind: 'pages', pages: 2, jobs: page, results: page };
}

export interface SweepViewProps {
  info: SweepInfo;
  frame: SweepFrame;
  state: DashboardState;
  size: TerminalSize;
  color: boolean;
}

export function SweepDashboardView({ info, frame, state, size, color }: SweepViewProps) {
  const layout = sweepLayout(size, frame.jobs.length);
  if (layout.kind === 'too-small') return <TooSmall need={MIN_SIZE} columns={size.columns} rows={size.rows} />;
  const finished = frame.status === 'finished' || frame.status === 'failed';
  const keys = `${finished ? 'q quit' : 'q stop the sweep'}  ↑↓ scroll${layout.pages > 1 ? '  tab page' : ''}`;
  const message = finished ? 'the sweep is done: q leaves the tables on the terminal' : '';
  const running = frame.jobs.filter((job) => job.state === 'running').length;
  const second =
    `done ${frame.done}/${frame.jobs.length} · running ${running} · ${formatDuration(frame.elapsedMs)} · ` + info.plan;
  const jobs = <JobsPanel frame={frame} rect={layout.jobs} scroll={layout.kind === 'pages' ? state.scroll : 0} />;
  const results = <ResultsPanel frame={frame} rect={layout.results} scroll={state.scroll} />;
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      <StatusLine
        text={`sia-ae denoise --sweep · ${info.backend} · `}
        status={frame.status}
        width={size.columns}
        color={color}
      />
      <Text>{clip(second, size.columns)}</Text>
      {layout.kind === 'pages' ? (
        <Box height={layout.jobs.height}>{state.page % 2 === 0 ? jobs : results}</Box>
      ) : (
        <Box flexDirection="column" height={size.rows - 3} gap={1}>
          {jobs}
          {results}
        </Box>
      )}
      <Footer keys={keys} message={state.message || message} width={size.columns} />
    </Box>
  );
}

/** The rows, following the first unfinished job when they do not all fit. */
function JobsPanel({ frame, rect, scroll }: { frame: SweepFrame; rect: Rect; scroll: number }) {
  const lines = jobLines(frame.jobs, rect.width);
  const room = rect.height - 1;
  const unfinished = frame.jobs.findIndex((job) => job.state !== 'done');
  const follow = unfinished < 0 ? 0 : Math.max(0, unfinished - 2);
  const first = Math.min(Math.max(0, lines.length - room), follow + scroll);
  return <TextBlock title={JOBS_TITLE} lines={fitted(lines.slice(first), rect.width)} rect={rect} />;
}

function ResultsPanel({ frame, rect, scroll }: { frame: SweepFrame; rect: Rect; scroll: number }) {
  const lines = frame.results.length > 0 ? frame.results : ['the baseline and the generalisation show here when ready'];
  const first = Math.min(scroll, Math.max(0, lines.length - (rect.height - 1)));
  return <TextBlock title="results" lines={fitted(lines.slice(first), rect.width)} rect={rect} />;
}

/** Lines cut to the width: Ink would wrap them into the lines below. */
function fitted(lines: string[], width: number): string[] {
  return lines.map((line) => clip(line, width));
}

export interface SweepDashboardProps {
  info: SweepInfo;
  feed: SweepFeed;
  /** The user quit: while jobs run, that stops the sweep. */
  onQuit: (frame: SweepFrame) => void;
  color: boolean;
  /** A fixed size (tests); by default the terminal's, less one line. */
  size?: TerminalSize;
  sampling?: SamplingOptions;
}

export function SweepDashboard({ info, feed, onQuit, color, size, sampling }: SweepDashboardProps) {
  const [state, dispatch] = useReducer(dashboardReducer, INITIAL_STATE);
  const { frame } = useSampled(feed, sampling);
  const terminal = useTerminalSize();
  // One line short of the terminal: a full-height frame makes Ink clear the whole screen on every update.
  const drawn = size ?? { columns: terminal.columns, rows: terminal.rows - 1 };
  const layout = sweepLayout(drawn, frame.jobs.length);
  const { exit } = useApp();
  useKeys((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) {
      onQuit(feed.frame());
      exit();
    } else if (key.tab && layout.kind === 'pages') dispatch({ type: 'next-page', pages: layout.pages });
    else if (key.upArrow || key.downArrow)
      dispatch({ type: 'scroll', by: key.upArrow ? -1 : 1, max: Math.max(frame.jobs.length, frame.results.length) });
  });
  return <SweepDashboardView info={info} frame={frame} state={state} size={drawn} color={color} />;
}
