/**
 * A VAE checkpoint is input too: every field is checked by the rule of the flag that sets it, or as the state it
 * is.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS } from '../source/data/mnist.js';
import { UsageError } from '../source/errors.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { loadVaeCheckpoint, saveVaeCheckpoint } from '../source/nn/vae-file.js';
import { VaeTraining } from '../source/train/vae.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-vae-checkpoint-'));
const good = path.join(dir, 'good.json');
const images = { images: new Float32Array(10 * IMAGE_PIXELS), labels: new Uint8Array(10), count: 10 };
const training = new VaeTraining(
  new ReferenceBackend(),
  { train: images, test: images },
  {
    shape: { input: IMAGE_PIXELS, hidden: [8], latent: 2 },
    optimizer: 'adam',
    lr: 1e-3,
    epochs: 3,
    batch: 5,
    seed: 1,
  },
);
training.run().next(); // one batch: a checkpoint mid-epoch
saveVaeCheckpoint(good, training.checkpoint(), { dataset: 'mnist', validation: 10_000, trainSize: 10 });
const saved = JSON.parse(readFileSync(good, 'utf8'));

/** The good checkpoint with `change` applied to its JSON, loaded: the UsageError's message. */
function loadChanged(name: string, change: (json: any) => void): string {
  const json = structuredClone(saved);
  change(json);
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(json));
  try {
    loadVaeCheckpoint(file);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message.replace(`${file}: `, '');
  }
  throw new Error(`${name}: loaded`);
}

describe('VAE checkpoints', () => {
  it('load as saved', () => {
    const { checkpoint, data } = loadVaeCheckpoint(good);
    expect(checkpoint.options).toMatchObject({ optimizer: 'adam', lr: 1e-3, epochs: 3, batch: 5, seed: 1 });
    expect(checkpoint.progress).toMatchObject({ epoch: 0, batchIndex: 1 });
    expect(data).toEqual({ dataset: 'mnist', validation: 10_000, trainSize: 10 });
  });

  it('refuse training settings the flags would refuse', () => {
    expect(
      loadChanged('dataset', (j) => {
        j.meta.dataset = 'bogus';
      }),
    ).toBe('corrupt checkpoint: dataset must be one of mnist, fashion, got "bogus"');
    expect(
      loadChanged('lr', (j) => {
        j.meta.options.lr = -1;
      }),
    ).toBe('corrupt checkpoint: lr must be greater than 0, got -1');
    expect(
      loadChanged('lr-text', (j) => {
        j.meta.options.lr = 'abc';
      }),
    ).toBe('corrupt checkpoint: lr takes a number, got "abc"');
    expect(
      loadChanged('batch', (j) => {
        j.meta.options.batch = 0;
      }),
    ).toBe('corrupt checkpoint: batch must be at least 1, got 0');
    expect(
      loadChanged('optimizer', (j) => {
        j.meta.options.optimizer = 'bogus';
      }),
    ).toMatch(/^corrupt checkpoint: optimizer must be one of sgd, momentum, rmsprop, adam/);
    expect(
      loadChanged('both', (j) => {
        j.meta.options.optimizer = 'both';
      }),
    ).toMatch(/^corrupt checkpoint: optimizer must be one of/);
  });

  it('refuse a position outside the run', () => {
    expect(
      loadChanged('epoch', (j) => {
        j.meta.progress.epoch = -5;
      }),
    ).toBe('corrupt checkpoint: epoch must be at least 0, got -5');
    expect(
      loadChanged('epoch-past', (j) => {
        j.meta.progress.epoch = 4;
      }),
    ).toBe('corrupt checkpoint: epoch must be at most 3, got 4');
    expect(
      loadChanged('batch-index', (j) => {
        j.meta.progress.batchIndex = 1e6;
      }),
    ).toBe('corrupt checkpoint: batch-index must be at most 2, got 1000000');
    expect(
      loadChanged('rng', (j) => {
        j.meta.progress.rng = [];
      }),
    ).toMatch(/^corrupt checkpoint: rng is not a random generator state/);
    expect(
      loadChanged('rng-zero', (j) => {
        j.meta.progress.rng = [0, 0, 0, 0, null];
      }),
    ).toMatch(/rng is not a random generator state/);
    expect(
      loadChanged('steps', (j) => {
        j.meta.steps = -1;
      }),
    ).toBe('corrupt checkpoint: steps must be at least 0, got -1');
  });

  it('refuse an order that is not a permutation', () => {
    const order = Buffer.from(new Float32Array(10).fill(3).buffer).toString('base64');
    expect(
      loadChanged('order', (j) => {
        j.arrays.order = order;
      }),
    ).toBe('corrupt checkpoint (its shuffled order is not a permutation of 10 images)');
  });

  it('refuse a model too big for memory, naming both numbers', () => {
    expect(
      loadChanged('huge', (j) => {
        j.shape.latent = 1_000_000;
      }),
    ).toMatch(/huge\.json needs about \d+ GiB of memory, more than the 2 GiB limit$/);
  });
});
