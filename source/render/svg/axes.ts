/** Scales from data to pixels with round-numbered ticks, and the axes drawn around a plot area. */
import { element, num, text } from './svg.js';

export interface Scale {
  /** Data value -> pixel position. */
  at(value: number): number;
  ticks: number[];
  /** Tick label. */
  format(value: number): string;
}

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest and largest of the values; a single value or none gets a unit-wide range around it. */
export function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let min = Math.min(...finite),
    max = Math.max(...finite);
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  return [min, max];
}

/** A 1, 2 or 5 times a power of ten, so that about `count` steps cover `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= raw)!;
  return multiple * power;
}

/** A linear scale whose domain is widened to whole ticks, so that the data never touches the frame unlabelled. */
export function linearScale([min, max]: [number, number], [from, to]: [number, number], count = 6): Scale {
  const step = niceStep(max - min, count);
  const low = Math.floor(min / step) * step,
    high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step / 2; i++) ticks.push(low + i * step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return {
    at: (value) => from + ((value - low) / (high - low)) * (to - from),
    ticks,
    format: (value) => (Math.abs(value) < step / 2 ? '0' : value.toFixed(decimals)),
  };
}

/** A log-10 scale over whole decades of a positive domain. */
export function logScale([min, max]: [number, number], [from, to]: [number, number]): Scale {
  const low = Math.floor(Math.log10(min)),
    high = Math.max(Math.ceil(Math.log10(max)), low + 1);
  const ticks = Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i));
  return {
    at: (value) => from + ((Math.log10(value) - low) / (high - low)) * (to - from),
    ticks,
    format: (value) =>
      value >= 1e-3 && value < 1e4 ? String(Number(value.toPrecision(1))) : value.toExponential(0).replace('e+', 'e'),
  };
}

/** Frame, light grid lines at the ticks, tick labels and the two axis titles. */
export function axes(area: PlotArea, x: Scale, y: Scale, xLabel: string, yLabel: string): string[] {
  const { left, top, width, height } = area;
  const bottom = top + height,
    right = left + width;
  const grid = [
    ...x.ticks.map((t) => `M${num(x.at(t))} ${num(top)}V${num(bottom)}`),
    ...y.ticks.map((t) => `M${num(left)} ${num(y.at(t))}H${num(right)}`),
  ].join('');
  return [
    element('path', { d: grid, stroke: '#e0e0e0', 'stroke-width': 1, fill: 'none' }),
    element('rect', { x: left, y: top, width, height, fill: 'none', stroke: '#333333', 'stroke-width': 1 }),
    ...x.ticks.map((t) => text(x.at(t), bottom + 16, x.format(t), { 'text-anchor': 'middle', 'font-size': 11 })),
    ...y.ticks.map((t) => text(left - 6, y.at(t) + 4, y.format(t), { 'text-anchor': 'end', 'font-size': 11 })),
    text(left + width / 2, bottom + 36, xLabel, { 'text-anchor': 'middle' }),
    text(0, 0, yLabel, {
      'text-anchor': 'middle',
      transform: `translate(${num(left - 52)} ${num(top + height / 2)}) rotate(-90)`,
    }),
  ];
}
