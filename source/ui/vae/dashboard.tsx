/**
 * The VAE dashboard. VaeDashboardView is a pure function of (run info, frame, state, size): snapshot tests
 * render it directly. VaeDashboard wires it to the live run: sampled frames, the reducer, the keys, pausing.
 */
import { Box, Text } from 'ink';
import { useState } from 'react';
import { formatDuration, wholeNumber } from '../../render/format.js';
import { Footer, StatusLine, TooSmall } from '../chrome.js';
import { commonKey, pageKey, useKeys, type CommonKeyContext } from '../keys.js';
import type { DashboardState } from '../state.js';
import type { TerminalSize } from '../terminal.js';
import { clip, TextBlock, type Rect } from '../text-block.js';
import { useDashboard, type DashboardWiring } from '../use-dashboard.js';
import type { VaeFeed, VaeFrame, VaeRunInfo } from './feed.js';
import { PANEL_GAP, vaeLayout, type VaeLayout } from './layout.js';
import { GeneratedPanel, LatentPanel, LossPanel, ReconstructionPanel } from './panels.js';

export interface VaeDashboardViewProps {
  info: VaeRunInfo;
  frame: VaeFrame;
  state: DashboardState;
  size: TerminalSize;
  color: boolean;
  /** Whose pictures show when two runs do not fit side by side (an index into frame.runs). */
  shown?: number;
}

const HELP = [
  'q, Ctrl-C   quit; a run not yet finished is saved as a checkpoint',
  '            (sia-ae vae --load FILE continues it)',
  'p           pause or resume training',
  's           save a checkpoint now (to --save FILE, else',
  '            vae-checkpoint.json) and carry on',
  'tab         next page, when the terminal is too small for every panel',
  "o           the other optimizer's pictures (--optimizer both, when they",
  '            do not fit side by side)',
  '?           this help (? or Esc closes it)',
  '',
  'loss        train and validation loss per image (BCE + KL, nats),',
  '            one point per epoch; --optimizer both draws both runs',
  'latent      the held-out digits at their latent means, by class',
  '            (first two principal components when latent > 2)',
  'original    held-out digits beside their reconstructions',
  'generated   new digits decoded from the prior, the same codes every',
  '            epoch: watch them take shape',
];

export function VaeDashboardView({ info, frame, state, size, color, shown = 0 }: VaeDashboardViewProps) {
  const layout = vaeLayout(size.columns, size.rows, frame.runs.length);
  if (layout.kind === 'too-small') return <TooSmall need={layout.need} columns={size.columns} rows={size.rows} />;
  const switching = frame.runs.length > 1 && !layout.sideBySide;
  const keys =
    state.overlay === 'help'
      ? 'q quit  ? or esc close the help'
      : `q quit  p pause  s save  ? help${layout.pages > 1 ? '  tab page' : ''}${switching ? '  o optimizer' : ''}`;
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      <Header info={info} frame={frame} width={size.columns} color={color} />
      <Box height={layout.body.height}>
        {state.overlay === 'help' ? (
          <TextBlock title="keys" lines={HELP} rect={layout.body} />
        ) : (
          <Body info={info} frame={frame} layout={layout} page={state.page} shown={shown} color={color} />
        )}
      </Box>
      <Footer keys={keys} message={state.message || frame.notice} width={size.columns} />
    </Box>
  );
}

