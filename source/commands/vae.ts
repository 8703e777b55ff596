/** `sia-ae vae`: the variational autoencoder on MNIST or Fashion-MNIST; `--optimizer both` compares Adam and RMSProp. */
import path from 'node:path';
import { IMAGE_PIXELS, loadDataset, splitDataset, type Dataset, type DatasetName } from '../data/mnist.js';
import { UsageError } from '../errors.js';
import type { Backend } from '../math/backend.js';
import type { OptimizerName } from '../nn/optim.js';
import { loadVaeCheckpoint, saveVaeCheckpoint, type VaeDataChoice } from '../nn/vae-file.js';
import { checkOutputFile } from '../io/files.js';
import { writeJsonLine } from '../report/json.js';
import { comparisonTable, vaeJsonLogger, vaePlainLogger, vaePlainSummary, type RunEvent } from '../report/vae.js';
import { drive, RunControl } from '../train/drive.js';
import { vaeHistory } from '../train/history.js';
import { writeExport } from '../export/bundle.js';
import { vaeExport } from '../export/vae.js';
import { checkMemory, vaeSize } from '../nn/memory.js';
import { EVAL_BATCH, VaeTraining, type VaeCheckpoint, type VaeDoneEvent, type VaeEpochEvent } from '../train/vae.js';
import { vaeResult } from '../train/vae-result.js';
import { flagName, type RawSettings } from '../config.js';
import { backendFromSettings } from './backend-choice.js';
import type { Command, CommandContext } from './command.js';
import { exportedLine } from './export-option.js';
import { optionsHelp } from '../options/help.js';
import { EXPORT, trainerHelp } from '../options/shared.js';
import { flagsOf } from '../options/table.js';
import { parseVaeConfig, VAE, VAE_OPTIONS, type VaeConfig } from '../options/vae.js';
import { listenForKeys } from './stop-keys.js';
import { interruptions, INTERRUPTED_STATUS } from '../io/interrupt.js';
import { loadVaeScreen } from '../ui/load.js';

/** What `both` compares, trained from the same initial weights and the same shuffling. */
const COMPARED: OptimizerName[] = ['adam', 'rmsprop'];

/** Where a stopped run without --save leaves its checkpoint. */
const DEFAULT_CHECKPOINT = 'vae-checkpoint.json';

/**
 * A resumed run takes its settings from the checkpoint, its target of epochs included unless --epochs says
 * otherwise; a flag that contradicts the checkpoint is an error.
 */
function resumedConfig(config: VaeConfig, settings: RawSettings, file: string, checkpoint: VaeCheckpoint, data: VaeDataChoice): VaeConfig {
  if (config.optimizer === 'both') throw new UsageError(`--load resumes one run: load each optimizer's checkpoint on its own`);
  const { shape, optimizer, lr, batch, seed, epochs } = checkpoint.options;
  const saved: Partial<Record<keyof VaeConfig, unknown>> = {
    layers: shape.hidden, latent: shape.latent, optimizer, lr, batch, seed, ...data,
  };
  for (const [key, value] of Object.entries(saved)) {
    const asked = config[key as keyof VaeConfig];
    if (settings[key] !== undefined && JSON.stringify(asked) !== JSON.stringify(value)) {
      throw new UsageError(`${flagName(key)} ${asked} does not match the checkpoint ${file}, which has ${JSON.stringify(value)}`);
    }
  }
  const target = settings.epochs === undefined ? epochs : config.epochs;
  const trained = checkpoint.progress.epoch;
  if (target <= trained) {
    const why = settings.epochs === undefined ? `all of its ${epochs} epochs` : `${trained} epochs, --epochs ${target} asks for no more`;
    throw new UsageError(`the checkpoint ${file} has trained ${why}: give --epochs N with N above ${trained} to train on`);
  }
  return { ...config, ...saved, epochs: target } as VaeConfig;
}

/** The exact command that continues a stopped run: a checkpoint keeps its settings and its target of epochs. */
export function resumeCommands(files: string[]): string {
  return files.map((file) => `sia-ae vae --load ${shellWord(file)}`).join(' and ');
}

