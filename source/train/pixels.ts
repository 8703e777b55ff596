/** Pixel scoring of the glyph experiments (docs/CONTRACTS.md: wrong pixel = (output > 0.5) != (target > 0.5)). */

/** Wrong pixels of each of `count` samples of `features` values. */
export function wrongPixels(output: Float32Array, target: Float32Array, count: number, features: number): number[] {
  const wrong = new Array<number>(count).fill(0);
  for (let s = 0; s < count; s++) {
    for (let i = s * features; i < (s + 1) * features; i++) if (output[i] > 0.5 !== target[i] > 0.5) wrong[s]++;
  }
  return wrong;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function meanAbsError(output: Float32Array, target: Float32Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.abs(output[i] - target[i]);
  return total / n;
}
