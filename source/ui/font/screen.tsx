/**
 * `sia-ae font` on a terminal: the dashboard beside training (ui/run-screen.tsx). The screen stays until q, or
 * closes when training ends with --exit-on-done; then the run's summary stays in the terminal.
 */
import { GLYPH_COLS, GLYPH_PIXELS, GLYPH_ROWS } from '../../data/font.js';
import type { Autoencoder } from '../../nn/autoencoder.js';
import { glyphLines, wrapBlocks } from '../../render/glyph.js';
import { fontOutcomeText } from '../../report/font.js';
import { writeStoppedText } from '../../report/stopped.js';
import type { RunContext } from '../../run/context.js';
import type { FontRun } from '../../run/font.js';
import type { Observer } from '../../run/observe.js';
import { watchOnScreen } from '../run-screen.js';
import { FontDashboard } from './dashboard.js';
import { GlyphFeed } from '../glyph-feed.js';
import { fontRunInfo } from './info.js';
import { terminalCapabilities } from '../capabilities.js';
import { backendLine } from '../../report/backend-line.js';

/** Where `s` saves when --save was not given. */
export const DEFAULT_MODEL_FILE = 'font-model.json';

export interface FontScreenOptions {
  /** Close the screen as soon as training ends, instead of staying until q. */
  exitOnDone: boolean;
  /** The keyboard (process.stdin by default; the benchmark passes a silent one). */
  stdin?: NodeJS.ReadStream;
}

export function fontScreen(context: RunContext, options: FontScreenOptions): Observer<FontRun> {
  const out = context.stdout;
  let run: FontRun;
  /** What stays in the terminal after the screen: the backend, then the outcome, then the kept glyphs. */
  const leave = (text: () => void) => {
    out.write(backendLine(run.backend.backend.name, run.backend.reason));
    text();
    if (run.kept.length > 0) out.write(keptGlyphsText(run.model, run.kept, context.columns));
  };
  return {
    async watch(started) {
      run = started;
      await showFontDashboard(run, out as NodeJS.WriteStream, options);
    },
    result: (outcome) => leave(() => out.write(fontOutcomeText(outcome, run.glyphs, context.columns))),
    stopped: (stopped) => leave(() => writeStoppedText(out, stopped)),
  };
}

/** Trains `run` beside its dashboard until the user quits (or training ends, with exitOnDone). */
export async function showFontDashboard(
  run: FontRun,
  stdout: NodeJS.WriteStream,
  { exitOnDone, stdin }: FontScreenOptions,
): Promise<void> {
  const feed = new GlyphFeed();
  const file = run.plan.save ?? DEFAULT_MODEL_FILE;
  const dashboard = (
    <FontDashboard
      info={fontRunInfo(run)}
      feed={feed}
      control={run.control}
      save={() => run.saveTo(file)}
      color={terminalCapabilities(process.env, stdout).color}
      onQuit={(state) => (run.kept = state.kept)}
    />
  );
  await watchOnScreen(run, stdout, dashboard, feed, {
    onFinished: () => (run.plan.save ? `the model goes to ${run.plan.save} when you quit` : undefined),
    exitOnDone,
    stdin,
  });
}

/** The glyphs kept in the explorer, as ASCII art captioned with their latent points. */
function keptGlyphsText(model: Autoencoder, kept: number[][], columns: number): string {
  const pixels = model.decode(Float32Array.from(kept.flat()), kept.length);
  const blocks = kept.map((z, i) => ({
    lines: glyphLines(pixels.subarray(i * GLYPH_PIXELS, (i + 1) * GLYPH_PIXELS), GLYPH_ROWS, GLYPH_COLS),
    caption: z.map((v) => v.toFixed(2)).join(','),
  }));
  const heading = '\nglyphs you kept (sia-ae generate --model FILE --z X,Y draws them again):\n\n';
  return `${heading}${wrapBlocks(blocks, columns, 3).join('\n')}\n`;
}
