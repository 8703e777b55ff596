/** `sia-ae font`: the basic autoencoder on the font glyphs. */
import { GLYPH_COLS, GLYPH_PIXELS, GLYPH_ROWS, loadFont, selectGlyphs, type Glyph } from '../data/font.js';
import { glyphLines, wrapBlocks } from '../render/glyph.js';
import { UsageError } from '../errors.js';
import type { Backend } from '../math/backend.js';
import type { Autoencoder, AutoencoderShape } from '../nn/autoencoder.js';
import { fontJsonLogger, fontPlainLogger, fontPlainSummary } from '../report/font.js';
import { writeJsonLine } from '../report/json.js';
import { drive, RunControl } from '../train/drive.js';
import { newAutoencoder, trainFont, type FontDone, type FontEpoch, type FontEvent } from '../train/font.js';
import { interruptions } from '../io/interrupt.js';
import { Rng } from '../nn/random.js';
import { fontResult, type FontResult } from '../train/font-result.js';
import { loadAutoencoder, saveAutoencoder } from '../nn/autoencoder-file.js';
import { autoencoderSize, checkMemory } from '../nn/memory.js';
import type { RawSettings } from '../config.js';
import { writeExport } from '../export/bundle.js';
import { fontExport } from '../export/font.js';
import { fontHistory, type HistoryRow } from '../train/history.js';
import { loadFontScreen } from '../ui/load.js';
import { backendFromSettings } from './backend-choice.js';
import { isFontSweep, runFontSweep } from './font-sweep.js';
import { exportedLine } from './export-option.js';
import type { Command, CommandContext } from './command.js';
import {
  FONT, FONT_COMMAND_OPTIONS, fontShape, fontTraining, parseFontConfig, SWEEP, type FontConfig,
} from '../options/font.js';
import { optionsHelp } from '../options/help.js';
import { EXPORT, trainerHelp } from '../options/shared.js';
import { flagsOf } from '../options/table.js';
import { reportStopped } from './stopped.js';

/** Everything a font run needs, validated and started: the screen and the reporters share it. */
export interface FontRun {
  config: FontConfig;
  glyphs: Glyph[];
  backend: Backend;
  backendReason: string;
  /** The model being trained (the screen decodes with it and saves it mid-run). */
  model: Autoencoder;
  events: Generator<FontEvent>;
}

export function startFontRun(settings: RawSettings): FontRun {
  const config = parseFontConfig(settings);
  let glyphs: Glyph[];
  try {
    glyphs = selectGlyphs(loadFont(), config.subset);
  } catch (error) {
    throw new UsageError(`--subset: ${(error as Error).message}`);
  }
  const batch = Math.min(config.batch, glyphs.length);
  checkMemory(`--layers ${config.layers.join(',')}`, autoencoderSize(config.layers), batch + glyphs.length);
  const widest = Math.max(...config.layers.slice(1));
  const { backend, reason } = backendFromSettings(settings, { m: batch, n: widest, k: 35 });
  const rng = new Rng(config.seed);
  let model: Autoencoder;
  if (config.load) {
    model = loadAutoencoder(config.load, backend);
    if (settings.layers !== undefined && model.shape.layers.join() !== config.layers.join()) {
      throw new UsageError(`--layers ${config.layers.join(',')} differs from the loaded model's ${model.shape.layers.join(',')}`);
    }
    config.layers = model.shape.layers;
  } else {
    model = newAutoencoder(backend, fontShape(config), rng);
  }
  const events = trainFont(backend, glyphs, fontTraining(config, model.shape), model, rng);
  return { config, glyphs, backend, backendReason: reason, model, events };
}

export function finishFontRun(run: FontRun, done: FontDone) {
  if (run.config.save) saveAutoencoder(run.config.save, done.model, run.glyphs);
  return fontResult(done, run.glyphs, { backend: run.backend.name, backendReason: run.backendReason, seed: run.config.seed, target: run.config.target });
}

async function runFont(settings: RawSettings, context: CommandContext): Promise<number> {
  if (isFontSweep(settings)) return runFontSweep(settings, context);
  const run = startFontRun(settings);
  if (context.output === 'screen') return runFontOnScreen(run, context);
  const json = context.output === 'json';
  if (!json) context.stdout.write(`backend ${run.backend.name}: ${run.backendReason}\n`);
  const logger = json ? fontJsonLogger(context.stdout, run.config.logEvery) : fontPlainLogger(context.stdout, run.config.logEvery);
  const history = fontHistory();
  let done: FontDone | undefined;
  let last: FontEpoch | undefined;
  const control = new RunControl();
  const unsubscribe = interruptions.subscribe(() => control.stop());
  try {
    await drive(run.events, (event) => {
      logger.onEvent(event);
      history.onEvent(event);
      if (event.type === 'done') done = event;
      else last = event;
    }, control);
  } finally {
    unsubscribe();
    run.backend.dispose();
  }
  if (!done) return reportFontStop(run, last, context);
  const line = { event: 'result' as const, ...finishFontRun(run, done!) };
  if (json) writeJsonLine(context.stdout, line);
  else context.stdout.write(fontPlainSummary(line, run.glyphs, done!.last.outputs, context.columns));
  if (!json && run.config.save) context.stdout.write(`saved the model to ${run.config.save}\n`);
  exportFontRun(run, done!, line, history.rows, [], context);
  return 0;
}

