/** `sia-ae font`: the basic autoencoder on the font glyphs. */
import { loadFont, selectGlyphs, type Glyph } from '../data/font.js';
import { UsageError } from '../errors.js';
import { type BackendSelection, createViewBackend, type DeviceSelection } from '../math/select.js';
import { fontJsonOutput, fontPlainOutput } from '../report/font.js';
import { FontRun } from '../run/font.js';
import { observe, type Outputs } from '../run/observe.js';
import { loadAutoencoder } from '../nn/autoencoder-file.js';
import { autoencoderSize, checkMemory } from '../nn/memory.js';
import type { RawSettings } from '../config.js';
import { loadFontScreen } from '../ui/load.js';
import { backendFromSettings } from './backend-choice.js';
import { fontSelection, fontWorkload, startOn, startGlyphTraining } from './font-backend.js';
import { isFontSweep, runFontSweep } from './font-sweep.js';
import type { Command, CommandContext } from './command.js';
import { FONT, FONT_COMMAND_OPTIONS, fontTraining, parseFontConfig, SWEEP, type FontConfig } from '../options/font.js';
import { optionsHelp } from '../options/help.js';
import { EXPORT, trainerHelp } from '../options/shared.js';
import { flagsOf } from '../options/table.js';

/**
 * A font run from its settings: the glyphs, the backend, the model (new or loaded) and its training; on the
 * device trainer when `device` is given (--backend webgpu).
 */
export function startFontRun(
  settings: RawSettings,
  config = parseFontConfig(settings),
  selection?: DeviceSelection | BackendSelection,
): FontRun {
  let glyphs: Glyph[];
  try {
    glyphs = selectGlyphs(loadFont(), config.subset);
  } catch (error) {
    throw new UsageError(`--subset: ${(error as Error).message}`);
  }
  const workload = fontWorkload(config, glyphs);
  checkMemory(`--layers ${config.layers.join(',')}`, autoencoderSize(config.layers), workload.m + glyphs.length);
  const backend = selection ?? backendFromSettings(settings, workload);
  const loaded = config.load ? loadAutoencoder(config.load, backend.backend) : undefined;
  if (loaded) {
    if (settings.layers !== undefined && loaded.shape.layers.join() !== config.layers.join()) {
      throw new UsageError(
        `--layers ${config.layers.join(',')} differs from the loaded model's ${loaded.shape.layers.join(',')}`,
      );
    }
    config.layers = loaded.shape.layers;
  }
  const training = fontTraining(config, loaded?.shape);
  const { model, events } = startGlyphTraining(backend, glyphs, { training, logEvery: config.logEvery }, loaded);
  const { export: dir, ...recorded } = config;
  return new FontRun({
    glyphs,
    model,
    events,
    backend,
    views: createViewBackend(),
    seed: config.seed,
    target: config.target,
    maxEpochs: config.epochs,
    save: config.save,
    pace: config.pace,
    export: dir === undefined ? undefined : { dir, settings: recorded },
  });
}

/** The screen, plain lines or JSON lines for a font run. */
export function fontOutputs(config: Pick<FontConfig, 'logEvery' | 'exitOnDone'>): Outputs<FontRun> {
  return {
    screen: async (context) => (await loadFontScreen()).fontScreen(context, { exitOnDone: config.exitOnDone }),
    plain: (context) => fontPlainOutput(context, config.logEvery),
    json: (context) => fontJsonOutput(context, config.logEvery),
  };
}

async function runFont(settings: RawSettings, context: CommandContext): Promise<number> {
  if (isFontSweep(settings)) return runFontSweep(settings, context);
  const config = parseFontConfig(settings);
  const selection = await fontSelection(settings, config);
  const run = startOn(selection, () => startFontRun(settings, config, selection));
  return observe(run, fontOutputs(config), context);
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
