/**
 * A sweep as its screen sees it: the pool's callbacks push each job's start, progress (with its loss) and end
 * here; the screen samples an immutable frame a few times a second. Results that are ready (a finished
 * architecture's baseline and generalisation, at the end every table) arrive as text lines from the command.
 */
import type { RunStatus } from '../run-feed.js';
import { Stopwatch } from '../stopwatch.js';
import type { Sampled } from '../use-sampled.js';

export type JobState = 'waiting' | 'running' | 'done';

export interface JobRow {
  label: string;
  state: JobState;
  epoch: number;
  epochs: number;
  /** The training loss at each progress report, for the row's sparkline. */
  loss: number[];
  /** One line on how it ended (the noisy input's error against the output's), once done. */
  outcome?: string;
  seconds?: number;
}

export interface SweepFrame {
  version: number;
  status: RunStatus;
  jobs: JobRow[];
  done: number;
  elapsedMs: number;
  /** Text of the results ready so far, line by line. */
  results: string[];
}

export class SweepFeed implements Sampled<SweepFrame> {
  private version = 0;
  private readonly jobs: JobRow[];
  private readonly started = new Map<number, number>();
  private readonly clock: Stopwatch;
  private results: string[] = [];
  private status: RunStatus = 'starting';

  constructor(
    labels: string[],
    private readonly now: () => number = () => performance.now(),
  ) {
    this.jobs = labels.map((label) => ({ label, state: 'waiting', epoch: 0, epochs: 0, loss: [] }));
    this.clock = new Stopwatch(now);
    this.clock.start();
  }

  get signature(): string {
    return String(this.version);
  }

  readonly start = (index: number): void => {
    this.started.set(index, this.now());
    this.update(index, { state: 'running' });
  };

  readonly progress = (index: number, epoch: number, epochs: number, loss: number): void => {
    this.update(index, { epoch, epochs, loss: [...this.jobs[index].loss, loss] });
  };

  readonly done = (index: number, outcome: string): void => {
    const seconds = (this.now() - (this.started.get(index) ?? this.now())) / 1000;
    this.update(index, { state: 'done', epoch: this.jobs[index].epochs, outcome, seconds });
  };

  /** Replaces the results shown (they grow as architectures finish). */
  showResults(lines: string[]): void {
    this.results = lines;
    this.version++;
  }

  finish(status: 'finished' | 'failed'): void {
    this.status = status;
    this.clock.stop();
    this.version++;
  }

  frame(): SweepFrame {
    return {
      version: this.version,
      status: this.status,
      jobs: this.jobs.map((job) => ({ ...job })),
      done: this.jobs.filter((job) => job.state === 'done').length,
      elapsedMs: this.clock.elapsedMs(),
      results: this.results,
    };
  }

  private update(index: number, change: Partial<JobRow>): void {
    this.jobs[index] = { ...this.jobs[index], ...change };
    if (this.status === 'starting') this.status = 'training';
    this.version++;
  }
}
