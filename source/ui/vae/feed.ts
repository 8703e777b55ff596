/**
 * The VAE run(s) as the screen sees them: the same events the plain and JSON reporters get (one or two runs,
 * interleaved). Per run: the latest batch (progress, samples/s, time left), the latest epoch (its pictures),
 * the train and validation loss per epoch, and the test loss once done.
 */
import type { VaeRunEvent } from '../../run/vae.js';
import type { VaeBatchEvent, VaeEpochEvent } from '../../train/vae.js';
import { Thinned } from '../../train/thinned.js';
import { RunFeed, type RunStatus } from '../run-feed.js';

/** What stays fixed for the whole run. */
export interface VaeRunInfo {
  architecture: string;
  dataset: string;
  classNames: readonly string[];
  backend: string;
  epochs: number;
  /** One optimizer, or two compared side by side. */
  optimizers: string[];
}

export interface VaeRunView {
  optimizer: string;
  batch?: VaeBatchEvent;
  epoch?: VaeEpochEvent;
  train: number[];
  validation: number[];
  testLoss?: number;
}

export interface VaeFrame {
  version: number;
  status: RunStatus;
  runs: VaeRunView[];
  elapsedMs: number;
  notice: string;
}

interface RunState {
  batch?: VaeBatchEvent;
  epoch?: VaeEpochEvent;
  train: Thinned<number>;
  validation: Thinned<number>;
  testLoss?: number;
}

export class VaeFeed extends RunFeed<VaeFrame> {
  private readonly runs = new Map<string, RunState>();

  constructor(
    private readonly optimizers: string[],
    now?: () => number,
  ) {
    super(now);
    for (const optimizer of optimizers)
      this.runs.set(optimizer, { train: new Thinned<number>(), validation: new Thinned<number>() });
  }

  readonly push = ({ optimizer, event }: VaeRunEvent): void => {
    const run = this.runs.get(optimizer)!;
    this.version++;
    if (event.type === 'batch') run.batch = event;
    else if (event.type === 'epoch') {
      run.epoch = event;
      run.train.push(event.trainLoss);
      if (event.validationLoss !== undefined) run.validation.push(event.validationLoss);
    } else {
      run.testLoss = event.testLoss;
      if ([...this.runs.values()].every((r) => r.testLoss !== undefined)) this.finish('finished');
    }
  };

  frame(): VaeFrame {
    const runs = this.optimizers.map((optimizer) => {
      const { batch, epoch, train, validation, testLoss } = this.runs.get(optimizer)!;
      return { optimizer, batch, epoch, train: train.values(), validation: validation.values(), testLoss };
    });
    const started = runs.some((r) => r.batch !== undefined);
    return {
      version: this.version,
      status: this.status(started),
      runs,
      elapsedMs: this.clock.elapsedMs(),
      notice: this.notice,
    };
  }
}