/** A file name as a shell reads it back unchanged. */
function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** FILE, or FILE-adam.json and FILE-rmsprop.json when two optimizers are compared. */
function checkpointFile(config: VaeConfig, optimizer: string): string {
  const file = config.save ?? config.load ?? DEFAULT_CHECKPOINT;
  if (config.optimizer !== 'both') return file;
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}-${optimizer}${ext || '.json'}`);
}

export interface VaeRun {
  config: VaeConfig;
  dataset: Dataset;
  trainings: VaeTraining[];
  backend: Backend;
  backendReason: string;
}

export function startVaeRun(settings: RawSettings, onLoading: (dataset: DatasetName) => void = () => {}): VaeRun {
  let config = parseVaeConfig(settings);
  const loaded = config.load ? loadVaeCheckpoint(config.load) : undefined;
  if (loaded) config = resumedConfig(config, settings, config.load!, loaded.checkpoint, loaded.data);
  const optimizers = config.optimizer === 'both' ? COMPARED : [config.optimizer];
  // Ctrl-C saves there at any time, so a path that cannot take the file fails now, before training.
  for (const optimizer of optimizers) {
    const file = checkpointFile(config, optimizer);
    checkOutputFile(file, `${config.save ? '--save' : 'checkpoint'} ${file}`);
  }
  const shape = { input: IMAGE_PIXELS, hidden: config.layers, latent: config.latent };
  checkMemory(`--layers ${config.layers.join(',')} --latent ${config.latent}`, vaeSize(shape), config.batch + EVAL_BATCH);
  onLoading(config.dataset);
  const dataset = loadDataset(config.dataset);
  const splits = splitDataset(dataset, config.validation, config.trainSize);
  if (config.batch > splits.train.count) throw new UsageError(`--batch ${config.batch} is larger than the ${splits.train.count} training images`);
  if (loaded && loaded.checkpoint.order.length !== splits.train.count) {
    throw new UsageError(`${config.load}: corrupt checkpoint (its shuffled order has ${loaded.checkpoint.order.length} images, the training set ${splits.train.count})`);
  }
  const { backend, reason } = backendFromSettings(settings, { m: config.batch, n: Math.max(...config.layers), k: IMAGE_PIXELS });
  const trainings = optimizers.map((optimizer) => new VaeTraining(
    backend, splits, { shape, optimizer, lr: config.lr, epochs: config.epochs, batch: config.batch, seed: config.seed }, loaded?.checkpoint,
  ));
  return { config, dataset, trainings, backend, backendReason: reason };
}

/** The runs' events interleaved one by one, so that compared runs advance side by side. */
export function* interleaved(trainings: VaeTraining[]): Generator<RunEvent> {
  let live = trainings.map((t) => ({ optimizer: t.options.optimizer, events: t.run() }));
  while (live.length > 0) {
    const going: typeof live = [];
    for (const stream of live) {
      const next = stream.events.next();
      if (next.done) continue;
      yield { optimizer: stream.optimizer, event: next.value };
      going.push(stream);
    }
    live = going;
  }
}

/**
 * Reading the 70,000 images takes a moment before anything shows, so a person watching is told: before the
 * dashboard on a terminal, on stderr in --json or --plain mode when that is a terminal (never in a pipe).
 */
function sayLoading(dataset: DatasetName, context: CommandContext): void {
  const stream: NodeJS.WritableStream & { isTTY?: boolean } = context.output === 'screen' ? context.stdout : context.stderr;
  if (stream.isTTY) stream.write(`loading ${dataset === 'mnist' ? 'MNIST' : 'Fashion-MNIST'} (70,000 images)…\n`);
}

async function runVae(settings: RawSettings, context: CommandContext): Promise<number> {
  const run = startVaeRun(settings, (dataset) => sayLoading(dataset, context));
  const { config, trainings, backend } = run;
  const json = context.output === 'json';
  const say = (line: string) => (json ? context.stderr : context.stdout).write(`${line}\n`);
  const dataChoice: VaeDataChoice = { dataset: config.dataset, validation: config.validation, trainSize: config.trainSize };
  const saveAll = () => trainings.map((t) => {
    const file = checkpointFile(config, t.options.optimizer);
    saveVaeCheckpoint(file, t.checkpoint(), dataChoice);
    return file;
  });
  const intro = `backend ${backend.name}: ${run.backendReason}`;
  const histories = trainings.map((t) => vaeHistory(t.options.optimizer));
  const done = new Map<string, VaeDoneEvent>();
  const record = (e: RunEvent) => {
    for (const history of histories) history.onEvent(e);
    if (e.event.type === 'done') done.set(e.optimizer, e.event);
  };
  try {
    if (context.output === 'screen') {
      await runVaeOnScreen(run, context, record, saveAll);
      say(intro);
    } else {
      if (!json) say(`${intro}\n${trainings[0].model.architecture} on ${config.dataset}; press s to save a checkpoint, Ctrl-C to stop and save`);
      await runVaePlain(run, context, record, saveAll, say);
    }
  } finally {
    backend.dispose();
  }
  if (done.size < trainings.length) {
    const files = saveAll();
    if (json) writeJsonLine(context.stdout, { event: 'stopped', reason: interruptions.reason ?? 'q', checkpoints: files });
    say(`stopped; saved ${files.join(', ')}: continue with ${resumeCommands(files)}`);
    return INTERRUPTED_STATUS;
  }
  if (config.save) saveAll();
  const results = trainings.map((t) => vaeResult(t, done.get(t.options.optimizer)!, { dataset: config.dataset, backend: backend.name, backendReason: run.backendReason }));
  const line = results.length === 1 ? { event: 'result', ...results[0] } : { event: 'result', experiment: 'vae', optimizer: 'both', runs: results };
  if (json) {
    writeJsonLine(context.stdout, line);
  } else {
    const last: VaeEpochEvent = done.get(trainings[0].options.optimizer)!.last;
    context.stdout.write(vaePlainSummary(results, last, run.dataset, { columns: context.columns, color: context.output === 'screen' }));
    if (config.save) say(`saved ${trainings.map((t) => checkpointFile(config, t.options.optimizer)).join(', ')}`);
  }
  if (config.export) {
    const { export: dir, ...settingsUsed } = config;
    const runs = trainings.map((t, i) => ({ result: results[i], last: done.get(t.options.optimizer)!.last, history: histories[i].rows }));
    const files = writeExport(dir, vaeExport({ config: settingsUsed, classNames: run.dataset.classNames, runs, result: line }));
    if (!json) context.stdout.write(exportedLine(dir, files));
  }
  return 0;
}

/** Progress lines (or JSON epoch lines); s saves a checkpoint, Ctrl-C stops. */
async function runVaePlain(run: VaeRun, context: CommandContext, onEvent: (e: RunEvent) => void, saveAll: () => string[], say: (line: string) => void): Promise<void> {
  const logger = context.output === 'json' ? vaeJsonLogger(context.stdout) : vaePlainLogger(context.stdout, run.config.epochs);
  const control = new RunControl();
  const restore = listenForKeys(process.stdin, {
    onSave: () => say(`saved a checkpoint to ${saveAll().join(', ')}`),
    onStop: () => control.stop(),
  });
  try {
    await drive(interleaved(run.trainings), (e) => {
      logger.onEvent(e);
      onEvent(e);
    }, control);
  } finally {
    restore();
  }
}

/** The live dashboard; when it closes, the summary (or where the checkpoint went) stays in the terminal. */
async function runVaeOnScreen(run: VaeRun, context: CommandContext, onEvent: (e: RunEvent) => void, saveAll: () => string[]): Promise<void> {
  const { showVaeDashboard } = await loadVaeScreen();
  const { config, trainings, backend } = run;
  const info = {
    architecture: trainings[0].model.architecture, dataset: config.dataset, classNames: run.dataset.classNames,
    backend: backend.name, epochs: config.epochs, optimizers: trainings.map((t) => t.options.optimizer),
  };
  await showVaeDashboard(info, {
    events: interleaved(trainings),
    onEvent,
    control: new RunControl(),
    save: () => saveAll().join(', '),
    onFinished: () => (config.save ? `training done; the checkpoint goes to ${config.save} when you quit` : 'training done: q quits'),
  }, context.stdout as NodeJS.WriteStream);
}

export const vaeCommand: Command = {
  name: 'vae',
  summary: 'variational autoencoder on MNIST (or Fashion-MNIST)',
  flags: flagsOf(VAE_OPTIONS),
  help: `
  Usage: sia-ae vae [options]

  Trains a variational autoencoder (as PyTorch's examples/vae: an MLP encoder to
  mu and logvar, a sampled code, an MLP decoder) on MNIST. Loss per image, in
  nats: BCE summed over the 784 pixels + KL divergence from N(0, I).

  Options
