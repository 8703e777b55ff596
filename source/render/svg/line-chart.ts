/** Curves over epochs (loss, wrong pixels): one line per series, a legend when there are several. */
import { axes, extent, linearScale, logScale, type PlotArea } from './axes.js';
import { PALETTE, element, heading, num, svgDocument, text } from './svg.js';

export interface Series {
  name: string;
  points: Array<[number, number]>;
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Log-scaled y axis; by default when the positive values span two decades or more (as the dashboard does). */
  logY?: boolean;
}

const WIDTH = 640,
  HEIGHT = 400;
const AREA: PlotArea = { left: 76, top: 36, width: WIDTH - 76 - 20, height: HEIGHT - 36 - 56 };
/** Dash patterns that tell the series apart without colour. */
const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'];

export function lineChartSvg(chart: LineChart): string {
  const xs = chart.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = chart.series.flatMap((s) => s.points.map(([, y]) => y)).filter(Number.isFinite);
  const positive = ys.filter((y) => y > 0);
  const [yMin, yMax] = extent(positive.length > 0 ? positive : ys);
  const logY = chart.logY ?? (positive.length === ys.length && positive.length > 0 && yMax / yMin >= 100);
  const x = linearScale(extent(xs), [AREA.left, AREA.left + AREA.width]);
  const yRange: [number, number] = [AREA.top + AREA.height, AREA.top];
  const y = logY ? logScale([yMin, yMax], yRange) : linearScale(extent(ys), yRange);
  const lines = chart.series.map((s, i) => {
    const drawable = s.points.filter(([, v]) => Number.isFinite(v) && (!logY || v > 0));
    return element('polyline', {
      points: drawable.map(([px, py]) => `${num(x.at(px))},${num(y.at(py))}`).join(' '),
      fill: 'none',
      stroke: PALETTE[i % PALETTE.length],
      'stroke-width': 1.6,
      'stroke-dasharray': DASHES[i % DASHES.length],
      'stroke-linejoin': 'round',
    });
  });
  return svgDocument({ width: WIDTH, height: HEIGHT, title: chart.title }, [
    heading(WIDTH, chart.title),
    ...axes(AREA, x, y, chart.xLabel, logY ? `${chart.yLabel} (log scale)` : chart.yLabel),
    ...lines,
    ...(chart.series.length > 1 ? legend(chart.series) : []),
  ]);
}

/** A boxed key in the top right corner: a stroke sample and the series name per line. */
function legend(series: Series[]): string[] {
  const width = 46 + 7 * Math.max(...series.map((s) => s.name.length));
  const left = AREA.left + AREA.width - width - 8,
    top = AREA.top + 8;
  return [
    element('rect', {
      x: left,
      y: top,
      width,
      height: 8 + 16 * series.length,
      fill: '#ffffff',
      stroke: '#999999',
      opacity: 0.9,
    }),
    ...series.flatMap((s, i) => {
      const rowY = top + 12 + 16 * i;
      return [
        element('line', {
          x1: left + 6,
          y1: rowY,
          x2: left + 28,
          y2: rowY,
          stroke: PALETTE[i % PALETTE.length],
          'stroke-width': 1.6,
          'stroke-dasharray': DASHES[i % DASHES.length],
        }),
        text(left + 32, rowY + 4, s.name, { 'font-size': 11 }),
      ];
    }),
  ];
}
