/** The hand-written SVG: escaping, scales, and every figure kind well-formed, rendering, and (one) snapshotted. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadFont, selectGlyphs } from '../source/data/font.js';
import { svgToPng } from '../source/export/png.js';
import { linearScale, logScale } from '../source/render/svg/axes.js';
import { lineChartSvg } from '../source/render/svg/line-chart.js';
import { pixelGridSvg } from '../source/render/svg/pixel-grid.js';
import { scatterSvg } from '../source/render/svg/scatter.js';
import { element, escapeXml, num, text } from '../source/render/svg/svg.js';
import { Rng } from '../source/random.js';
import { expectValidXml, inkShare, pngSize } from './helpers/svg.js';

const NASTY = 'a<b & "c" \'d\' \u0001 ]]> \uD800';

describe('SVG building blocks', () => {
  it('escapes markup characters and replaces characters XML forbids', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('tab\tnew\nline\u0000\u001f\uFFFE')).toBe('tab\tnew\nline\uFFFD\uFFFD\uFFFD');
    expect(escapeXml('pair \uD83D\uDE00 lone \uDC00')).toBe('pair \uD83D\uDE00 lone \uFFFD');
  });

  it('writes elements with escaped attributes and rounded numbers, skipping undefined ones', () => {
    expect(element('rect', { x: 1.23456, y: -0.001, fill: 'a"b', stroke: undefined })).toBe(
      '<rect x="1.23" y="0" fill="a&quot;b"/>',
    );
    expect(text(1, 2, '<&>')).toBe('<text x="1" y="2">&lt;&amp;&gt;</text>');
    expect(num(-0.004)).toBe('0');
    expect(num(12.5)).toBe('12.5');
  });

  it('scales data onto round-numbered ticks that cover it', () => {
    const linear = linearScale([0.03, 0.71], [0, 100]);
    expect(linear.ticks.map(linear.format)).toEqual(['0', '0.2', '0.4', '0.6', '0.8']);
    expect(linear.at(0)).toBe(0);
    expect(linear.at(0.8)).toBeCloseTo(100);
    const log = logScale([0.0042, 0.7], [100, 0]);
    expect(log.ticks.map(log.format)).toEqual(['0.001', '0.01', '0.1', '1']);
    expect(log.at(0.01)).toBeCloseTo(100 * (2 / 3));
  });
});

const glyphs = selectGlyphs(loadFont(), 'ab');
/** 'a' reconstructed with one pixel wrongly lit and one wrongly dark; 'b' perfectly. */
function reconstructionOfA(): Float32Array {
  const out = Float32Array.from(glyphs[0].pixels, (p) => (p > 0.5 ? 0.9 : 0.1));
  out[0] = 0.8; // lit, should be dark
  out[glyphs[0].pixels.indexOf(1)] = 0.2; // dark, should be lit
  return out;
}

const figures: Record<string, () => string> = {
  'glyph sheet with wrong pixels': () =>
    pixelGridSvg({
      title: 'Originals & reconstructions',
      bitmapRows: 7,
      bitmapCols: 5,
      shading: 'binary',
      groupSize: 2,
      rows: [
        [
          { pixels: glyphs[0].pixels, caption: 'a' },
          { pixels: reconstructionOfA(), target: glyphs[0].pixels, caption: '2' },
          { pixels: glyphs[1].pixels, caption: 'b' },
          { pixels: glyphs[1].pixels, target: glyphs[1].pixels, caption: '0' },
        ],
      ],
    }),
  'digit grid in gray with labels': () => {
    const rng = new Rng(5);
    const digit = () =>
      Float32Array.from({ length: 784 }, (_, i) =>
        Math.hypot((i % 28) - 14, Math.floor(i / 28) - 14) < 9 ? rng.next() : 0,
      );
    return pixelGridSvg({
      title: 'Samples',
      bitmapRows: 28,
      bitmapCols: 28,
      shading: 'gray',
      rows: [[{ pixels: digit(), caption: '3' }, { pixels: digit() }], [{ pixels: digit() }]],
      rowLabels: ['row 1', 'row 2'],
      columnLabels: ['z0 = -1', 'z0 = 1'],
    });
  },
  'loss curves with a legend, log scale': () =>
    lineChartSvg({
      title: 'Loss',
      xLabel: 'epoch',
      yLabel: 'loss',
      series: [
        { name: 'train', points: Array.from({ length: 50 }, (_, i): [number, number] => [i, 10 * 0.9 ** i]) },
        { name: 'validation', points: Array.from({ length: 50 }, (_, i): [number, number] => [i, 11 * 0.91 ** i]) },
      ],
    }),
  'scatter labelled by character': () =>
    scatterSvg({
      title: 'Latent space',
      xLabel: 'z0',
      yLabel: 'z1',
      points: [
        { x: 0, y: 0, label: '<' },
        { x: 1, y: 2, label: '&' },
        { x: -3, y: 1, label: 'DEL' },
      ],
    }),
  'scatter coloured by class': () => {
    const rng = new Rng(9);
    const points = Array.from({ length: 2000 }, (_, i) => ({
      x: rng.normal() + (i % 10),
      y: rng.normal(),
      group: String(i % 10),
    }));
    return scatterSvg({ title: 'Digits', xLabel: 'z0', yLabel: 'z1', points });
  },
  'labels that need escaping': () =>
    lineChartSvg({
      title: NASTY,
      xLabel: NASTY,
      yLabel: NASTY,
      series: [
        {
          name: NASTY,
          points: [
            [0, 1],
            [1, 2],
          ],
        },
        { name: 'b', points: [[0, 2]] },
      ],
    }),
};

describe('every figure kind', () => {
  for (const [what, draw] of Object.entries(figures)) {
    it(`${what}: valid XML that renders with ink on it`, () => {
      const svg = draw();
      expectValidXml(svg);
      const share = inkShare(svg);
      expect(share).toBeGreaterThan(0.01);
      expect(share).toBeLessThan(0.9);
    });
  }

  it('keeps the nasty labels as text', () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(figures['labels that need escaping']());
    expect(parsed.svg.title).toBe(NASTY.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD'));
  });

  it("renders to a PNG of the SVG's size times the zoom", () => {
    const svg = figures['glyph sheet with wrong pixels']();
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]),
      height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    expect(pngSize(svgToPng(svg, 2))).toEqual({ width: 2 * width, height: 2 * height });
  });

  it('draws the glyph sheet as the snapshot shows (pixels, crosses on wrong pixels, captions, legend)', () => {
    expect(figures['glyph sheet with wrong pixels']()).toMatchSnapshot();
  });
});
