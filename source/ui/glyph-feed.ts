/**
 * A glyph autoencoder's run (font or denoise) as its screen sees it. Training pushes every event here (O(1) each:
 * the last event, three histories and the replay's snapshots); the screen takes a frame, an immutable snapshot,
 * a few times a second and renders only that.
 */
import type { GlyphEpoch, GlyphEvent } from '../train/font.js';
import { LogSpaced } from '../train/log-spaced.js';
import { Thinned } from '../train/thinned.js';
import { RateMeter } from './stopwatch.js';
import { RunFeed, type RunStatus } from './run-feed.js';

export interface GlyphFrame {
  /** Increases with every event: a frame with the same version shows the same training state. */
  version: number;
  last?: GlyphEpoch;
  status: RunStatus;
  loss: number[];
  maxWrong: number[];
  meanWrong: number[];
  /** Epochs kept for the replay, log-spaced, oldest first (at most 64). */
  snapshots: GlyphEpoch[];
  elapsedMs: number;
  epochsPerSecond: number;
  /** News from the run itself, e.g. where the model was saved when training ended. */
  notice: string;
}

export class GlyphFeed extends RunFeed<GlyphFrame> {
  private last: GlyphEpoch | undefined;
  private readonly loss = new Thinned<number>();
  private readonly maxWrong = new Thinned<number>();
  private readonly meanWrong = new Thinned<number>();
  private readonly rate = new RateMeter();
  private readonly snapshots = new LogSpaced<GlyphEpoch>();

  readonly push = (event: GlyphEvent): void => {
    if (event.type === 'done') return this.finish(event.reachedTarget ? 'reached the target' : 'epoch limit reached');
    this.version++;
    this.last = event;
    this.loss.push(event.loss);
    this.maxWrong.push(event.maxPixelError);
    this.meanWrong.push(event.meanPixelError);
    this.snapshots.offer(event.epoch, event);
  };

  frame(): GlyphFrame {
    const elapsedMs = this.clock.elapsedMs();
    const epochs = this.last?.epoch ?? 0;
    return {
      version: this.version,
      last: this.last,
      status: this.status(this.last !== undefined),
      loss: this.loss.values(),
      maxWrong: this.maxWrong.values(),
      meanWrong: this.meanWrong.values(),
      snapshots: this.snapshots.values(),
      elapsedMs,
      notice: this.notice,
      epochsPerSecond: this.isFinished ? (epochs * 1000) / Math.max(elapsedMs, 1) : this.rate.sample(elapsedMs, epochs),
    };
  }
}
