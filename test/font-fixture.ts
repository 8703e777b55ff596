/** A font run in a fixed state for screen tests: seed 1 on the CPU kernels, trained a fixed number of epochs. */
import { afterEach, vi } from 'vitest';
import { startFontRun } from '../source/commands/font.js';
import type { FontRun } from '../source/run/font.js';
import { GlyphFeed, type GlyphFrame } from '../source/ui/glyph-feed.js';
import { fontRunInfo, type FontRunInfo } from '../source/ui/font/info.js';
import { stripAnsi } from '../source/render/ansi.js';
import type { GlyphEvent } from '../source/train/font.js';

export interface FixedRun {
  run: FontRun;
  feed: GlyphFeed;
  info: FontRunInfo;
}

/** Trains `epochs` epochs (never reaching target 0 that soon) and feeds every event to a fresh feed. The plain
 * TypeScript kernels make the snapshots the same on every machine (the SIMD ones round differently). */
export function trainedRun(epochs: number, settings: Record<string, unknown> = {}): FixedRun {
  const run = startFontRun({ backend: 'cpu-js', epochs: String(epochs), target: '0', ...settings });
  const feed = new GlyphFeed(() => 0);
  // A CPU run: its events are computed on the spot.
  for (const event of run.events as Generator<GlyphEvent>) feed.push(event);
  return { run, feed, info: fontRunInfo(run) };
}

/** The feed's frame with the clock-dependent numbers pinned, so that snapshots do not depend on speed. */
export function fixedFrame(feed: GlyphFeed): GlyphFrame {
  return { ...feed.frame(), elapsedMs: 1234, epochsPerSecond: 1500 };
}

/** Output lines without colour codes or trailing blanks. */
export function plainText(output: string | undefined): string {
  return stripAnsi(output ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Frames as often as the tests want them, whatever they cost. */
export const FAST_SAMPLING = { minIntervalMs: 10, budget: 1 };
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `check` until it passes: training and frames run on a clock, which a busy machine slows down. */
export const eventually = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 });

/** Registers clean-ups (unmount a screen, stop its training) that run after each test of the calling file. */
export function cleanupAfterEach(): (done: () => void) => void {
  const pending: Array<() => void> = [];
  afterEach(() => pending.splice(0).forEach((done) => done()));
  return (done) => void pending.push(done);
}
