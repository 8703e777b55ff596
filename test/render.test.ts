/** The pure renderers: geometry and marks checked by hand, whole panels by snapshot. */
import { describe, expect, it } from 'vitest';
import { ansiPaint, stripAnsi } from '../source/render/ansi.js';
import { bitmapGridRows } from '../source/render/bitmap-grid.js';
import { scatterPlot } from '../source/render/braille.js';
import { lineChart } from '../source/render/chart.js';
import { compactNumber, formatDuration } from '../source/render/format.js';
import { halfBlockLines, shadedLines } from '../source/render/halfblock.js';
import { resample, spansDecades } from '../source/render/series.js';
import { sparkline } from '../source/render/sparkline.js';
import { Thinned } from '../source/train/thinned.js';
import { fontHistory } from '../source/train/history.js';
import { historyTable } from '../source/export/figures.js';
import type { GlyphEpoch } from '../source/train/font.js';
import { loadFont } from '../source/data/font.js';

const font = loadFont();
const glyphA = font[1].pixels;

describe('half blocks', () => {
  it('draws a 7x5 glyph in 5 columns and 4 lines, two pixel rows per line', () => {
    const lines = halfBlockLines(glyphA, 7, 5);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.length === 5)).toBe(true);
    // 'a': row 0 blank, row 1 ".###.", row 2 "....#", row 3 ".##.#", ..., row 6 ".##.#" alone in line 3.
    expect(lines[0]).toBe(' ▄▄▄ ');
    expect(lines[1]).toBe(' ▄▄ █');
    expect(lines[3]).toBe(' ▀▀ ▀');
  });

  it('marks wrong pixels with letters that read without colour, and colours them when asked', () => {
    const output = glyphA.slice();
    output[1 * 5 + 1] = 0; // a lit pixel went dark (row 1, in line 0)
    output[0] = 1; // a dark pixel lit up (row 0, in line 0)
    const lines = halfBlockLines(output, 7, 5, { target: glyphA });
    expect(lines[0]).toBe('Xo▄▄ ');
    const coloured = halfBlockLines(output, 7, 5, { target: glyphA, paint: ansiPaint });
    expect(coloured.map(stripAnsi)).toEqual(lines);
    expect(coloured[0]).toContain('\u001B[31mX');
  });

  it('works for any size, e.g. 28x28 digits: 14 lines of 28 columns', () => {
    const lines = halfBlockLines(new Float32Array(28 * 28).fill(1), 28, 28);
    expect(lines).toEqual(Array(14).fill('█'.repeat(28)));
  });

  it('shades large bitmaps by value', () => {
    expect(shadedLines([0, 0.25, 0.5, 0.75, 1], 1, 5, 2)).toEqual(['  ░░▒▒▓▓██']);
  });
});

describe('bitmap grid', () => {
  it('wraps items to the width, captions under each', () => {
    const items = font.slice(0, 5).map((g) => ({ bitmaps: [{ pixels: g.pixels }], caption: g.char }));
    const rows = bitmapGridRows(items, { rows: 7, cols: 5, perItem: 1, gap: 1 }, 17);
    expect(rows.map((r) => r.length)).toEqual([5, 5]);
    expect(rows[0][4]).toBe('`     a     b');
    expect(rows[1][4]).toBe('c     d');
  });
});

describe('braille scatter', () => {
  it('puts each point in its dot, its label beside it (left at the right edge), and the ranges on the axes', () => {
    const lines = scatterPlot(
      [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
        { x: 1, y: 0, label: 'q' },
      ],
      { width: 6, height: 3, bounds: { minX: 0, maxX: 1, minY: 0, maxY: 1 }, xName: 'z0', yName: 'z1' },
    );
    // Plot area: 3 columns x 2 lines = 6 x 8 dots. (1,1) is the top right dot, (0,0) the bottom left.
    expect(lines).toEqual([' 1┤  ⠈', ' 0┤⡀q⢀', '   0 1']);
  });

  it('keeps the dot under two labels (one each side), draws marks over everything, colours classes', () => {
    const points = [
      { x: 0.5, y: 0.5, label: 'a' },
      { x: 0.5, y: 0.5, label: 'b' },
      { x: 0, y: 0, cls: 3 },
    ];
    const bounds = { minX: 0, maxX: 1, minY: 0, maxY: 1 };
    const lines = scatterPlot(points, { width: 8, height: 4, bounds, marks: [{ x: 0, y: 0, text: '+' }] });
    expect(lines[1]).toBe('y│  b⠄a ');
    expect(lines[2]).toContain('+');
    const coloured = scatterPlot(points, { width: 8, height: 4, bounds, paint: ansiPaint });
    expect(coloured[2]).toContain('\u001B[34m');
  });
});

