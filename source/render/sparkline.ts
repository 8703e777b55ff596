/** A one-line chart of a series: ▁▂▃▄▅▆▇█, on a log scale when the values span decades. */
import { resample, spansDecades } from './series.js';

const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: readonly number[], width: number, log: boolean | 'auto' = 'auto'): string {
  if (values.length === 0 || width <= 0) return '';
  const useLog = log === 'auto' ? spansDecades(values) : log;
  const points = resample(values, width).map((v) => (useLog ? Math.log10(v) : v));
  const min = Math.min(...points),
    max = Math.max(...points);
  const span = max - min || 1;
  return points.map((v) => BARS[Math.round(((v - min) / span) * (BARS.length - 1))]).join('');
}
