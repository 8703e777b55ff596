/** `sia-ae vae` and `sia-ae generate` on a VAE as a user runs them: output contracts, Ctrl-C, resume, bad input. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FASHION_DIR, IMAGE_PIXELS } from '../source/data/mnist.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { loadVaeCheckpoint, saveVaeCheckpoint } from '../source/nn/vae-file.js';
import { VaeTraining } from '../source/train/vae.js';
import { INTERRUPTED_STATUS } from '../source/io/interrupt.js';
import { jsonLines, runCli } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-vae-cli-'));
/** A small, fast run: a few hundred images through a narrow network. */
function quick(overrides: Record<string, string> = {}): string[] {
  const settings = {
    trainSize: '200',
    validation: '100',
    batch: '50',
    layers: '32',
    backend: 'cpu',
    epochs: '1',
    ...overrides,
  };
  return Object.entries(settings).flatMap(([key, value]) => [
    `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    value,
  ]);
}

/** A checkpoint of an untrained 784-16-LATENT model, written without running the CLI. */
function saveUntrained(file: string, latent: number, epochs = 1): void {
  const images = { images: new Float32Array(10 * IMAGE_PIXELS), labels: new Uint8Array(10), count: 10 };
  const training = new VaeTraining(
    new ReferenceBackend(),
    { train: images, test: images },
    {
      shape: { input: IMAGE_PIXELS, hidden: [16], latent },
      optimizer: 'adam',
      lr: 1e-3,
      epochs,
      batch: 5,
      seed: 1,
    },
  );
  saveVaeCheckpoint(file, training.checkpoint(), { dataset: 'mnist', validation: 100, trainSize: 10 });
}

function expectUsageError(args: string[], message: RegExp): void {
  const { status, stdout, stderr } = runCli(args);
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(message);
}

describe('sia-ae vae', () => {
  const model = path.join(dir, 'vae.json');

  it('--json prints epoch lines and ends with the result line (docs/CONTRACTS.md)', () => {
    const { status, stdout, stderr } = runCli(['vae', ...quick({ epochs: '2' }), '--json', '--save', model]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.slice(0, -1).map((l) => [l.event, l.epoch])).toEqual([
      ['epoch', 1],
      ['epoch', 2],
    ]);
    expect(lines.at(-1)).toMatchObject({
      event: 'result',
      experiment: 'vae',
      dataset: 'mnist',
      optimizer: 'adam',
      latent: 2,
      epochs: 2,
      seed: 1,
    });
    for (const key of ['trainLoss', 'validationLoss', 'testLoss', 'samplesPerSecond', 'backend'])
      expect(lines.at(-1)).toHaveProperty(key);
  });

  it('--load continues a saved run up to --epochs', () => {
    const { status, stdout } = runCli(['vae', '--load', model, '--epochs', '3', '--json']);
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect([lines[0].epoch, lines[1].epochs]).toEqual([3, 3]);
  });

  it("--load without --epochs continues to the checkpoint's own target", () => {
    const file = path.join(dir, 'target.json');
    saveUntrained(file, 2, 3);
    const { status, stdout } = runCli(['vae', '--load', file, '--json']);
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l.epoch ?? l.epochs)).toEqual([1, 2, 3, 3]);
  });

  it('--load of a finished run without more --epochs says so', () => {
    const { status, stdout, stderr } = runCli(['vae', '--load', model]);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^sia-ae: the checkpoint .*vae\.json has trained all of its 2 epochs: /);
    expect(stderr).toMatch(/: give --epochs N with N above 2 to train on\n$/);
  });

  it('--optimizer both trains Adam and RMSProp side by side and compares them', () => {
    const { status, stdout } = runCli(['vae', ...quick({ optimizer: 'both', validation: '0' })]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^adam +epoch 1\/1 +train [\d.]+ +\d+ samples\/s/m);
    expect(stdout).toMatch(/^rmsprop +epoch 1\/1/m);
    expect(stdout).toMatch(/optimizer +train +validation +test +epochs +time/);
    expect(stdout).toMatch(/^rmsprop +[\d.]+ +- +[\d.]+ +1 /m);
    expect(stdout).toMatch(/latent space: 1000 held-out images/);
  });

  it('Ctrl-C stops, saves a checkpoint, and says how to continue', async () => {
    const checkpoint = path.join(dir, 'stopped.json');
    const bin = fileURLToPath(new URL('../bin/sia-ae.js', import.meta.url));
    const child = spawn(process.execPath, [
      bin,
      'vae',
      ...quick({ trainSize: '2000', epochs: '100' }),
      '--save',
      checkpoint,
    ]);
    let stdout = '';
    child.stdout.on('data', (data) => {
      const before = stdout;
      stdout += data;
      if (/epoch 1\/100  train/.test(stdout) && !/epoch 1\/100  train/.test(before)) child.kill('SIGINT');
    });
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(INTERRUPTED_STATUS);
    expect(stdout).toContain(`stopped; saved ${checkpoint}: continue with sia-ae vae --load ${checkpoint}\n`);
    const { checkpoint: saved } = loadVaeCheckpoint(checkpoint);
    expect(saved.options.epochs).toBe(100); // what that command continues up to
    expect(saved.progress.epoch).toBeGreaterThanOrEqual(1);
    expect(saved.progress.epoch).toBeLessThan(100);
  });
});

describe('sia-ae generate with a VAE', () => {
  const model = path.join(dir, 'vae.json'); // saved by the first test above

  it('prints new digits, and their pixels with --json', () => {
    const json = runCli(['generate', '--model', model, '--samples', '3', '--json']);
    expect(json.status).toBe(0);
    const [result] = jsonLines(json.stdout);
    expect(result).toMatchObject({ event: 'result', experiment: 'generate', kind: 'vae' });
    expect(result.digits).toHaveLength(3);
    expect(result.digits[0].pixels).toHaveLength(IMAGE_PIXELS);
    expect(result.digits[0].z).toHaveLength(2);
    const grid = runCli(['generate', '--model', model, '--grid', '2']);
    expect(grid.status).toBe(0);
    expect(grid.stdout).toMatch(/^2x2 grid: z0 -2 \.\. 2/);
    expect(grid.stdout.split('\n').length).toBeGreaterThanOrEqual(2 + 2 * 14);
  });

  it('rejects a grid for a latent space that is not 2-D', () => {
    const file = path.join(dir, 'latent3.json');
    saveUntrained(file, 3);
    expectUsageError(
      ['generate', '--model', file, '--grid', '3'],
      /--grid needs a 2-D latent space; this model's is 3-D/,
    );
  });
});

describe('bad input: one line, exit status 2', () => {
  it('an unknown dataset', () =>
    expectUsageError(['vae', '--dataset', 'cifar'], /--dataset must be one of mnist, fashion/));
  it('a latent space too big for memory', () =>
    expectUsageError(
      ['vae', '--latent', '1000000'],
      /--layers 400 --latent 1000000 needs about \d+ GiB of memory, more than the 2 GiB limit/,
    ));
  it('a latent size below 1', () => expectUsageError(['vae', '--latent', '0'], /--latent must be at least 1/));
  it('a batch larger than the training set', () =>
    expectUsageError(
      ['vae', '--train-size', '100', '--batch', '128'],
      /--batch 128 is larger than the 100 training images/,
    ));

  it('a checkpoint from another model shape', () => {
    const file = path.join(dir, 'shape.json');
    saveUntrained(file, 2);
    expectUsageError(
      ['vae', '--load', file, '--latent', '20'],
      /--latent 20 does not match the checkpoint .*shape\.json, which has 2/,
    );
    expectUsageError(
      ['vae', '--load', file, '--layers', '400'],
      /--layers 400 does not match the checkpoint .*which has \[16\]/,
    );
  });

  it.skipIf(existsSync(FASHION_DIR))('Fashion-MNIST when it is not installed, naming the package', () => {
    expectUsageError(['vae', '--dataset', 'fashion'], /apt-get install dataset-fashion-mnist/);
  });
});
