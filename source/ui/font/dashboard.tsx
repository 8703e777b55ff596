/**
 * The font dashboard. FontDashboardView is a pure function of (run info, frame, state, size): snapshot tests
 * render it directly. FontDashboard wires it to the live run: sampled frames, the reducer, the keys, pausing.
 */
import { Box, useApp } from 'ink';
import { useEffect, useMemo, useReducer } from 'react';
import { ansiPaint, noPaint } from '../../render/ansi.js';
import type { RunControl } from '../../train/drive.js';
import { useTerminalSize, type TerminalSize } from '../terminal.js';
import { useSampled, type SamplingOptions } from '../use-sampled.js';
import { LatentDecoder } from './decoder.js';
import { Explorer } from './explorer.js';
import type { FontFeed, FontFrame, FontRunInfo } from './feed.js';
import { Footer, Header } from './header.js';
import { Help, TooSmall } from './help.js';
import { useDashboardKeys } from './keys.js';
import { dashboardLayout, PANEL_GAP, type Layout } from './layout.js';
import { ChartPanel, GlyphPanel, LatentPanel } from './panels.js';
import { dashboardReducer, INITIAL_STATE, type DashboardState } from './state.js';

export interface FontDashboardViewProps {
  info: FontRunInfo;
  frame: FontFrame;
  state: DashboardState;
  /** The room to draw in. */
  size: TerminalSize;
  /** The whole terminal, when larger than `size` (it is named when the room is too small). */
  terminal?: TerminalSize;
  color: boolean;
  decoder: LatentDecoder;
}

export function FontDashboardView(props: FontDashboardViewProps) {
  const { info, frame, state, size, color } = props;
  const layout = dashboardLayout(size.columns, size.rows, info.glyphs.length);
  if (layout.kind === 'too-small') {
    const extra = (props.terminal?.rows ?? size.rows) - size.rows;
    return <TooSmall need={{ columns: layout.need.columns, rows: layout.need.rows + extra }} columns={size.columns} rows={size.rows + extra} />;
  }
  const extraKeys = (layout.kind === 'pages' ? '  tab page' : '') + (layout.kind === 'pages' && state.page === 0 ? '  ↑↓ scroll' : '');
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      <Header info={info} frame={frame} width={size.columns} color={color} />
      <Box height={layout.body.height}>
        <Body {...props} layout={layout} paint={color ? ansiPaint : noPaint} />
      </Box>
      <Footer overlay={state.overlay} extraKeys={extraKeys} message={state.message || frame.notice} width={size.columns} />
    </Box>
  );
}

function Body({ info, frame, state, decoder, layout, paint }: FontDashboardViewProps & { layout: Exclude<Layout, { kind: 'too-small' }>; paint: typeof noPaint }) {
  if (state.overlay === 'help') return <Help rect={layout.body} />;
  if (state.overlay === 'explorer' && state.cursor) {
    return <Explorer info={info} frame={frame} {...layout.explorer} cursor={state.cursor} kept={state.kept} decoder={decoder} paint={paint} />;
  }
  const common = { info, frame, paint };
  const glyphs = <GlyphPanel {...common} rect={layout.glyphs} scroll={state.scroll} />;
  const pair = (
    <Box flexDirection={layout.pairInRow ? 'row' : 'column'} gap={layout.pairInRow ? PANEL_GAP : 0}>
      <LatentPanel {...common} rect={layout.latent} />
      <ChartPanel {...common} rect={layout.chart} />
    </Box>
  );
  if (layout.kind === 'pages') return state.page % 2 === 0 ? glyphs : pair;
  return (
    <Box flexDirection={layout.kind === 'stack' ? 'column' : 'row'} gap={layout.kind === 'side' ? PANEL_GAP : 0}>
      {glyphs}
      {pair}
    </Box>
  );
}

export interface FontDashboardProps {
  info: FontRunInfo;
  feed: FontFeed;
  control: RunControl;
  /** Saves the model (the `s` key); returns the file, throws when it cannot. */
  save: () => string;
  color: boolean;
  /** Called with the final state when the user quits. */
  onQuit?: (state: DashboardState) => void;
  /** A fixed size (tests); by default the terminal's, less one line, following resizes. */
  size?: TerminalSize;
  /** How often the screen looks for news from training, and how much of the time drawing may take. */
  sampling?: SamplingOptions;
}

export function FontDashboard({ info, feed, control, save, color, onQuit, size, sampling }: FontDashboardProps) {
  const [state, dispatch] = useReducer(dashboardReducer, INITIAL_STATE);
  const frame = useSampled(feed, sampling);
  const terminal = useTerminalSize();
  // One line short of the terminal: a full-height frame makes Ink clear the whole screen on every update.
  const drawn = size ?? { columns: terminal.columns, rows: terminal.rows - 1 };
  const decoder = useMemo(() => new LatentDecoder(info.model), [info.model]);
  const { exit } = useApp();
  useEffect(() => {
    feed.setPaused(state.paused);
    if (state.paused) control.pause();
    else control.resume();
  }, [state.paused]);
  const layout = dashboardLayout(drawn.columns, drawn.rows, info.glyphs.length);
  const quit = () => {
    onQuit?.(state);
    exit();
  };
  useDashboardKeys({ state, dispatch, info, frame, layout, save, quit });
  return <FontDashboardView info={info} frame={frame} state={state} size={drawn} terminal={size ?? terminal} color={color} decoder={decoder} />;
}
