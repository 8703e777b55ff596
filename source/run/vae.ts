/**
 * The VAE's run: one training, or two (--optimizer both) from the same start, their events interleaved so that
 * they advance side by side. `s`, a stop and --save write a checkpoint per training; the result compares them.
 */
import type { DatasetInfo, DatasetName } from '../data/mnist.js';
import { writeExport } from '../export/bundle.js';
import { vaeExport } from '../export/vae.js';
import type { BackendSelection } from '../math/select.js';
import { saveVaeCheckpoint, type VaeDataChoice } from '../nn/vae-file.js';
import { RunControl } from '../train/drive.js';
import { vaeHistory } from '../train/history.js';
import type { PicturedEpoch, VaeDoneEvent, VaeEvent, VaePictures, VaeTrainer } from '../train/vae.js';
import { vaeResult, type VaeResult } from '../train/vae-result.js';
import { stopReason, type Run, type Stopped } from './observe.js';

/** One event of one of the trainings. */
export interface VaeRunEvent {
  optimizer: string;
  event: VaeEvent;
}

export interface VaeRunPlan {
  dataset: DatasetInfo;
  trainings: VaeTrainer[];
  backend: BackendSelection;
  /** Which images the trainings see; a checkpoint keeps it, so that a resumed run sees the same. */
  data: VaeDataChoice & { dataset: DatasetName };
  /** Where each training's checkpoint goes, in the trainings' order. */
  checkpoints: string[];
  /** --save: the checkpoints are written at the end too. */
  saveAtEnd: boolean;
  epochs: number;
  /** Which epochs carry pictures: every one when a screen shows them. */
  pictures: VaePictures;
  /** --export DIR, with the settings it records (config.json). */
  export?: { dir: string; settings: Record<string, unknown> };
}

export interface VaeOutcome {
  results: VaeResult[];
  /** The --json result line: one run's result, or both runs'. */
  line: Record<string, unknown>;
  /** The first training's last epoch (the summary's pictures). */
  last: PicturedEpoch;
  /** The checkpoints written with --save. */
  saved: string[];
  exported?: { dir: string; files: string[] };
}

export interface VaeStopped extends Stopped {
  /** The exact command that continues the run. */
  resume: string;
}

/** The exact command that continues a stopped run: a checkpoint keeps its settings and its target of epochs. */
export function resumeCommands(files: string[]): string {
  return files.map((file) => `sia-ae vae --load ${shellWord(file)}`).join(' and ');
}

/** A file name as a shell reads it back unchanged. */
function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The trainings' events interleaved one by one, so that compared runs advance side by side. A CPU training's
 * events come on the spot and a device training's are awaited, so this stream is awaited.
 */
export async function* interleaved(trainings: VaeTrainer[], pictures: VaePictures): AsyncGenerator<VaeRunEvent> {
  let live = trainings.map((t) => ({ optimizer: t.options.optimizer, events: t.run(pictures) }));
  while (live.length > 0) {
    const going: typeof live = [];
    for (const stream of live) {
      const next = await stream.events.next();
      if (next.done) continue;
      yield { optimizer: stream.optimizer, event: next.value };
      going.push(stream);
    }
    live = going;
  }
}

export class VaeRun implements Run<VaeRunEvent, VaeOutcome, VaeStopped> {
  readonly control = new RunControl();
  readonly events: AsyncGenerator<VaeRunEvent>;
  readonly histories;
  private readonly done = new Map<string, VaeDoneEvent>();

  constructor(readonly plan: VaeRunPlan) {
    this.events = interleaved(plan.trainings, plan.pictures);
    this.histories = plan.trainings.map((t) => vaeHistory(t.options.optimizer));
  }

  get trainings(): VaeTrainer[] {
    return this.plan.trainings;
  }

  get backend(): BackendSelection {
    return this.plan.backend;
  }

  get optimizers(): string[] {
    return this.trainings.map((t) => t.options.optimizer);
  }

  get finished(): boolean {
    return this.done.size === this.trainings.length;
  }

  record(e: VaeRunEvent): void {
    for (const history of this.histories) history.onEvent(e);
    if (e.event.type === 'done') this.done.set(e.optimizer, e.event);
  }

  /** Writes every training's checkpoint now (a device training's weights are read back first); returns the files. */
  async saveCheckpoints(): Promise<string[]> {
    const checkpoints = await Promise.all(this.trainings.map((t) => t.checkpoint()));
    return checkpoints.map((checkpoint, i) => {
      saveVaeCheckpoint(this.plan.checkpoints[i], checkpoint, this.plan.data);
      return this.plan.checkpoints[i];
    });
  }

  async finish(): Promise<VaeOutcome> {
    const { plan } = this;
    const saved = plan.saveAtEnd ? await this.saveCheckpoints() : [];
    const backend = {
      dataset: plan.data.dataset,
      backend: plan.backend.backend.name,
      backendReason: plan.backend.reason,
    };
    const results = this.trainings.map((t) => vaeResult(t, this.done.get(t.options.optimizer)!, backend));
    const line =
      results.length === 1
        ? { event: 'result', ...results[0] }
        : { event: 'result', experiment: 'vae', optimizer: 'both', runs: results };
    const last = this.done.get(this.optimizers[0])!.last;
    return { results, line, last, saved, exported: this.export(results, line) };
  }

  async stop(): Promise<VaeStopped> {
    const saved = await this.saveCheckpoints();
    return { reason: stopReason(), saved, resume: resumeCommands(saved) };
  }

  dispose(): void {
    this.plan.backend.backend.dispose();
  }

  private export(results: VaeResult[], line: object): VaeOutcome['exported'] {
    if (!this.plan.export) return undefined;
    const { dir, settings } = this.plan.export;
    const runs = this.trainings.map((t, i) => ({
      result: results[i],
      last: this.done.get(t.options.optimizer)!.last,
      history: this.histories[i].rows,
    }));
    return {
      dir,
      files: writeExport(
        dir,
        vaeExport({ config: settings, classNames: this.plan.dataset.classNames, runs, result: line }),
      ),
    };
  }
}
