/**
 * The font run as the screen sees it. Training pushes every event here (O(1) each: the last event and three
 * histories); the screen takes a frame, an immutable snapshot, a few times a second and renders only that.
 */
import type { Glyph } from '../../data/font.js';
import type { Autoencoder } from '../../nn/autoencoder.js';
import { ModelSnapshot } from '../../nn/model-snapshot.js';
import type { FontEpoch, FontEvent } from '../../train/font.js';
import type { FontRun } from '../../run/font.js';
import { History } from '../history.js';
import { RateMeter } from '../stopwatch.js';
import { RunFeed, type RunStatus } from '../run-feed.js';

export type { RunStatus };

/** What stays fixed for the whole run. */
export interface FontRunInfo {
  glyphs: Glyph[];
  /** The model being trained: the explorer decodes with a copy of its weights, `s` saves it. */
  model: Autoencoder;
  /** The copy of the model the explorer decodes with, on the run's views backend. */
  snapshot: ModelSnapshot;
  backend: string;
  maxEpochs: number;
  target: number;
}

export function fontRunInfo(run: FontRun): FontRunInfo {
  return {
    glyphs: run.glyphs,
    model: run.model,
    snapshot: new ModelSnapshot(run.model, run.plan.views),
    backend: run.backend.backend.name,
    maxEpochs: run.plan.maxEpochs,
    target: run.plan.target,
  };
}

export interface FontFrame {
  /** Increases with every event: a frame with the same version shows the same training state. */
  version: number;
  last?: FontEpoch;
  status: RunStatus;
  loss: number[];
  maxWrong: number[];
  meanWrong: number[];
  elapsedMs: number;
  epochsPerSecond: number;
  /** News from the run itself, e.g. where the model was saved when training ended. */
  notice: string;
}

export class FontFeed extends RunFeed<FontFrame> {
  private last: FontEpoch | undefined;
  private readonly loss = new History();
  private readonly maxWrong = new History();
  private readonly meanWrong = new History();
  private readonly rate = new RateMeter();

  readonly push = (event: FontEvent): void => {
    if (event.type === 'done') return this.finish(event.reachedTarget ? 'reached the target' : 'epoch limit reached');
    this.version++;
    this.last = event;
    this.loss.push(event.loss);
    this.maxWrong.push(event.maxPixelError);
    this.meanWrong.push(event.meanPixelError);
  };

  frame(): FontFrame {
    const elapsedMs = this.clock.elapsedMs();
    const epochs = this.last?.epoch ?? 0;
    return {
      version: this.version,
      last: this.last,
      status: this.status(this.last !== undefined),
      loss: this.loss.values(),
      maxWrong: this.maxWrong.values(),
      meanWrong: this.meanWrong.values(),
      elapsedMs,
      notice: this.notice,
      epochsPerSecond: this.isFinished ? (epochs * 1000) / Math.max(elapsedMs, 1) : this.rate.sample(elapsedMs, epochs),
    };
  }
}
