/**
 * The latent space as a scatter plot: points labelled by their character (font), or coloured and shaped by
 * their class with a legend (digits).
 */
import { axes, extent, linearScale, type PlotArea } from './axes.js';
import { PALETTE, element, heading, num, svgDocument, text } from './svg.js';

export interface ScatterPoint {
  x: number;
  y: number;
  /** Written beside the point. */
  label?: string;
  /** Class: sets colour and marker shape, listed in the legend. */
  group?: string;
}

export interface Scatter {
  title: string;
  xLabel: string;
  yLabel: string;
  points: ScatterPoint[];
}

const HEIGHT = 560,
  PLOT = 470;
/** Room at the right for the class legend. */
const LEGEND_WIDTH = 110;

/**
 * Marker outlines drawn from the point (relative moves only, so one path holds many), one shape per run of
 * ten classes after the colours, so that classes differ in black and white too.
 */
const MARKERS = [
  (r: number) => `m${num(-r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0z`,
  (r: number) => `m${num(-r)} ${num(-r)}h${num(2 * r)}v${num(2 * r)}h${num(-2 * r)}z`,
  (r: number) => `m0 ${num(-1.2 * r)}l${num(1.1 * r)} ${num(2 * r)}h${num(-2.2 * r)}z`,
  (r: number) =>
    `m0 ${num(-1.3 * r)}l${num(1.3 * r)} ${num(1.3 * r)}` +
    `l${num(-1.3 * r)} ${num(1.3 * r)}l${num(-1.3 * r)} ${num(-1.3 * r)}z`,
];

export function scatterSvg(plot: Scatter): string {
  const groups = [...new Set(plot.points.flatMap((p) => (p.group === undefined ? [] : [p.group])))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const area: PlotArea = { left: 76, top: 36, width: PLOT, height: HEIGHT - 36 - 56 };
  const width = area.left + PLOT + (groups.length > 0 ? LEGEND_WIDTH : 30);
  const x = linearScale(padded(plot.points.map((p) => p.x)), [area.left, area.left + area.width]);
  const y = linearScale(padded(plot.points.map((p) => p.y)), [area.top + area.height, area.top]);
  const radius = plot.points.length > 500 ? 1.6 : 3;
  const style = (group: string | undefined) => {
    const index = group === undefined ? 0 : groups.indexOf(group);
    return {
      fill: PALETTE[index % PALETTE.length],
      shape: MARKERS[Math.floor(index / PALETTE.length) % MARKERS.length],
    };
  };
  // One path per class: thousands of digits stay a few kilobytes of markup per class, not an element each.
  const byGroup = new Map<string | undefined, string[]>();
  for (const p of plot.points) {
    const moves = byGroup.get(p.group) ?? [];
    moves.push(`M${num(x.at(p.x))} ${num(y.at(p.y))}${style(p.group).shape(radius)}`);
    byGroup.set(p.group, moves);
  }
  const markers = [...byGroup].map(([group, moves]) =>
    element('path', {
      d: moves.join(''),
      fill: style(group).fill,
      'fill-opacity': 0.75,
      stroke: '#222222',
      'stroke-width': 0.4,
    }),
  );
  const labels = plot.points
    .filter((p) => p.label !== undefined)
    .map((p) => text(x.at(p.x) + radius + 2, y.at(p.y) - radius, p.label!, { 'font-size': 12 }));
  return svgDocument({ width: width, height: HEIGHT, title: plot.title }, [
    heading(width, plot.title),
    ...axes(area, x, y, plot.xLabel, plot.yLabel),
    ...markers,
    ...labels,
    ...groups.flatMap((group, i) => {
      const rowY = area.top + 10 + 18 * i,
        { fill, shape } = style(group);
      return [
        element('path', {
          d: `M${num(area.left + area.width + 20)} ${num(rowY)}${shape(4)}`,
          fill,
          stroke: '#222222',
          'stroke-width': 0.4,
        }),
        text(area.left + area.width + 30, rowY + 4, group, { 'font-size': 12 }),
      ];
    }),
  ]);
}

/** The data's range widened by 4% each side, so that no point or label sits on the frame. */
function padded(values: number[]): [number, number] {
  const [min, max] = extent(values);
  const pad = (max - min) * 0.04;
  return [min - pad, max + pad];
}
