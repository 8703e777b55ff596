/** The dashboard's keys: each one becomes a reducer action, or acts on the run (pause, save, quit). */
import type { Key } from 'ink';
import type { Dispatch } from 'react';
import { itemsPerRow } from '../../render/bitmap-grid.js';
import { scatterBounds } from '../../render/braille.js';
import type { GlyphFrame } from '../glyph-feed.js';
import type { FontRunInfo } from './info.js';
import { explorerBounds, explorerStep } from './explorer.js';
import { latentPoints } from './glyph-data.js';
import { scrub } from './replay.js';
import { GLYPH_SHAPE, pageCount, type Layout } from './layout.js';
import { visibleGlyphRows } from './panels.js';
import { commonKey, pageKey, useKeys, type CommonKeyContext } from '../keys.js';
import type { DashboardAction, DashboardState, Point } from '../state.js';

export interface KeyContext {
  state: DashboardState;
  dispatch: Dispatch<DashboardAction>;
  info: FontRunInfo;
  frame: GlyphFrame;
  layout: Layout;
  /** Saves the model; returns the file, throws when it cannot. */
  save: CommonKeyContext['save'];
  quit: () => void;
}

/** Shift+arrow moves the explorer's cursor this many cells. */
const FAST = 5;

export function useDashboardKeys(context: KeyContext): void {
  useKeys((input, key) => handleKey(input, key, context));
}

export function handleKey(input: string, key: Key, context: KeyContext): void {
  const { state, dispatch } = context;
  const common = { ...context, status: context.frame.status, saves: 'the model', pages: pageCount(context.layout) };
  if (commonKey(input, key, common)) return;
  if (state.overlay === 'explorer') return explorerKey(input, key, context);
  if (input === 'e') return openExplorer(context);
  if (state.overlay === 'none' && replayKey(key, context)) return;
  if (pageKey(key, common) || state.overlay !== 'none' || context.layout.kind === 'too-small') return;
  if (key.upArrow || key.downArrow) dispatch({ type: 'scroll', by: key.upArrow ? -1 : 1, max: maxScroll(context) });
}

function explorerKey(input: string, key: Key, { state, dispatch, info, frame, layout }: KeyContext): void {
  if (key.escape || input === 'e') return dispatch({ type: 'close' });
  if (key.return) return dispatch({ type: 'keep' });
  const direction: Point | undefined = key.leftArrow
    ? [-1, 0]
    : key.rightArrow
      ? [1, 0]
      : key.upArrow
        ? [0, 1]
        : key.downArrow
          ? [0, -1]
          : undefined;
  if (!direction || !state.cursor || !frame.last || layout.kind === 'too-small') return;
  const step = explorerStep(
    explorerBounds(latentPoints(info, frame.last), state.cursor, state.kept),
    layout.explorer.plot,
  );
  const times = key.shift ? FAST : 1;
  dispatch({ type: 'move', by: [direction[0] * step[0] * times, direction[1] * step[1] * times] });
}

/**
 * ← → scrub through the replay's snapshots (→ past the newest: live); Esc or End: live. Each names its step from
 * the epoch on show as the reducer has it: two keys can come before the handler sees the first one's state.
 */
function replayKey(key: Key, { dispatch, frame }: KeyContext): boolean {
  if (key.leftArrow || key.rightArrow) {
    const by = key.leftArrow ? -1 : 1;
    if (frame.snapshots.length === 0) dispatch({ type: 'say', message: 'wait for the first epoch' });
    else dispatch({ type: 'replay', to: (epoch) => scrub(frame.snapshots, epoch, by) });
  } else if (key.escape || key.end) dispatch({ type: 'replay', to: () => undefined });
  else return false;
  return true;
}

function openExplorer({ dispatch, info, frame }: KeyContext): void {
  if (info.model.latentSize !== 2)
    return dispatch({
      type: 'say',
      message: `the explorer needs a 2-D latent space; this one is ${info.model.latentSize}-D`,
    });
  if (!frame.last) return dispatch({ type: 'say', message: 'wait for the first epoch' });
  const bounds = scatterBounds(latentPoints(info, frame.last), 0);
  dispatch({ type: 'explore', from: [(bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2] });
}

function maxScroll({ info, layout }: KeyContext): number {
  if (layout.kind === 'too-small') return 0;
  const rows = Math.ceil(info.glyphs.length / itemsPerRow(GLYPH_SHAPE, layout.glyphs.width));
  return Math.max(0, rows - visibleGlyphRows(layout.glyphs));
}
