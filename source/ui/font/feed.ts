/**
 * The font run as the screen sees it. Training pushes every event here (O(1) each: the last event and three
 * histories); the screen takes a frame, an immutable snapshot, a few times a second and renders only that.
 */
import type { FontRun } from '../../commands/font.js';
import type { Glyph } from '../../data/font.js';
import type { Autoencoder } from '../../nn/autoencoder.js';
import type { FontEpoch, FontEvent } from '../../train/font.js';
import { History } from '../history.js';
import { RateMeter, Stopwatch } from '../stopwatch.js';

/** What stays fixed for the whole run. */
export interface FontRunInfo {
  glyphs: Glyph[];
  /** The model being trained: the explorer decodes with a copy of its weights, `s` saves it. */
  model: Autoencoder;
  backend: string;
  maxEpochs: number;
  target: number;
}

export function fontRunInfo(run: FontRun): FontRunInfo {
  return { glyphs: run.glyphs, model: run.model, backend: run.backend.name, maxEpochs: run.config.epochs, target: run.config.target };
}

export type RunStatus = 'starting' | 'training' | 'paused' | 'reached the target' | 'epoch limit reached' | 'failed';

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

export class FontFeed {
  private last: FontEpoch | undefined;
  private finished: 'reached the target' | 'epoch limit reached' | 'failed' | undefined;
  private paused = false;
  private version = 0;
  private notice = '';
  private readonly loss = new History();
  private readonly maxWrong = new History();
  private readonly meanWrong = new History();
  private readonly clock: Stopwatch;
  private readonly rate = new RateMeter();

  constructor(now?: () => number) {
    this.clock = new Stopwatch(now);
    this.clock.start();
  }

  readonly push = (event: FontEvent): void => {
    this.version++;
    if (event.type === 'done') {
      this.finished = event.reachedTarget ? 'reached the target' : 'epoch limit reached';
      this.clock.stop();
      return;
    }
    this.last = event;
    this.loss.push(event.loss);
    this.maxWrong.push(event.maxPixelError);
    this.meanWrong.push(event.meanPixelError);
  };

  tell(notice: string): void {
    this.notice = notice;
    this.version++;
  }

  fail(): void {
    this.finished = 'failed';
    this.version++;
    this.clock.stop();
  }

  setPaused(paused: boolean): void {
    if (this.finished || paused === this.paused) return;
    this.paused = paused;
    if (paused) this.clock.stop();
    else this.clock.start();
  }

  get isFinished(): boolean {
    return this.finished !== undefined;
  }

  /** The current version and pause state: a frame is worth drawing only when this changed. */
  get signature(): string {
    return `${this.version}${this.paused ? 'p' : ''}`;
  }

  frame(): FontFrame {
    const elapsedMs = this.clock.elapsedMs();
    const epochs = this.last?.epoch ?? 0;
    const status: RunStatus = this.finished ?? (this.paused ? 'paused' : this.last ? 'training' : 'starting');
    return {
      version: this.version,
      last: this.last,
      status,
      loss: this.loss.values(),
      maxWrong: this.maxWrong.values(),
      meanWrong: this.meanWrong.values(),
      elapsedMs,
      notice: this.notice,
      epochsPerSecond: this.finished ? (epochs * 1000) / Math.max(elapsedMs, 1) : this.rate.sample(elapsedMs, epochs),
    };
  }
}
