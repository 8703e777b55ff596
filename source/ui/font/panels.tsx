/**
 * The three training panels: glyphs, latent scatter, loss chart. Each renders its strings only when what it draws
 * changed (a new epoch, or the replay's).
 */
import { useMemo } from 'react';
import type { Paint } from '../../render/ansi.js';
import { bitmapGridRows, itemHeight } from '../../render/bitmap-grid.js';
import { scatterPlot } from '../../render/braille.js';
import { lineChart } from '../../render/chart.js';
import { HALF_BLOCK_LEGEND } from '../../render/halfblock.js';
import { TextBlock, type Rect } from '../text-block.js';
import type { GlyphFrame } from '../glyph-feed.js';
import type { FontRunInfo } from './info.js';
import { glyphItems, latentPoints } from './glyph-data.js';
import { GLYPH_SHAPE } from './layout.js';

interface PanelProps {
  info: FontRunInfo;
  frame: GlyphFrame;
  rect: Rect;
  paint: Paint;
}

const WAITING = ['waiting for the first epoch'];

/** Glyph rows that fit in the panel under its title. */
export function visibleGlyphRows(rect: Rect): number {
  return Math.max(1, Math.floor((rect.height - 1) / itemHeight(GLYPH_SHAPE)));
}

export function GlyphPanel({ info, frame, rect, paint, scroll }: PanelProps & { scroll: number }) {
  const rows = useMemo(
    () => (frame.last ? bitmapGridRows(glyphItems(info, frame.last), GLYPH_SHAPE, rect.width, paint) : [WAITING]),
    [info, frame.last, rect.width, paint],
  );
  const shown = visibleGlyphRows(rect);
  const first = Math.min(scroll, Math.max(0, rows.length - shown));
  const position = rows.length > shown ? `   rows ${first + 1}-${first + shown} of ${rows.length} ↑↓` : '';
  return (
    <TextBlock
      title={`original | reconstruction   ${HALF_BLOCK_LEGEND}${position}`}
      lines={rows.slice(first, first + shown).flat()}
      rect={rect}
    />
  );
}

export function LatentPanel({ info, frame, rect, paint }: PanelProps) {
  const lines = useMemo(
    () =>
      frame.last
        ? scatterPlot(latentPoints(info, frame.last), {
            width: rect.width,
            height: rect.height - 1,
            xName: 'z0',
            yName: 'z1',
            paint,
          })
        : WAITING,
    [info, frame.last, rect.width, rect.height, paint],
  );
  const dims = info.model.latentSize === 2 ? '' : ` (first two of ${info.model.latentSize} dimensions)`;
  return <TextBlock title={`latent space: each glyph at its code${dims}`} lines={lines} rect={rect} />;
}

/** The loss, and under it the wrong pixels when there is room for both. */
/** `pixelsOf`: what the wrong pixels were counted on, where it is not the glyphs trained on (the denoiser's). */
export function ChartPanel({ frame, rect, paint, pixelsOf }: Omit<PanelProps, 'info'> & { pixelsOf?: string }) {
  const lines = useMemo(() => {
    const x = { name: 'epoch', from: 0, to: frame.last?.epoch ?? 0 };
    const room = rect.height - 1;
    const wrongHeight = room >= 12 ? Math.min(8, Math.floor(room * 0.4)) : 0;
    // With both charts, only the lower one labels the shared epoch axis.
    const loss = lineChart([{ name: 'loss', values: frame.loss, color: 'cyan' }], {
      width: rect.width,
      height: room - wrongHeight,
      x: wrongHeight > 0 ? undefined : x,
      paint,
    });
    if (wrongHeight === 0) return loss;
    const wrong = lineChart(
      [
        { name: 'max wrong pixels', values: frame.maxWrong, color: 'red' },
        { name: 'mean', values: frame.meanWrong, color: 'green' },
      ],
      { width: rect.width, height: wrongHeight, log: false, x, paint, count: true },
    );
    return [...loss, ...wrong];
  }, [frame.last, frame.loss, rect.width, rect.height, paint]);
  const last = frame.last;
  const now = last
    ? `   now ${last.loss.toPrecision(4)},` +
      ` wrong pixels${pixelsOf ? ` of the ${pixelsOf}` : ''} max ${last.maxPixelError}` +
      ` mean ${last.meanPixelError.toFixed(2)}`
    : '';
  return <TextBlock title={`loss${now}`} lines={lines} rect={rect} />;
}
