/** The keys every dashboard answers the same way: q / Ctrl-C quit, p pause, s save, ? help, Esc, Tab. */
import { useInput, useStdin, type Key } from 'ink';
import type { Dispatch } from 'react';
import type { RunStatus } from './run-feed.js';
import type { DashboardAction, DashboardState } from './state.js';

export interface CommonKeyContext {
  state: DashboardState;
  dispatch: Dispatch<DashboardAction>;
  status: RunStatus;
  /** Saves (the model, or a checkpoint); returns what was written, throws (or rejects) when it cannot. */
  save: () => string | Promise<string>;
  /** What `s` saves, for its message ("the model"). */
  saves: string;
  quit: () => void;
  /** Pages that Tab cycles through (1: Tab does nothing). */
  pages: number;
}

/** Without a keyboard (stdin not a terminal) a dashboard still shows training; it just cannot be steered. */
export function useKeys(handler: (input: string, key: Key) => void): void {
  const { isRawModeSupported } = useStdin();
  useInput(handler, { isActive: isRawModeSupported === true });
}

/** Handles the key if it is one of the common ones (and says so); the caller handles the rest. */
export function commonKey(input: string, key: Key, context: CommonKeyContext): boolean {
  const { dispatch, status } = context;
  if (input === 'q' || (key.ctrl && input === 'c')) context.quit();
  else if (input === 'p') {
    if (status === 'training' || status === 'paused' || status === 'starting') dispatch({ type: 'toggle-pause' });
    else dispatch({ type: 'say', message: 'training has ended' });
  } else if (input === 's') void saveMessage(context).then((message) => dispatch({ type: 'say', message }));
  else if (input === '?') dispatch({ type: 'toggle-help' });
  else return false;
  return true;
}

/** Esc closes an overlay; Tab flips pages when no overlay is open. */
export function pageKey(key: Key, { state, dispatch, pages }: CommonKeyContext): boolean {
  if (key.escape) dispatch({ type: 'close' });
  else if (key.tab && state.overlay === 'none') dispatch({ type: 'next-page', pages });
  else return false;
  return true;
}

async function saveMessage({ save, saves }: CommonKeyContext): Promise<string> {
  try {
    return `saved ${saves} to ${await save()}`;
  } catch (error) {
    return `could not save: ${(error as Error).message}`;
  }
}