function Body({
  info,
  frame,
  layout,
  page,
  shown,
  color,
}: {
  info: VaeRunInfo;
  frame: VaeFrame;
  layout: Exclude<VaeLayout, { kind: 'too-small' }>;
  page: number;
  shown: number;
  color: boolean;
}) {
  // Two runs' pictures side by side where each half still holds them; else the one `o` picked.
  const runs = layout.sideBySide ? frame.runs : [frame.runs[shown % frame.runs.length]];
  const pictures = (Panel: typeof LatentPanel, rect: Rect) => (
    <Box flexDirection="row" gap={PANEL_GAP}>
      {runs.map((run, i) => (
        <Panel
          key={run.optimizer}
          info={info}
          run={run}
          version={frame.version}
          label={frame.runs.length > 1 ? run.optimizer : undefined}
          rect={splitWidth(rect, runs.length, i)}
          color={color}
        />
      ))}
    </Box>
  );
  const top = (
    <Box flexDirection="row" gap={PANEL_GAP}>
      <LossPanel frame={frame} rect={layout.chart} color={color} />
      {pictures(LatentPanel, layout.latent)}
    </Box>
  );
  const reconstructions = pictures(ReconstructionPanel, layout.reconstructions);
  const generated = pictures(GeneratedPanel, layout.generated);
  if (layout.kind === 'pages') return [top, reconstructions, generated][page % layout.pages];
  return (
    <Box flexDirection="column">
      {top}
      <Box flexDirection="row" gap={PANEL_GAP}>
        {reconstructions}
        {generated}
      </Box>
    </Box>
  );
}

/** The `part`-th of `parts` rects side by side in `rect`, PANEL_GAP apart. */
function splitWidth(rect: Rect, parts: number, part: number): Rect {
  const width = Math.floor((rect.width - PANEL_GAP * (parts - 1)) / parts);
  return { width: part === parts - 1 ? rect.width - (width + PANEL_GAP) * (parts - 1) : width, height: rect.height };
}

function Header({ info, frame, width, color }: { info: VaeRunInfo; frame: VaeFrame; width: number; color: boolean }) {
  const [run] = frame.runs;
  const progress = run.batch
    ? `epoch ${run.batch.epoch}/${info.epochs} batch ${run.batch.batch}/${run.batch.batches}`
    : `epoch 0/${info.epochs}`;
  const optimizers = info.optimizers.join(' vs ');
  const first = `sia-ae vae · ${info.architecture} on ${info.dataset} · ${optimizers} · ${info.backend}`;
  const loss = run.batch ? `loss ${run.batch.trainLoss.toFixed(1)}` : 'loss -';
  // Runs compared side by side take turns: the time left is the sum of theirs.
  const left = frame.runs.reduce((sum, r) => sum + (r.batch?.secondsLeft ?? Number.NaN), 0);
  const rate = wholeNumber(run.batch?.samplesPerSecond ?? 0);
  const timing =
    frame.status === 'training' || frame.status === 'paused'
      ? ` · ${formatDuration(left * 1000, { tenths: false })} left`
      : '';
  const second = `${progress} · ${loss} · ${rate} samples/s${timing} · ${formatDuration(frame.elapsedMs)} · `;
  return (
    <Box flexDirection="column" width={width} height={2}>
      <Text>{clip(first, width)}</Text>
      <StatusLine text={second} status={frame.status} width={width} color={color} />
    </Box>
  );
}

export interface VaeDashboardProps extends DashboardWiring<VaeFrame> {
  info: VaeRunInfo;
  feed: VaeFeed;
  /** Saves a checkpoint of every run (the `s` key); returns the files, throws when it cannot. */
  save: CommonKeyContext['save'];
  color: boolean;
}

export function VaeDashboard({ info, save, color, ...wiring }: VaeDashboardProps) {
  const { state, dispatch, frame, drawn, quit } = useDashboard(wiring);
  const [shown, setShown] = useState(0);
  const layout = vaeLayout(drawn.columns, drawn.rows);
  useKeys((input, key) => {
    if (input === 'o' && frame.runs.length > 1) return setShown((now) => (now + 1) % frame.runs.length);
    const context = {
      state,
      dispatch,
      status: frame.status,
      save,
      saves: 'a checkpoint',
      quit,
      pages: layout.kind === 'too-small' ? 1 : layout.pages,
    };
    if (!commonKey(input, key, context)) pageKey(key, context);
  });
  return <VaeDashboardView info={info} frame={frame} state={state} size={drawn} color={color} shown={shown} />;
}
