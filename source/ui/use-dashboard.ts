/**
 * What every live dashboard wires up: the reducer of what the user asked to see, frames sampled from the feed,
 * the room to draw in (following resizes), pausing training with `p`, and quitting.
 */
import { useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import type { RunControl } from '../train/drive.js';
import type { RunFeed } from './run-feed.js';
import { dashboardReducer, INITIAL_STATE, type DashboardAction, type DashboardState } from './state.js';
import { useTerminalSize, type TerminalSize } from './terminal.js';
import { useSampled, type SamplingOptions } from './use-sampled.js';

export interface DashboardWiring<F> {
  feed: RunFeed<F>;
  control: RunControl;
  /** Called with the final state when the user quits. */
  onQuit?: (state: DashboardState) => void;
  /** A fixed size (tests); by default the terminal's, less one line, following resizes. */
  size?: TerminalSize;
  /** How often the screen looks for news from training, and how much of the time drawing may take. */
  sampling?: SamplingOptions;
}

export function useDashboard<F>({ feed, control, onQuit, size, sampling }: DashboardWiring<F>) {
  const [state, update] = useReducer(dashboardReducer, INITIAL_STATE);
  const { frame, redraw } = useSampled(feed, sampling);
  const terminal = useTerminalSize();
  // One line short of the terminal: a full-height frame makes Ink clear the whole screen on every update.
  const drawn = size ?? { columns: terminal.columns, rows: terminal.rows - 1 };
  const { exit } = useApp();
  const applyPause = (paused: boolean) => {
    feed.setPaused(paused);
    if (paused) control.pause();
    else control.resume();
    redraw();
  };
  // p pauses in the key's own handler: Ink batches it with the key's state change, so the one render the key
  // causes shows "paused" (else it waited for the next sampled frame, up to 2.5 s away on a big terminal).
  const dispatch = (action: DashboardAction) => {
    if (action.type === 'toggle-pause') applyPause(!state.paused);
    update(action);
  };
  // Keeps training in step with the state, whatever came between (two presses before one render).
  useEffect(() => applyPause(state.paused), [state.paused]);
  const quit = () => {
    onQuit?.(state);
    exit();
  };
  return { state, dispatch, frame, drawn, terminal: size ?? terminal, quit };
}
