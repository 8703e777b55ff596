/** Short, fixed-style numbers and durations for headers and axis labels, and word wrapping. */
import { visibleWidth } from './ansi.js';

/** Three significant digits, exponent form outside [0.001, 10000): 0.0421, 12.5, 3.2e-5. */
export function compactNumber(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e4) return value.toExponential(1).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/** A rate or count, whole: 1500, 11,000 (thousands apart from 10,000 up, where an exponent would hide it). */
export function wholeNumber(value: number): string {
  const whole = Math.round(value);
  return Math.abs(whole) < 1e4 ? String(whole) : whole.toLocaleString('en-US');
}

/** "1 wrong pixel", "2 wrong pixels". */
export function wrongPixels(count: number): string {
  return `${count} wrong pixel${count === 1 ? '' : 's'}`;
}

/**
 * Every duration the program shows, in one style: m:ss.s under an hour (m:ss without `tenths`, for estimates
 * such as the time left), h:mm:ss above; '?' when it is not known yet.
 */
export function formatDuration(ms: number, { tenths = true } = {}): string {
  if (!Number.isFinite(ms)) return '?';
  const seconds = Math.max(0, ms) / 1000;
  const twoDigits = (n: number) => String(n).padStart(2, '0');
  if (seconds < 3600 && tenths) return `${Math.floor(seconds / 60)}:${(seconds % 60).toFixed(1).padStart(4, '0')}`;
  const whole = tenths ? Math.floor(seconds) : Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)}:${twoDigits(whole % 60)}`;
  return `${Math.floor(whole / 3600)}:${twoDigits(Math.floor(whole / 60) % 60)}:${twoDigits(whole % 60)}`;
}

/** Greedy wrap of words (colour codes allowed) into lines of at most `width` columns, `gap` spaces apart. */
export function wrapWords(words: readonly string[], width: number, gap = 1): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && visibleWidth(line) + gap + visibleWidth(word) > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line}${' '.repeat(gap)}${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A loss to `digits` decimals; '-' where there is none (no validation set). */
export function fixed(x: number | undefined, digits = 3): string {
  return x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(digits);
}
