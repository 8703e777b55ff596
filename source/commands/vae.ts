/**
 * `sia-ae vae`: the variational autoencoder on MNIST or Fashion-MNIST; `--optimizer both` compares Adam and
 * RMSProp.
 */
import path from 'node:path';
import { IMAGE_PIXELS, loadSplits, type DatasetName } from '../data/mnist.js';
import { UsageError } from '../errors.js';
import { checkOutputFile } from '../io/files.js';
import { checkMemory, vaeSize } from '../nn/memory.js';
import type { OptimizerName } from '../nn/optim.js';
import { loadVaeCheckpoint, type VaeDataChoice } from '../nn/vae-file.js';
import { vaeJsonOutput, vaePlainOutput } from '../report/vae.js';
import { observe, type Outputs } from '../run/observe.js';
import { VaeRun } from '../run/vae.js';
import { VaeTraining, type VaePictures, type VaeTrainer } from '../train/vae.js';
import { DeviceVaeTraining } from '../train/vae-device.js';
import { EVAL_BATCH, type VaeCheckpoint } from '../nn/vae-checkpoint.js';
import { loadVaeScreen } from '../ui/load.js';
import { flagName, type RawSettings } from '../config.js';
import { vaeSelection } from './vae-backend.js';
import type { Command, CommandContext } from './command.js';
import { optionsHelp } from '../options/help.js';
import { EXPORT, trainerHelp } from '../options/shared.js';
import { flagsOf } from '../options/table.js';
import { parseVaeConfig, VAE, VAE_OPTIONS, type VaeConfig } from '../options/vae.js';

/** What `both` compares, trained from the same initial weights and the same shuffling. */
const COMPARED: OptimizerName[] = ['adam', 'rmsprop'];

/** Where a stopped run without --save leaves its checkpoint. */
const DEFAULT_CHECKPOINT = 'vae-checkpoint.json';

/**
 * A resumed run takes its settings from the checkpoint, its target of epochs included unless --epochs says
 * otherwise; a flag that contradicts the checkpoint is an error.
 */
function resumedConfig(
  config: VaeConfig,
  settings: RawSettings,
  file: string,
  checkpoint: VaeCheckpoint,
  data: VaeDataChoice,
): VaeConfig {
  if (config.optimizer === 'both')
    throw new UsageError(`--load resumes one run: load each optimizer's checkpoint on its own`);
  const { shape, optimizer, lr, batch, seed, epochs } = checkpoint.options;
  const saved: Partial<Record<keyof VaeConfig, unknown>> = {
    layers: shape.hidden,
    latent: shape.latent,
    optimizer,
    lr,
    batch,
    seed,
    ...data,
  };
  for (const [key, value] of Object.entries(saved)) {
    const asked = config[key as keyof VaeConfig];
    if (settings[key] !== undefined && JSON.stringify(asked) !== JSON.stringify(value)) {
      throw new UsageError(
        `${flagName(key)} ${asked} does not match the checkpoint ${file}, which has ${JSON.stringify(value)}`,
      );
    }
  }
  const target = settings.epochs === undefined ? epochs : config.epochs;
  const trained = checkpoint.progress.epoch;
  if (target <= trained) {
    const why =
      settings.epochs === undefined
        ? `all of its ${epochs} epochs`
        : `${trained} epochs, --epochs ${target} asks for no more`;
    throw new UsageError(
      `the checkpoint ${file} has trained ${why}: give --epochs N with N above ${trained} to train on`,
    );
  }
  return { ...config, ...saved, epochs: target } as VaeConfig;
}

/** FILE, or FILE-adam.json and FILE-rmsprop.json when two optimizers are compared. */
function checkpointFile(config: VaeConfig, optimizer: string): string {
  const file = config.save ?? config.load ?? DEFAULT_CHECKPOINT;
  if (config.optimizer !== 'both') return file;
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}-${optimizer}${ext || '.json'}`);
}

export async function startVaeRun(
  settings: RawSettings,
  onLoading: (dataset: DatasetName) => void = () => {},
  pictures: VaePictures = 'last-epoch',
): Promise<VaeRun> {
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
  checkMemory(
    `--layers ${config.layers.join(',')} --latent ${config.latent}`,
    vaeSize(shape),
    config.batch + EVAL_BATCH,
  );
  onLoading(config.dataset);
  const { splits, ...dataset } = loadSplits(config.dataset, config.validation, config.trainSize);
  if (config.batch > splits.train.count)
    throw new UsageError(`--batch ${config.batch} is larger than the ${splits.train.count} training images`);
  if (loaded && loaded.checkpoint.order.length !== splits.train.count) {
    throw new UsageError(
      `${config.load}: corrupt checkpoint (its shuffled order has ${loaded.checkpoint.order.length} images, ` +
        `the training set ${splits.train.count})`,
    );
  }
  const base = { shape, lr: config.lr, epochs: config.epochs, batch: config.batch, seed: config.seed };
  const backend = await vaeSelection(settings, { ...base, optimizer: optimizers[0] }, splits);
  const device = 'opened' in backend ? backend : undefined;
  const trainings = optimizers.map((optimizer): VaeTrainer => {
    const options = { ...base, optimizer };
    return device
      ? new DeviceVaeTraining(device.opened.device, device.backend, splits, options, loaded?.checkpoint)
      : new VaeTraining(backend.backend, splits, options, loaded?.checkpoint);
  });
  const { export: dir, ...recorded } = config;
  return new VaeRun({
    dataset,
    trainings,
    backend,
    epochs: config.epochs,
    pictures,
    data: { dataset: config.dataset, validation: config.validation, trainSize: config.trainSize },
    checkpoints: optimizers.map((optimizer) => checkpointFile(config, optimizer)),
    saveAtEnd: config.save !== undefined,
    export: dir === undefined ? undefined : { dir, settings: recorded },
  });
}

/**
 * Reading the 70,000 images takes a moment before anything shows, so a person watching is told: before the
 * dashboard on a terminal, on stderr in --json or --plain mode when that is a terminal (never in a pipe).
 */
function sayLoading(dataset: DatasetName, context: CommandContext): void {
  const stream: NodeJS.WritableStream & { isTTY?: boolean } =
    context.output === 'screen' ? context.stdout : context.stderr;
  if (stream.isTTY) stream.write(`loading ${dataset === 'mnist' ? 'MNIST' : 'Fashion-MNIST'} (70,000 images)…\n`);
}

/** The screen, plain lines or JSON lines for a VAE run. */
const VAE_OUTPUTS: Outputs<VaeRun> = {
  screen: async (context) => (await loadVaeScreen()).vaeScreen(context),
  plain: vaePlainOutput,
  json: vaeJsonOutput,
};

async function runVae(settings: RawSettings, context: CommandContext): Promise<number> {
  const pictures = context.output === 'screen' ? 'every-epoch' : 'last-epoch';
  return observe(
    await startVaeRun(settings, (dataset) => sayLoading(dataset, context), pictures),
    VAE_OUTPUTS,
    context,
  );
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