/** --export: the figures, tables and report of a finished run, with the explorer's kept points. */
function exportFontRun(
  run: FontRun, done: FontDone, line: { event: 'result' } & FontResult, history: HistoryRow[], kept: Array<{ label: string; z: number[] }>, context: CommandContext,
): void {
  if (!run.config.export) return;
  const { export: dir, ...config } = run.config;
  const files = writeExport(dir, fontExport({ config, glyphs: run.glyphs, done, result: line, history, kept }));
  if (context.output !== 'json') context.stdout.write(exportedLine(dir, files));
}

/** The live dashboard; when it closes, the run's summary stays in the terminal. */
async function runFontOnScreen(run: FontRun, context: CommandContext): Promise<number> {
  const { showFontDashboard } = await loadFontScreen();
  const history = fontHistory();
  let outcome;
  try {
    outcome = await showFontDashboard(run, context, history.onEvent);
  } finally {
    run.backend.dispose();
  }
  const { done, last, kept } = outcome;
  const out = context.stdout;
  out.write(`backend ${run.backend.name}: ${run.backendReason}\n`);
  if (done) {
    const line = { event: 'result' as const, ...fontResult(done, run.glyphs, { backend: run.backend.name, backendReason: run.backendReason, seed: run.config.seed, target: run.config.target }) };
    out.write(fontPlainSummary(line, run.glyphs, done.last.outputs, context.columns));
    if (run.config.save) out.write(`saved the model to ${run.config.save}\n`);
    exportFontRun(run, done, line, history.rows, kept.map((z, i) => ({ label: `kept ${i + 1}`, z })), context);
  }
  const status = done ? 0 : reportFontStop(run, last, context);
  if (kept.length > 0) out.write(keptGlyphsText(run.model, kept, context.columns));
  return status;
}

/** A run stopped before its end (q, Ctrl-C, a signal, a lost terminal): the model is saved when --save asks. */
function reportFontStop(run: FontRun, last: FontEpoch | undefined, context: CommandContext): number {
  if (run.config.save) saveAutoencoder(run.config.save, run.model, run.glyphs);
  return reportStopped(context, {
    epoch: last?.epoch ?? 0,
    saved: run.config.save,
    detail: last && `loss ${last.loss.toFixed(5)}, wrong pixels max ${last.maxPixelError} mean ${last.meanPixelError.toFixed(2)}`,
  });
}

/** The glyphs kept in the explorer, as ASCII art captioned with their latent points. */
function keptGlyphsText(model: Autoencoder, kept: number[][], columns: number): string {
  const pixels = model.decode(Float32Array.from(kept.flat()), kept.length);
  const blocks = kept.map((z, i) => ({
    lines: glyphLines(pixels.subarray(i * GLYPH_PIXELS, (i + 1) * GLYPH_PIXELS), GLYPH_ROWS, GLYPH_COLS),
    caption: z.map((v) => v.toFixed(2)).join(','),
  }));
  return `\nglyphs you kept (sia-ae generate --model FILE --z X,Y draws them again):\n\n${wrapBlocks(blocks, columns, 3).join('\n')}\n`;
}

export const fontCommand: Command = {
  name: 'font',
  summary: 'autoencoder on the 32 font glyphs, 2-D latent space (default)',
  flags: flagsOf(FONT_COMMAND_OPTIONS),
  help: `
  Usage: sia-ae font [options]

  Trains an autoencoder on the 32 glyphs of the 7x5 font until every glyph has
  at most --target wrong pixels. On a terminal a live dashboard shows it
  learning: the loss, every glyph beside its reconstruction, the latent codes.
  Keys: q quit, p pause, s save, e explore the latent space (arrows move, Enter
  keeps a glyph), ? help. With --plain or --json, or when stdout is not a
  terminal, it prints text instead.

  Options
${optionsHelp(FONT_COMMAND_OPTIONS, FONT)}

  Export
${optionsHelp(FONT_COMMAND_OPTIONS, EXPORT)}

  Sweep (lists are comma-separated; --lr takes a list too)
${optionsHelp(FONT_COMMAND_OPTIONS, SWEEP)}
${trainerHelp(FONT_COMMAND_OPTIONS)}

  Examples
    sia-ae font --save font-model.json
    sia-ae font --layers 35,60,40,20,2 --lr 0.01 --json
    sia-ae font --subset aben --target 0
    sia-ae font --sweep --latent 1,2,3,4 --subsets full,aben --seeds 5
    sia-ae font --export font-report      figures, tables and report.md
    sia-ae font --target 0 --epochs 20000 --lr 0.002    a longer run to watch
`,
  run: runFont,
};
