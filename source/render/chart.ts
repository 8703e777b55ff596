/**
 * A line chart of one or more named series over a shared x range (asciichart draws the lines). Series longer
 * than the width are squeezed into bucket means; positive series spanning decades go on a log scale, with the
 * axis labels still in the series' own units. Lines: the chart, an x axis line, and a legend when there is room.
 */
import asciichart from 'asciichart';
import { noPaint, type Color, type Paint } from './ansi.js';
import { compactNumber } from './format.js';
import { resample, spansDecades } from './series.js';

export interface ChartSeries {
  name: string;
  values: readonly number[];
  color?: Color;
}

export interface ChartOptions {
  width: number;
  /** Lines of the whole chart, axis and legend included (at least 3). */
  height: number;
  /** 'auto': log scale when every value is positive and they span two decades or more. */
  log?: boolean | 'auto';
  /** What the x axis counts, and its first and last value (e.g. epochs 0 .. 376). */
  x?: { name: string; from: number; to: number };
  /** Colour the series when the paint is real. */
  paint?: Paint;
  /** The values count things (wrong pixels): the axis is labelled in whole numbers only. */
  count?: boolean;
}

const ASCIICHART_COLORS: Partial<Record<Color, string>> = {
  red: asciichart.red,
  green: asciichart.green,
  yellow: asciichart.yellow,
  blue: asciichart.blue,
  magenta: asciichart.magenta,
  cyan: asciichart.cyan,
  gray: asciichart.darkgray,
};
const LABEL_WIDTH = 8;
/** asciichart's columns before the data: the label, a space, the axis. */
const PREFIX = LABEL_WIDTH + 2;

export function lineChart(series: readonly ChartSeries[], options: ChartOptions): string[] {
  const { width, height, x, paint = noPaint } = options;
  const all = series.flatMap((s) => s.values);
  const log = options.log === 'auto' || options.log === undefined ? spansDecades(all) : options.log;
  const legend = legendLine(series, log, paint);
  const withLegend = height >= 4 && legend.length > 0;
  const plotLines = height - 1 - (withLegend ? 1 : 0);
  const plotWidth = Math.max(2, width - PREFIX);
  const lines =
    all.length === 0
      ? Array.from({ length: plotLines }, (_, i) =>
          i === Math.floor(plotLines / 2) ? `${' '.repeat(PREFIX)}waiting for the first epoch` : '',
        )
      : plot(
          series.map((s) => resample(s.values, plotWidth).map((v) => (log ? Math.log10(v) : v))),
          plotLines,
          log,
          series,
          paint,
          options.count === true,
        );
  return [...lines, xAxisLine(x, plotWidth), ...(withLegend ? [legend] : [])];
}

/**
 * asciichart's lines, exactly `lines` of them (it may round one more or less). Without colour every series after
 * the first is drawn dotted, over the first: two lines then tell apart by glyph alone (NO_COLOR).
 */
function plot(
  values: number[][],
  lines: number,
  log: boolean,
  series: readonly ChartSeries[],
  paint: Paint,
  count: boolean,
): string[] {
  let min = Math.min(...values.flat()),
    max = Math.max(...values.flat());
  if (max - min < 1e-12) {
    min -= log ? 0.5 : Math.max(1, Math.abs(min) * 0.1);
    max += log ? 0.5 : Math.max(1, Math.abs(max) * 0.1);
  }
  const draw = (drawn: number[][], options: { colors?: Array<string | undefined>; symbols?: string[] }) => {
    for (let asked = lines - 1; ; asked--) {
      const format = count ? countLabel((max - min) / Math.max(1, asked)) : numberLabel(log);
      const out = asciichart.plot(drawn, { height: Math.max(0, asked), min, max, format, offset: 3, ...options });
      const split = out.split('\n');
      if (split.length <= lines || asked <= 0)
        return [...Array<string>(Math.max(0, lines - split.length)).fill(''), ...split.slice(0, lines)];
    }
  };
  if (paint !== noPaint) {
    const colors = series.map((s) => (s.color ? ASCIICHART_COLORS[s.color] : undefined));
    return draw(values, { colors });
  }
  return values
    .slice(1)
    .map((v) => draw([v], { symbols: DOTTED }))
    .reduce(overlay, draw([values[0]], {}));
}

/** asciichart's symbols for a dotted line: the axis as usual, the line in dashes. */
const DOTTED = ['┼', '┤', '╶', '╴', '┈', '┊', '┊', '┊', '┊', '┊'];

/** `top`'s line drawn over `under`, right of the axis. */
function overlay(under: string[], top: string[]): string[] {
  return under.map((line, i) =>
    Array.from({ length: Math.max(line.length, top[i].length) }, (_, j) =>
      j >= PREFIX && (top[i][j] ?? ' ') !== ' ' ? top[i][j] : (line[j] ?? ' '),
    ).join(''),
  );
}

function numberLabel(log: boolean): (v: number) => string {
  return (v) => compactNumber(log ? 10 ** v : v).padStart(LABEL_WIDTH);
}

/** Labels only the rows nearest a whole number (rows `step` apart), with that number; the rest stay blank. */
function countLabel(step: number): (v: number) => string {
  return (v) => (Math.abs(v - Math.round(v)) < step / 2 ? String(Math.round(v)) : '').padStart(LABEL_WIDTH);
}

function xAxisLine(x: ChartOptions['x'], plotWidth: number): string {
  if (!x) return '';
  const left = String(x.from),
    right = String(x.to);
  const room = plotWidth - left.length - right.length;
  const name = room >= x.name.length + 2 ? x.name : '';
  const before = Math.floor((room - name.length) / 2);
  const after = Math.max(0, room - before - name.length);
  return `${' '.repeat(PREFIX)}${left}${' '.repeat(Math.max(1, before))}${name}${' '.repeat(after)}${right}`;
}

function legendLine(series: readonly ChartSeries[], log: boolean, paint: Paint): string {
  const names = series.map((s, i) => {
    if (paint === noPaint) return `${i === 0 ? '──' : '┈┈'} ${s.name}`;
    return `${s.color ? paint('──', s.color) : '──'} ${s.name}`;
  });
  return `${' '.repeat(PREFIX)}${names.join('   ')}${log ? '   (log scale)' : ''}`;
}