describe('charts', () => {
  const loss = Array.from({ length: 400 }, (_, i) => 0.7 * Math.exp(-i / 50) + 0.002);

  it('without colour, draws the second series dotted and says so in the legend', () => {
    const series = [
      { name: 'train', values: [5, 4, 3, 2, 1], color: 'cyan' as const },
      { name: 'validation', values: [6, 5, 4, 3, 2], color: 'yellow' as const },
    ];
    const plain = lineChart(series, { width: 30, height: 8 });
    const plot = plain.slice(0, 6).map((line) => line.slice(10));
    expect(plot.join('')).toMatch(/[─╮╰]/);
    expect(plot.join('')).toMatch(/[┈┊]/);
    expect(plain.at(-1)).toContain('── train   ┈┈ validation');
    const coloured = lineChart(series, { width: 30, height: 8, paint: ansiPaint }).map(stripAnsi);
    expect(coloured.join('')).not.toMatch(/[┈┊]/);
  });

  it('takes exactly the lines asked for, on a log scale when the series spans decades', () => {
    for (const height of [3, 5, 8, 13]) {
      const lines = lineChart([{ name: 'loss', values: loss }], {
        width: 50,
        height,
        x: { name: 'epoch', from: 0, to: 399 },
      });
      expect(lines).toHaveLength(height);
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(50);
    }
    expect(lineChart([{ name: 'loss', values: loss }], { width: 50, height: 8 }).at(-1)).toContain('(log scale)');
    expect(
      lineChart([{ name: 'loss', values: loss.map((v) => v + 1) }], { width: 50, height: 8 }).at(-1),
    ).not.toContain('log');
  });

  it('says when there is nothing to draw yet', () => {
    expect(lineChart([{ name: 'loss', values: [] }], { width: 50, height: 6 }).join('\n')).toContain(
      'waiting for the first epoch',
    );
  });

  it('draws several named series with a legend (snapshot)', () => {
    const wrong = loss.map((v) => Math.round(v * 30));
    const lines = lineChart(
      [
        { name: 'loss', values: loss },
        { name: 'scaled', values: wrong.map((w) => w / 30) },
      ],
      { width: 60, height: 12, x: { name: 'epoch', from: 0, to: 399 } },
    );
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('squeezes long series into bucket means and spots decades', () => {
    expect(resample([1, 2, 3, 4, 5, 6], 3)).toEqual([1.5, 3.5, 5.5]);
    expect(resample([1, 2], 5)).toEqual([1, 2]);
    expect(spansDecades([1, 0.01])).toBe(true);
    expect(spansDecades([1, 0.1])).toBe(false);
    expect(spansDecades([0, 1])).toBe(false);
  });

  it('draws a sparkline from the lowest to the highest bar', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8, false)).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([100, 10, 1], 3)).toBe('█▅▁');
  });
});

describe('formats', () => {
  it('keeps numbers and durations short', () => {
    expect([0, 0.04213, 12.54, 3.2e-5, 123456].map(compactNumber)).toEqual(['0', '0.0421', '12.5', '3.2e-5', '1.2e5']);
    expect(formatDuration(83_450)).toBe('1:23.5');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('writes estimates (the time left) in the same style to the second, and an unknown one as ?', () => {
    expect(formatDuration(83_450, { tenths: false })).toBe('1:23');
    expect(formatDuration(59_600, { tenths: false })).toBe('1:00');
    expect(formatDuration(3_723_400, { tenths: false })).toBe('1:02:03');
    expect(formatDuration(Number.NaN, { tenths: false })).toBe('?');
  });
});

describe('history', () => {
  it('keeps a long series in bounded memory, evenly thinned, ending at the latest value', () => {
    const history = new Thinned<number>(8);
    for (let i = 0; i < 100; i++) history.push(i);
    const values = history.values();
    expect(values.length).toBeLessThanOrEqual(9);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(99);
    const steps = values
      .slice(0, -1)
      .map((v, i, all) => (i === 0 ? undefined : v - all[i - 1]))
      .slice(1);
    expect(new Set(steps).size).toBe(1);
  });

  it("keeps a font run's per-epoch rows for the export bounded too, spanning the whole run", () => {
    const history = fontHistory(8);
    for (let epoch = 0; epoch < 1000; epoch++) {
      history.onEvent({
        type: 'epoch',
        epoch,
        loss: 1 / (epoch + 1),
        maxPixelError: 3,
        meanPixelError: 1,
      } as GlyphEpoch);
    }
    const epochs = history.rows.map((row) => row.epoch);
    expect(epochs.length).toBeLessThanOrEqual(9);
    expect(epochs[0]).toBe(0);
    expect(epochs.at(-1)).toBe(999);
    expect(history.rows.at(-1)).toEqual({ epoch: 999, loss: 0.001, maxPixelError: 3, meanPixelError: 1 });
    expect(historyTable(history.rows).title).toBe(`Training history (every ${epochs[1]} epochs, and the last)`);
  });
});
