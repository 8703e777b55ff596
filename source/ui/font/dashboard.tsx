/**
 * The font dashboard. FontDashboardView is a pure function of (run info, frame, state, size): snapshot tests
 * render it directly. FontDashboard wires it to the live run: sampled frames, the reducer, the keys, pausing.
 */
import { Box } from 'ink';
import { useMemo } from 'react';
import { ansiPaint, noPaint } from '../../render/ansi.js';
import type { TerminalSize } from '../terminal.js';
import { useDashboard, type DashboardWiring } from '../use-dashboard.js';
import type { ModelSnapshot } from '../../nn/model-snapshot.js';
import { Explorer } from './explorer.js';
import type { GlyphFeed, GlyphFrame } from '../glyph-feed.js';
import type { FontRunInfo } from './info.js';
import { TooSmall } from '../chrome.js';
import { FontFooter, Header } from './header.js';
import { Help } from './help.js';
import type { CommonKeyContext } from '../keys.js';
import { useDashboardKeys } from './keys.js';
import { dashboardLayout, PANEL_GAP, type Layout } from './layout.js';
import { ChartPanel, GlyphPanel, LatentPanel } from './panels.js';
import { replayFrame } from './replay.js';
import type { DashboardState } from '../state.js';

export interface FontDashboardViewProps {
  info: FontRunInfo;
  frame: GlyphFrame;
  state: DashboardState;
  /** The room to draw in. */
  size: TerminalSize;
  /** The whole terminal, when larger than `size` (it is named when the room is too small). */
  terminal?: TerminalSize;
  color: boolean;
  decoder: ModelSnapshot;
}

export function FontDashboardView(props: FontDashboardViewProps) {
  const { info, state, size, color } = props;
  const live = props.frame;
  const frame = useMemo(
    () => (state.replay === undefined ? live : replayFrame(live, state.replay)),
    [live, state.replay],
  );
  const layout = dashboardLayout(size.columns, size.rows, info.glyphs.length);
  if (layout.kind === 'too-small') {
    const extra = (props.terminal?.rows ?? size.rows) - size.rows;
    return (
      <TooSmall
        need={{ columns: layout.need.columns, rows: layout.need.rows + extra }}
        columns={size.columns}
        rows={size.rows + extra}
      />
    );
  }
  const extraKeys =
    (layout.kind === 'pages' ? '  tab page' : '') + (layout.kind === 'pages' && state.page === 0 ? '  ↑↓ scroll' : '');
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      <Header
        info={info}
        frame={frame}
        width={size.columns}
        color={color}
        liveEpoch={state.replay === undefined ? undefined : live.last?.epoch}
      />
      <Box height={layout.body.height}>
        <Body {...props} frame={frame} layout={layout} paint={color ? ansiPaint : noPaint} />
      </Box>
      <FontFooter
        overlay={state.overlay}
        replaying={state.replay !== undefined}
        extraKeys={extraKeys}
        message={state.message || frame.notice}
        width={size.columns}
      />
    </Box>
  );
}

function Body({
  info,
  frame,
  state,
  decoder,
  layout,
  paint,
}: FontDashboardViewProps & { layout: Exclude<Layout, { kind: 'too-small' }>; paint: typeof noPaint }) {
  if (state.overlay === 'help') return <Help rect={layout.body} />;
  if (state.overlay === 'explorer' && state.cursor) {
    return (
      <Explorer
        info={info}
        frame={frame}
        {...layout.explorer}
        cursor={state.cursor}
        kept={state.kept}
        decoder={decoder}
        paint={paint}
      />
    );
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

export interface FontDashboardProps extends DashboardWiring<GlyphFrame> {
  info: FontRunInfo;
  feed: GlyphFeed;
  /** Saves the model (the `s` key); returns the file, throws when it cannot. */
  save: CommonKeyContext['save'];
  color: boolean;
}

export function FontDashboard({ info, save, color, ...wiring }: FontDashboardProps) {
  const { state, dispatch, frame, drawn, terminal, quit } = useDashboard(wiring);
  const layout = dashboardLayout(drawn.columns, drawn.rows, info.glyphs.length);
  useDashboardKeys({ state, dispatch, info, frame, layout, save, quit });
  return (
    <FontDashboardView
      info={info}
      frame={frame}
      state={state}
      size={drawn}
      terminal={terminal}
      color={color}
      decoder={info.snapshot}
    />
  );
}
