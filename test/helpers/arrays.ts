/** The first index where two arrays differ, or -1 (toEqual is slow on arrays of 100,000 numbers). */
export function firstDifference<T extends Float32Array | Uint8Array>(a: T, b: T): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  if (bytes(a).equals(bytes(b))) return -1; // a memcmp: the common case, equal, at once even for millions of values
  return a.findIndex((x, i) => !Object.is(x, b[i]));
}

function bytes(array: Float32Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
