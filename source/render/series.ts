/** Helpers shared by the sparkline and the chart: squeezing a series into a width, and the log-scale choice. */

/** `width` bucket means of `values` (the values themselves when they fit). */
export function resample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const out: number[] = [];
  for (let b = 0; b < width; b++) {
    const from = Math.floor((b * values.length) / width),
      to = Math.floor(((b + 1) * values.length) / width);
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i];
    out.push(sum / (to - from));
  }
  return out;
}

/** Positive values whose largest is at least 100 times the smallest read better on a log scale. */
export function spansDecades(values: readonly number[]): boolean {
  let min = Infinity,
    max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return min > 0 && max / min >= 100;
}

/** `width` points along the straight lines between the values: a short series spread across a chart. */
export function stretch(values: readonly number[], width: number): number[] {
  if (values.length < 2 || values.length >= width) return [...values];
  return Array.from({ length: width }, (_, i) => {
    const at = (i * (values.length - 1)) / (width - 1),
      low = Math.floor(at),
      high = Math.min(low + 1, values.length - 1);
    return values[low] + (values[high] - values[low]) * (at - low);
  });
}
