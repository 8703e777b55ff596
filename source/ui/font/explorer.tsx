/**
 * The latent explorer: a cursor on the latent plane, the glyph it decodes to (large, shaded by pixel value)
 * beside the nearest training glyph, and the glyphs the user kept. This is how new letters are made.
 */
import { Box } from 'ink';
import { useMemo } from 'react';
import { GLYPH_COLS, GLYPH_ROWS } from '../../data/font.js';
import type { Paint } from '../../render/ansi.js';
import { bitmapGridRows, itemHeight, itemsPerRow, type GridShape } from '../../render/bitmap-grid.js';
import { scatterBounds, scatterPlot, type Bounds2, type ScatterPoint } from '../../render/braille.js';
import { shadedLines } from '../../render/halfblock.js';
import { TextBlock, type Rect } from '../text-block.js';
import type { ModelSnapshot } from '../../nn/model-snapshot.js';
import type { GlyphFrame } from '../glyph-feed.js';
import type { FontRunInfo } from './info.js';
import { latentPoints } from './glyph-data.js';
import { PANEL_GAP } from './layout.js';
import { formatPoint, type Point } from '../state.js';

const KEPT_SHAPE: GridShape = { rows: GLYPH_ROWS, cols: GLYPH_COLS, perItem: 1, gap: 1 };

export interface ExplorerProps {
  info: FontRunInfo;
  frame: GlyphFrame;
  plot: Rect;
  side: Rect;
  cursor: Point;
  kept: Point[];
  decoder: ModelSnapshot;
  paint: Paint;
}

/** The plotted box: the codes, the cursor and the kept points all stay in view. */
export function explorerBounds(points: readonly ScatterPoint[], cursor: Point, kept: readonly Point[]): Bounds2 {
  return scatterBounds([...points, ...[cursor, ...kept].map(([x, y]) => ({ x, y }))]);
}

/** How far one arrow press moves the cursor: one character cell of the plot. */
export function explorerStep(bounds: Bounds2, plot: Rect): Point {
  return [
    (bounds.maxX - bounds.minX) / Math.max(1, plot.width - 8),
    (bounds.maxY - bounds.minY) / Math.max(1, plot.height - 2),
  ];
}

export function Explorer({ info, frame, plot, side, cursor, kept, decoder, paint }: ExplorerProps) {
  const { plotLines, sideLines } = useMemo(() => {
    const points = frame.last ? latentPoints(info, frame.last) : [];
    const marks = [
      ...kept.map(([x, y], i) => ({ x, y, text: String((i + 1) % 10) })),
      { x: cursor[0], y: cursor[1], text: '+' },
    ];
    const bounds = explorerBounds(points, cursor, kept);
    return {
      plotLines: scatterPlot(points, {
        width: plot.width,
        height: plot.height - 1,
        bounds,
        marks,
        xName: 'z0',
        yName: 'z1',
        paint,
      }),
      sideLines: cursorColumn(info, points, decoder.decode([cursor, ...kept]), cursor, side, paint),
    };
  }, [info, frame.version, plot.width, plot.height, side.width, side.height, cursor, kept, paint]);
  return (
    <Box flexDirection="row" gap={PANEL_GAP}>
      <TextBlock title="latent explorer: + cursor, 1 2 3 ... kept" lines={plotLines} rect={plot} />
      <TextBlock title="the glyph at the cursor" lines={sideLines} rect={side} />
    </Box>
  );
}

/** The decoded glyph beside the nearest training glyph, both large, then as many kept glyphs as fit (the latest). */
function cursorColumn(
  info: FontRunInfo,
  points: readonly ScatterPoint[],
  [decoded, ...kept]: Float32Array[],
  cursor: Point,
  side: Rect,
  paint: Paint,
): string[] {
  const nearest = nearestGlyph(points, cursor);
  const large = shadedLines(decoded, GLYPH_ROWS, GLYPH_COLS);
  const reference = nearest === undefined ? [] : shadedLines(info.glyphs[nearest].pixels, GLYPH_ROWS, GLYPH_COLS);
  const keptRows = bitmapGridRows(
    kept.map((pixels, i) => ({ bitmaps: [{ pixels }], caption: String(i + 1) })),
    KEPT_SHAPE,
    side.width,
    paint,
  );
  const room = Math.max(0, Math.floor((side.height - 1 - large.length - 3) / itemHeight(KEPT_SHAPE)));
  const shownRows = keptRows.slice(Math.max(0, keptRows.length - room));
  const hidden = (keptRows.length - shownRows.length) * itemsPerRow(KEPT_SHAPE, side.width);
  return [
    `at ${formatPoint(cursor)}`,
    ...large.map((line, r) => `${line}  ${reference[r] ?? ''}`),
    `${'decoded'.padEnd(12)}${nearest === undefined ? '' : `nearest: ${info.glyphs[nearest].char}`}`,
    '',
    kept.length === 0 ? 'enter keeps this glyph' : `kept ${kept.length}${hidden > 0 ? ` (${hidden} not shown)` : ''}:`,
    ...shownRows.flat(),
  ];
}

function nearestGlyph(points: readonly ScatterPoint[], [x, y]: Point): number | undefined {
  let best: number | undefined,
    bestDistance = Infinity;
  points.forEach((p, i) => {
    const distance = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  });
  return best;
}
