/** The font dashboard at a fixed state, by snapshot (colour stripped), and its layout rules. */
import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { noPaint } from '../source/render/ansi.js';
import { FontDashboardView } from '../source/ui/font/dashboard.js';
import { dashboardLayout, MIN_SIZE } from '../source/ui/font/layout.js';
import { ChartPanel, GlyphPanel, LatentPanel } from '../source/ui/font/panels.js';
import { INITIAL_STATE, type DashboardState } from '../source/ui/state.js';
import { fixedFrame, plainText, trainedRun } from './font-fixture.js';

const { info, feed } = trainedRun(150);
const frame = fixedFrame(feed);
const decoder = info.snapshot;

function dashboard(columns: number, rows: number, state: DashboardState = INITIAL_STATE, color = false): string {
  return renderToString(
    <FontDashboardView
      info={info}
      frame={frame}
      state={state}
      size={{ columns, rows }}
      color={color}
      decoder={decoder}
    />,
    { columns },
  );
}

describe('panels of a fixed model (seed 1, 150 epochs)', () => {
  it('glyph panel: every glyph, original | reconstruction, wrong pixels marked, errors under', () => {
    const text = plainText(
      renderToString(
        <GlyphPanel info={info} frame={frame} rect={{ width: 100, height: 26 }} paint={noPaint} scroll={0} />,
        { columns: 100 },
      ),
    );
    for (const glyph of info.glyphs)
      expect(text).toContain(`${glyph.char} ${frame.last!.perGlyph[info.glyphs.indexOf(glyph)]}`);
    expect(text).toMatchSnapshot();
  });

  it('latent scatter: each glyph labelled at its code, axis ranges shown', () => {
    const text = plainText(
      renderToString(<LatentPanel info={info} frame={frame} rect={{ width: 60, height: 20 }} paint={noPaint} />, {
        columns: 60,
      }),
    );
    expect(text).toMatch(/z0/);
    expect(text).toMatchSnapshot();
  });

  it('loss chart: the loss over the epochs and the wrong pixels', () => {
    const text = plainText(
      renderToString(<ChartPanel frame={frame} rect={{ width: 60, height: 22 }} paint={noPaint} />, { columns: 60 }),
    );
    expect(text).toContain('max wrong pixels');
    expect(text).toMatchSnapshot();
  });
});

describe('the whole dashboard', () => {
  it('at 80x24: fits, glyphs on the first page', () => {
    const text = plainText(dashboard(80, 24));
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(text).toMatchSnapshot();
  });

  it('at 80x24, second page: latent scatter and loss chart', () => {
    expect(plainText(dashboard(80, 24, { ...INITIAL_STATE, page: 1 }))).toMatchSnapshot();
  });

  it('at 120x40: every panel at once', () => {
    const text = plainText(dashboard(120, 40));
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
    for (const title of ['original | reconstruction', 'latent space', 'loss']) expect(text).toContain(title);
    expect(text).toMatchSnapshot();
  });

  it('the explorer at a fixed cursor, with two kept glyphs', () => {
    const state: DashboardState = {
      ...INITIAL_STATE,
      overlay: 'explorer',
      cursor: [0.5, -0.5],
      kept: [
        [0, 0],
        [1, 1],
      ],
    };
    expect(plainText(dashboard(80, 24, state))).toMatchSnapshot();
  });

  it("a replay frame: an early snapshot's glyphs, codes and charts, named in the header", () => {
    const snapshot = frame.snapshots[12];
    const text = plainText(dashboard(120, 40, { ...INITIAL_STATE, replay: snapshot.epoch }));
    expect(text).toContain(`replay: epoch ${snapshot.epoch} of 150`);
    expect(text).toContain(`now ${snapshot.loss.toPrecision(4)}`);
    expect(text).not.toBe(plainText(dashboard(120, 40)));
    expect(text).toMatchSnapshot();
  });

  it('says how much room it needs when the terminal is too small', () => {
    const text = plainText(dashboard(50, 12));
    expect(text).toContain(`at least ${MIN_SIZE.columns}x${MIN_SIZE.rows}`);
    expect(text).toContain('this terminal is 50x12');
  });

  it('reads the same with colour as without, but for the dotted second chart series that stands in for colour', () => {
    const plots = /[┤┼│─┈┊╭╮╰╯]/;
    const textLines = (text: string) => text.split('\n').filter((line) => !plots.test(line));
    const coloured = plainText(dashboard(120, 40, INITIAL_STATE, true)),
      plain = plainText(dashboard(120, 40));
    expect(textLines(coloured)).toEqual(textLines(plain));
    expect(coloured).toContain('── max wrong pixels   ── mean');
    expect(plain).toContain('── max wrong pixels   ┈┈ mean');
    expect(dashboard(120, 40, INITIAL_STATE, true)).toContain('\u001B[');
    expect(dashboard(120, 40)).not.toMatch(/\u001B\[3\dm/);
  });
});

describe('layout', () => {
  it('uses more room when there is more', () => {
    expect(dashboardLayout(80, 24, 32).kind).toBe('pages');
    expect(dashboardLayout(120, 40, 32).kind).toBe('stack');
    expect(dashboardLayout(200, 24, 32).kind).toBe('side');
    expect(dashboardLayout(59, 30, 32).kind).toBe('too-small');
  });

  it('never hands out more lines or columns than the terminal has', () => {
    for (const [columns, rows] of [
      [60, 16],
      [80, 24],
      [100, 30],
      [120, 40],
      [160, 50],
      [200, 24],
      [300, 90],
    ]) {
      const layout = dashboardLayout(columns, rows, 32);
      if (layout.kind === 'too-small') throw new Error(`${columns}x${rows} should fit`);
      const { glyphs, latent, chart, body } = layout;
      const used =
        layout.kind === 'stack'
          ? {
              width: Math.max(glyphs.width, latent.width + chart.width + 2),
              height: glyphs.height + Math.max(latent.height, chart.height),
            }
          : layout.kind === 'side'
            ? {
                width: glyphs.width + 2 + Math.max(latent.width, chart.width),
                height: Math.max(glyphs.height, latent.height + chart.height),
              }
            : {
                width: Math.max(glyphs.width, layout.pairInRow ? latent.width + chart.width + 2 : latent.width),
                height: Math.max(glyphs.height, layout.pairInRow ? latent.height : latent.height + chart.height),
              };
      expect(used.width).toBeLessThanOrEqual(body.width);
      expect(used.height).toBeLessThanOrEqual(body.height);
      const text = plainText(dashboard(columns, rows));
      expect(text.split('\n').length).toBeLessThanOrEqual(rows);
      expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(columns);
    }
  });
});
