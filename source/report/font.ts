/** Plain-text and JSON-lines reporters for the font autoencoder. */
import { GLYPH_COLS, GLYPH_ROWS, type Glyph } from '../data/font.js';
import { wrapWords } from '../render/format.js';
import { fontOutcomeLines } from '../render/font-outcome.js';
import { GLYPH_LEGEND, glyphLines, wrapBlocks } from '../render/glyph.js';
import type { GlyphEpoch, GlyphEvent } from '../train/font.js';
import type { FontResult } from '../train/font-result.js';
import type { RunContext } from '../run/context.js';
import type { FontOutcome, FontRun } from '../run/font.js';
import { watchEvents, type Observer } from '../run/observe.js';
import { exportedLine } from './exported.js';
import { writeJsonLine } from './json.js';
import { writeStoppedJson, writeStoppedText } from './stopped.js';
import { backendLine } from './backend-line.js';

export interface EpochLogger {
  onEvent(event: GlyphEvent): void;
}

/** Hands every `every`-th epoch, and the last one, to `write`. */
function epochLogger(every: number, write: (epoch: GlyphEpoch) => void): EpochLogger {
  let lastWritten = -1;
  return {
    onEvent(event) {
      const epoch = event.type === 'done' ? event.last : event;
      if (epoch.epoch === lastWritten || (event.type === 'epoch' && epoch.epoch % every !== 0)) return;
      lastWritten = epoch.epoch;
      write(epoch);
    },
  };
}

export function fontJsonLogger(out: NodeJS.WritableStream, every: number): EpochLogger {
  return epochLogger(every, (e) =>
    writeJsonLine(out, {
      event: 'epoch',
      epoch: e.epoch,
      loss: e.loss,
      maxPixelError: e.maxPixelError,
      meanPixelError: e.meanPixelError,
      elapsedSeconds: e.elapsedMs / 1000,
    }),
  );
}

export function fontPlainLogger(out: NodeJS.WritableStream, every: number): EpochLogger {
  return epochLogger(every, (e) =>
    out.write(
      `epoch ${String(e.epoch).padStart(5)}  loss ${e.loss.toFixed(5)}  ` +
        `wrong pixels max ${e.maxPixelError} mean ${e.meanPixelError.toFixed(2)}\n`,
    ),
  );
}

/** The closing summary: the outcome, every glyph's error, and art for the glyphs that still have errors. */
export function fontPlainSummary(result: FontResult, glyphs: Glyph[], outputs: Float32Array, columns: number): string {
  const lines = [
    '',
    ...fontOutcomeLines(result),
    '',
    'wrong pixels per glyph:',
    ...wrapWords(
      glyphs.map((g) => `${g.char}:${result.perGlyph[g.char]}`),
      columns,
    ),
  ];
  const withErrors = glyphs.map((g, i) => ({ g, i })).filter(({ g }) => result.perGlyph[g.char] > 0);
  if (withErrors.length > 0) {
    lines.push('', `glyphs with errors, original | reconstruction (${GLYPH_LEGEND}):`, '');
    const blocks = withErrors.flatMap(({ g, i }) => {
      const output = outputs.subarray(i * g.pixels.length, (i + 1) * g.pixels.length);
      const original = glyphLines(g.pixels, GLYPH_ROWS, GLYPH_COLS);
      const reconstruction = glyphLines(output, GLYPH_ROWS, GLYPH_COLS, g.pixels);
      return [
        {
          lines: original.map((row, r) => `${row} ${reconstruction[r]}`),
          caption: `${g.char} ${result.perGlyph[g.char]}`,
        },
      ];
    });
    lines.push(...wrapBlocks(blocks, columns, 3));
  }
  return `${lines.join('\n')}\n`;
}

/** The end of a font run as text: the summary, where the model went, the export. */
export function fontOutcomeText(
  { line, outputs, saved, exported }: FontOutcome,
  glyphs: Glyph[],
  columns: number,
): string {
  return (
    fontPlainSummary(line, glyphs, outputs, columns) +
    (saved ? `saved the model to ${saved}\n` : '') +
    (exported ? exportedLine(exported.dir, exported.files) : '')
  );
}

/** Plain lines: the backend, a progress line every `logEvery` epochs, then the summary or the stop. */
export function fontPlainOutput({ stdout: out, columns }: RunContext, logEvery: number): Observer<FontRun> {
  let glyphs: Glyph[] = [];
  return {
    async watch(run) {
      glyphs = run.glyphs;
      out.write(backendLine(run.backend.backend.name, run.backend.reason));
      await watchEvents(run, fontPlainLogger(out, logEvery).onEvent);
    },
    result: (outcome) => out.write(fontOutcomeText(outcome, glyphs, columns)),
    stopped: (stopped) => writeStoppedText(out, stopped),
  };
}

/** JSON lines: an epoch line every `logEvery` epochs, then the result line or the stopped line. */
export function fontJsonOutput({ stdout: out }: RunContext, logEvery: number): Observer<FontRun> {
  return {
    watch: (run) => watchEvents(run, fontJsonLogger(out, logEvery).onEvent),
    result: ({ line }) => writeJsonLine(out, { ...line }),
    stopped: (stopped) => writeStoppedJson(out, stopped),
  };
}
