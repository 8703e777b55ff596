/**
 * Throttled rendering: training pushes events into a source far faster than a terminal can draw, so the screen
 * samples it now and then and re-renders only when something changed (an idle or paused run costs nothing).
 *
 * How often adapts to what a frame costs here: Ink redraws the whole screen character by character, so a big
 * terminal costs more per frame. Each render is timed (render start to layout effect, which includes Ink's
 * output) and frames are spaced so that drawing takes at most `budget` of the time: a share of throughput. What
 * the user changed (pausing) is drawn at once instead: `redraw`.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface Sampled<F> {
  /** Changes whenever a new frame would differ. */
  readonly signature: string;
  frame(): F;
}

export interface SamplingOptions {
  /** The shortest time between frames (100 ms: 10 frames a second at most). */
  minIntervalMs?: number;
  /** The share of wall time drawing may take. */
  budget?: number;
  /** The longest time between frames, whatever they cost (2.5 s). */
  maxIntervalMs?: number;
}

export interface Sampling<F> {
  frame: F;
  /** Takes a frame now if the source changed: for news the user made (a key), which should not wait for a tick. */
  redraw: () => void;
}

export function useSampled<F>(
  source: Sampled<F>,
  { minIntervalMs = 100, budget = 0.03, maxIntervalMs = 2500 }: SamplingOptions = {},
): Sampling<F> {
  const [frame, setFrame] = useState(() => source.frame());
  const seen = useRef(source.signature);
  const renderStart = performance.now();
  const costMs = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const spent = performance.now() - renderStart;
    // The first render mounts everything and warms up the JIT: it says nothing about the frames to come.
    costMs.current =
      costMs.current === undefined ? 0 : costMs.current === 0 ? spent : 0.8 * costMs.current + 0.2 * spent;
  });
  const redraw = useCallback(() => {
    if (source.signature === seen.current) return;
    seen.current = source.signature;
    setFrame(source.frame());
  }, [source]);
  useEffect(() => {
    let timer: NodeJS.Timeout;
    const next = () => {
      timer = setTimeout(tick, Math.min(maxIntervalMs, Math.max(minIntervalMs, (costMs.current ?? 0) / budget)));
    };
    const tick = () => {
      redraw();
      next();
    };
    next();
    return () => clearTimeout(timer);
  }, [redraw, minIntervalMs, budget, maxIntervalMs]);
  return { frame, redraw };
}