${optionsHelp(VAE_OPTIONS, VAE)}

  On a terminal a live dashboard shows the loss curves, the latent space by
  class, reconstructions and generated digits (Tab flips pages on small
  terminals; p pauses, ? helps); it stays open when training ends, until q.
  --plain or --json, or a pipe, print text instead.

  Long runs: s saves a checkpoint (to --save FILE, else ${DEFAULT_CHECKPOINT})
  and goes on; Ctrl-C stops and saves. --load FILE continues exactly where it
  stopped, up to the epochs that run was given (--epochs N: up to N in all).
  With --optimizer both the files are
  FILE-adam.json and FILE-rmsprop.json. sia-ae generate --model FILE draws
  new digits from a saved VAE.

  Export (loss curves, latent scatter, digit grids as SVG and PNG, tables)
${optionsHelp(VAE_OPTIONS, EXPORT)}
${trainerHelp(VAE_OPTIONS)}

  Examples
    sia-ae vae --train-size 5000 --epochs 3            a quick look
    sia-ae vae --export vae-report                     figures, report.md
    sia-ae vae --latent 20 --validation 0 --json       PyTorch's example setup
    sia-ae vae --optimizer both --save vae.json
    sia-ae vae --load vae-checkpoint.json              continue a stopped run
    sia-ae generate --model vae.json --grid 8
`,
  run: runVae,
};
