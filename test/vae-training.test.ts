/**
 * The VAE on real MNIST slices: training lowers the loss, and a run stopped mid-epoch, saved, loaded and
 * continued ends with exactly the weights of a run that never stopped. Also the IDX readers (raw and gzipped).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseIdx } from '../source/data/idx.js';
import { loadDataset, loadSplits, splitDataset } from '../source/data/mnist.js';
import { UsageError } from '../source/errors.js';
import { createCpuBackend } from '../source/math/select.js';
import { loadVaeCheckpoint, saveVaeCheckpoint } from '../source/nn/vae-file.js';
import { VaeTraining, type VaeDoneEvent, type VaeEpochEvent, type VaePictures } from '../source/train/vae.js';
import type { VaeTrainingOptions } from '../source/nn/vae-checkpoint.js';
import { firstDifference } from './helpers/arrays.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-vae-'));
const mnist = loadDataset('mnist');
const backend = createCpuBackend();

const options = (epochs: number): VaeTrainingOptions => ({
  shape: { input: 784, hidden: [64], latent: 2 },
  optimizer: 'adam',
  lr: 1e-3,
  epochs,
  batch: 50,
  seed: 4,
});

function runToEnd(training: VaeTraining, pictures?: VaePictures): { epochs: VaeEpochEvent[]; done: VaeDoneEvent } {
  const epochs: VaeEpochEvent[] = [];
  for (const event of training.run(pictures)) {
    if (event.type === 'epoch') epochs.push(event);
    if (event.type === 'done') return { epochs, done: event };
  }
  throw new Error('the run ended without a done event');
}

describe('MNIST', () => {
  it('reads the 60,000 + 10,000 images as pixels in [0, 1] with labels', () => {
    expect(mnist.train.count).toBe(60_000);
    expect(mnist.test.count).toBe(10_000);
    expect(mnist.train.images.length).toBe(60_000 * 784);
    expect(Array.from(mnist.train.labels.subarray(0, 8))).toEqual([5, 0, 4, 1, 9, 2, 1, 3]); // LeCun's first labels
    expect(Math.max(...mnist.test.images.subarray(0, 784))).toBe(1);
  });

  it('splits off the last images for validation and takes --train-size from the rest', () => {
    const splits = splitDataset(mnist, 10_000, 500);
    expect(splits.train.count).toBe(500);
    expect(splits.validation!.labels[0]).toBe(mnist.train.labels[50_000]);
    expect(splitDataset(mnist, 0).validation).toBeUndefined();
    expect(() => splitDataset(mnist, 10_000, 50_001)).toThrow(UsageError);
  });

  it("reads a run's splits from the files alone: the same pixels and labels as splitting the whole set", () => {
    const run = loadSplits('mnist', 10_000, 500);
    const whole = splitDataset(mnist, 10_000, 500);
    for (const set of ['train', 'validation', 'test'] as const) {
      expect(run.splits[set]!.count).toBe(whole[set]!.count);
      expect(firstDifference(run.splits[set]!.images, whole[set]!.images), set).toBe(-1);
      expect(firstDifference(run.splits[set]!.labels, whole[set]!.labels), set).toBe(-1);
    }
    expect(run.classNames).toEqual(mnist.classNames);
    expect(loadSplits('mnist', 0, 10).splits.validation).toBeUndefined();
    expect(() => loadSplits('mnist', 10_000, 50_001)).toThrow(
      /^--train-size 50001 is more than the 50000 training images left after --validation 10000$/,
    );
  });
});

describe('IDX files', () => {
  const idx = (dims: number[], data: number[]) => {
    const header = Buffer.alloc(4 + 4 * dims.length);
    header.writeUInt32BE(0x0800 + dims.length, 0);
    dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
    return Buffer.concat([header, Buffer.from(data)]);
  };

  it('reads raw and gzipped files alike', () => {
    const raw = idx([2, 3], [1, 2, 3, 4, 5, 6]);
    for (const bytes of [raw, gzipSync(raw)]) {
      const { dims, data } = parseIdx(bytes, 'x');
      expect(dims).toEqual([2, 3]);
      expect(Array.from(data)).toEqual([1, 2, 3, 4, 5, 6]);
    }
    expect(() => parseIdx(raw.subarray(0, 10), 'short')).toThrow(/cut short/);
    expect(() => parseIdx(raw.subarray(0, 15), 'short')).toThrow(/header says 18/);
  });

  it("reads Fashion-MNIST from Debian's gzipped files, and names the package when they are missing", () => {
    const fashion = path.join(dir, 'fashion');
    mkdirSync(fashion);
    const pixels = Array.from({ length: 2 * 784 }, (_, i) => i % 256);
    for (const prefix of ['train', 't10k']) {
      writeFileSync(path.join(fashion, `${prefix}-images-idx3-ubyte.gz`), gzipSync(idx([2, 28, 28], pixels)));
      writeFileSync(path.join(fashion, `${prefix}-labels-idx1-ubyte.gz`), gzipSync(idx([2], [7, 9])));
    }
    const dataset = loadDataset('fashion', fashion);
    expect(dataset.train.images[255]).toBe(1);
    expect(dataset.classNames[dataset.test.labels[1]]).toBe('Boot');
    const { validation } = loadSplits('fashion', 1, undefined, fashion).splits;
    expect(firstDifference(validation!.images, dataset.train.images.subarray(784))).toBe(-1);
    expect(Array.from(validation!.labels)).toEqual([9]);
    expect(() => loadDataset('fashion', path.join(dir, 'nowhere'))).toThrow(/apt-get install dataset-fashion-mnist/);
  });
});

describe('VAE training', () => {
  const splits = splitDataset(mnist, 500, 500);

  it('lowers the validation loss on a small slice', () => {
    const { epochs, done } = runToEnd(new VaeTraining(backend, splits, options(3)));
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(epochs[2].validationLoss!).toBeLessThan(epochs[0].validationLoss! - 20);
    expect(epochs[2].trainLoss).toBeLessThan(epochs[0].trainLoss);
    expect(done.testLoss).toBeLessThan(epochs[0].validationLoss!);
    expect(done.last.view.codes.length).toBe(500 * 2);
  });

  it('makes pictures every epoch only when a screen asks, and the same last pictures either way', () => {
    const plain = runToEnd(new VaeTraining(backend, splits, options(2)));
    const screen = runToEnd(new VaeTraining(backend, splits, options(2)), 'every-epoch');
    expect(plain.epochs.map((e) => e.view)).toEqual([undefined, undefined]);
    expect(screen.epochs.every((e) => e.view !== undefined)).toBe(true);
    expect(plain.done.testLoss).toBe(screen.done.testLoss);
    for (const key of ['codes', 'reconstructions', 'generated'] as const) {
      expect(firstDifference(plain.done.last.view[key], screen.epochs[1].view![key]), key).toBe(-1);
    }
  });

  // 10 batches an epoch: 13 events stop 2 batches into epoch 2; 10 stop after epoch 1's last batch, before its end
  // (where a stop on the dashboard can land too).
  for (const [events, where] of [
    [13, 'mid-epoch'],
    [10, "between an epoch's last batch and its end"],
  ] as const) {
    it(`resumes a checkpoint saved ${where} exactly where it stopped`, () => {
      const uninterrupted = new VaeTraining(backend, splits, options(2));
      const reference = runToEnd(uninterrupted);

      const first = new VaeTraining(backend, splits, options(2));
      const run = first.run();
      for (let i = 0; i < events; i++) run.next();
      const file = path.join(dir, `checkpoint-${events}.json`);
      saveVaeCheckpoint(file, first.checkpoint(), { dataset: 'mnist', validation: 500, trainSize: 500 });

      const { checkpoint, data } = loadVaeCheckpoint(file);
      expect(data).toEqual({ dataset: 'mnist', validation: 500, trainSize: 500 });
      const resumed = new VaeTraining(backend, splits, checkpoint.options, checkpoint);
      const rest = runToEnd(resumed);
      expect(firstDifference(resumed.model.store.values, uninterrupted.model.store.values)).toBe(-1);
      expect(firstDifference(resumed.optimizer.v, uninterrupted.optimizer.v)).toBe(-1);
      expect(rest.done.testLoss).toBe(reference.done.testLoss);
      expect(rest.epochs.at(-1)!.trainLoss).toBe(reference.epochs.at(-1)!.trainLoss);
    });
  }
});
