/** The font experiment's export, built in-process from a short deterministic run (reference backend). */
import { describe, expect, it } from 'vitest';
import { startFontRun } from '../source/commands/font.js';
import { parseFontConfig } from '../source/options/font.js';
import { exportFiles } from '../source/export/bundle.js';
import { fontExport } from '../source/export/font.js';
import { tableCsv } from '../source/export/table.js';
import type { GlyphDone, GlyphEpoch, GlyphEvent } from '../source/train/font.js';
import { fontHistory } from '../source/train/history.js';
import { expectValidXml, inkShare } from './helpers/svg.js';

/** Trains on "aben" to zero wrong pixels; timings zeroed so that the report is the same on every run. */
function exportOfShortRun() {
  const settings = { subset: 'aben', target: 0, seed: 2, backend: 'reference' };
  const run = startFontRun(settings);
  const history = fontHistory();
  const epochs: GlyphEpoch[] = [];
  let done: GlyphDone | undefined;
  for (const event of run.events as Generator<GlyphEvent>) {
    run.record(event);
    history.onEvent(event);
    if (event.type === 'epoch') epochs.push(event);
    else done = event;
  }
  done!.last.elapsedMs = 0;
  const { line: result } = run.finish();
  const { export: _, ...config } = parseFontConfig(settings);
  const bundle = fontExport({
    config,
    glyphs: run.glyphs,
    views: run.plan.views,
    done: done!,
    result,
    history: history.rows,
  });
  return {
    bundle,
    result,
    epochs,
    history: history.rows,
    files: new Map(exportFiles(bundle).map((f) => [f.name, f.data])),
  };
}

describe('font export', () => {
  const { bundle, result, epochs, history, files } = exportOfShortRun();

  it('collects every epoch of the event stream into the history, as the reporters saw it', () => {
    expect(history).toEqual(
      epochs.map((e) => ({
        epoch: e.epoch,
        loss: e.loss,
        maxPixelError: e.maxPixelError,
        meanPixelError: e.meanPixelError,
      })),
    );
    expect(history.at(-1)!.epoch).toBe(result.epochs);
  });

  it('writes every figure the screen shows, each valid XML with ink on it', () => {
    expect(bundle.figures.map((f) => f.name)).toEqual([
      'loss',
      'wrong-pixels',
      'latent',
      'glyphs',
      'generated',
      'interpolations',
      'latent-grid',
    ]);
    for (const figure of bundle.figures) {
      expectValidXml(figure.svg);
      expect(inkShare(figure.svg, 0.5), figure.name).toBeGreaterThan(0.01);
    }
  });

  it("holds the result's own numbers: result.json, the per-glyph table and the history table", () => {
    expect(JSON.parse(files.get('result.json') as string)).toEqual(result);
    const perGlyph = (files.get('per-glyph.csv') as string)
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(perGlyph.map(([char, wrong, z0, z1]) => [char, Number(wrong), [Number(z0), Number(z1)]])).toEqual(
      Object.keys(result.perGlyph).map((c) => [c, result.perGlyph[c], result.latent[c]]),
    );
    const last = (files.get('history.csv') as string).trimEnd().split('\n').at(-1)!.split(',').map(Number);
    expect(last).toEqual([result.epochs, result.loss, result.maxPixelError, result.meanPixelError]);
    expect(tableCsv(bundle.tables.find((t) => t.name === 'history')!).split('\n')[0]).toBe(
      'epoch,loss,maxPixelError,meanPixelError',
    );
  });

  it('ties it together in report.md', () => {
    expect(files.get('report.md')).toMatchSnapshot();
  });
});
