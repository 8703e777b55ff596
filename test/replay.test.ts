/** The replay's snapshots: log-spaced epochs in bounded memory, and scrubbing through them. */
import { describe, expect, it } from 'vitest';
import type { GlyphEpoch } from '../source/train/font.js';
import { LogSpaced } from '../source/train/log-spaced.js';
import { replayFrame, scrub } from '../source/ui/font/replay.js';
import type { GlyphFrame } from '../source/ui/glyph-feed.js';

function keptOf(epochs: number, capacity?: number): number[] {
  const kept = new LogSpaced<number>(capacity);
  for (let epoch = 0; epoch < epochs; epoch++) kept.offer(epoch, epoch);
  return kept.values();
}

const epochAt = (epoch: number) => ({ type: 'epoch', epoch }) as GlyphEpoch;

describe('replay snapshots', () => {
  it('keeps every early epoch, then ever sparser ones: log-spaced', () => {
    const kept = keptOf(300);
    expect(kept.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const ratios = kept.slice(8).map((epoch, i) => epoch / kept[i + 7]);
    for (const ratio of ratios) expect(ratio).toBeGreaterThan(1.05);
    for (const ratio of ratios) expect(ratio).toBeLessThan(1.3);
  });

  it('holds at most 64 however long the run, still from epoch 0 to late in the run', () => {
    const kept = keptOf(3_000_000);
    expect(kept.length).toBeLessThanOrEqual(64);
    expect(kept.length).toBeGreaterThan(20);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBeGreaterThan(1_000_000);
  });

  it('scrubs back from live through every snapshot, no further than the first; forward past the last is live', () => {
    const snapshots = [0, 1, 5, 20].map(epochAt);
    expect(scrub(snapshots, undefined, -1)).toBe(20);
    expect(scrub(snapshots, 20, -1)).toBe(5);
    expect(scrub(snapshots, 0, -1)).toBe(0);
    expect(scrub(snapshots, 5, 1)).toBe(20);
    expect(scrub(snapshots, 20, 1)).toBeUndefined();
  });

  it('shows the snapshot as the last epoch, with the charts cut at its epoch', () => {
    const loss = Array.from({ length: 101 }, (_, i) => 100 - i);
    const frame = { last: epochAt(100), snapshots: [0, 10, 50].map(epochAt), loss, maxWrong: loss, meanWrong: loss };
    const replay = replayFrame(frame as GlyphFrame, 50);
    expect(replay.last?.epoch).toBe(50);
    expect(replay.loss).toEqual(loss.slice(0, 51));
    expect(replayFrame(frame as GlyphFrame, 12).last?.epoch).toBe(10);
  });
});
