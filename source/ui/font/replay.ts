/**
 * The replay: the run as it was at one of the feed's log-spaced snapshots (← →), during training and after.
 * The screen shows the snapshot's glyphs and latent codes, and the charts cut at its epoch.
 */
import type { GlyphEpoch } from '../../train/font.js';
import type { GlyphFrame } from '../glyph-feed.js';

/** The snapshot on show for the replay's `epoch`: the last one kept at or before it. */
export function replayIndex(snapshots: GlyphEpoch[], epoch: number): number {
  const after = snapshots.findIndex((snapshot) => snapshot.epoch > epoch);
  return Math.max(0, (after === -1 ? snapshots.length : after) - 1);
}

/**
 * The epoch `by` snapshots on from what shows now (`epoch`; live when undefined), or undefined: live again
 * past the newest. Never before the oldest.
 */
export function scrub(snapshots: GlyphEpoch[], epoch: number | undefined, by: number): number | undefined {
  const now = epoch === undefined ? snapshots.length : replayIndex(snapshots, epoch);
  const to = Math.max(0, now + by);
  return to >= snapshots.length ? undefined : snapshots[to].epoch;
}

/** `frame` as it was at the replay's `epoch`: that snapshot as the last epoch, every history cut there. */
export function replayFrame(frame: GlyphFrame, epoch: number): GlyphFrame {
  const snapshot = frame.snapshots[replayIndex(frame.snapshots, epoch)];
  if (!snapshot || !frame.last) return frame;
  const live = frame.last.epoch;
  // The histories are evenly thinned from epoch 0 to the live one, so the share to keep is the epochs' share.
  const upTo = (values: number[]) =>
    values.slice(0, Math.floor((snapshot.epoch * (values.length - 1)) / Math.max(1, live)) + 1);
  return {
    ...frame,
    last: snapshot,
    loss: upTo(frame.loss),
    maxWrong: upTo(frame.maxWrong),
    meanWrong: upTo(frame.meanWrong),
  };
}
