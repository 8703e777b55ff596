/** Mean and spread over seeds, for the sweep tables and JSON rows. */

export interface Stat {
  mean: number;
  /** Sample standard deviation (n − 1); absent for a single value. */
  std?: number;
}

export function meanStd(values: readonly number[]): Stat {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (values.length < 2) return { mean };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, std: Math.sqrt(variance) };
}
