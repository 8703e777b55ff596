/**
 * What the font and denoise runs share: an autoencoder trained on the glyphs as FontEvents (train/font.ts), saved
 * with --save at the end and by a stop. Each adds its own end: the font run's result, the denoiser's scores.
 */
import type { Glyph } from '../data/font.js';
import type { Backend } from '../math/backend.js';
import type { BackendSelection } from '../math/select.js';
import type { Autoencoder } from '../nn/autoencoder.js';
import { saveAutoencoder } from '../nn/autoencoder-file.js';
import { type EventStream, RunControl } from '../train/drive.js';
import { Pacer } from '../train/pacer.js';
import type { GlyphDone, GlyphEpoch, GlyphEvent } from '../train/font.js';
import { fontHistory } from '../train/history.js';
import { stopReason, type Run, type Stopped } from './observe.js';

/** What a glyph run is made of; the command builds it from the parsed options. */
export interface GlyphRunPlan {
  glyphs: Glyph[];
  /** The model being trained (the screens decode with it and save it mid-run). */
  model: Autoencoder;
  events: EventStream<GlyphEvent>;
  backend: BackendSelection;
  /** The views' backend: the explorer, the denoise triplets and the export decode on it. */
  views: Backend;
  seed: number;
  maxEpochs: number;
  /** --save FILE: written at the end, and by a stop. */
  save?: string;
  /** --pace N: at most N epochs a second. */
  pace?: number;
  /** --export DIR, with the settings it records (config.json). */
  export?: { dir: string; settings: Record<string, unknown> };
}

export interface GlyphStopped extends Stopped {
  /** The last finished epoch, if any. */
  last?: GlyphEpoch;
}

export abstract class GlyphRun<Plan extends GlyphRunPlan, R> implements Run<GlyphEvent, R, GlyphStopped> {
  readonly control: RunControl;
  readonly history = fontHistory();
  /** The last finished epoch. */
  last: GlyphEpoch | undefined;
  protected done: GlyphDone | undefined;

  constructor(readonly plan: Plan) {
    this.control = new RunControl(plan.pace === undefined ? undefined : new Pacer(plan.pace));
  }

  get events(): EventStream<GlyphEvent> {
    return this.plan.events;
  }

  get glyphs(): Glyph[] {
    return this.plan.glyphs;
  }

  get model(): Autoencoder {
    return this.plan.model;
  }

  get backend(): BackendSelection {
    return this.plan.backend;
  }

  get finished(): boolean {
    return this.done !== undefined;
  }

  record(event: GlyphEvent): void {
    this.history.onEvent(event);
    if (event.type === 'done') this.done = event;
    this.last = event.type === 'done' ? event.last : event;
  }

  /** Saves the model to `file` now (the screen's s). */
  saveTo(file: string): string {
    saveAutoencoder(file, this.model, this.glyphs);
    return file;
  }

  abstract finish(): R;

  stop(): GlyphStopped {
    return { reason: stopReason(), saved: this.plan.save ? [this.saveTo(this.plan.save)] : [], last: this.last };
  }

  dispose(): void {
    this.plan.backend.backend.dispose();
  }
}
