/**
 * What every screen's feed shares: training pushes events in (O(1) each), the screen samples frames (immutable
 * snapshots) a few times a second. The base keeps the version that says a frame changed, the pause state, the
 * training clock (stopped while paused) and the run's status; each screen's feed adds its own histories.
 */
import type { Sampled } from './use-sampled.js';
import { Stopwatch } from './stopwatch.js';

export type RunStatus =
  | 'starting'
  | 'training'
  | 'paused'
  | 'finished'
  | 'reached the target'
  | 'epoch limit reached'
  | 'failed';
type Finished = Exclude<RunStatus, 'starting' | 'training' | 'paused'>;

export abstract class RunFeed<F> implements Sampled<F> {
  /** Increases with every event: a frame with the same version shows the same training state. */
  protected version = 0;
  protected notice = '';
  protected readonly clock: Stopwatch;
  private paused = false;
  private finished: Finished | undefined;

  constructor(now?: () => number) {
    this.clock = new Stopwatch(now);
    this.clock.start();
  }

  abstract frame(): F;

  /** News from the run itself, e.g. where the model was saved when training ended. */
  tell(notice: string): void {
    this.notice = notice;
    this.version++;
  }

  fail(): void {
    this.finish('failed');
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

  protected finish(how: Finished): void {
    this.finished = how;
    this.version++;
    this.clock.stop();
  }

  /** `started`: the first result has arrived. */
  protected status(started: boolean): RunStatus {
    return this.finished ?? (this.paused ? 'paused' : started ? 'training' : 'starting');
  }
}
