/** `sia-ae denoise`: the denoising autoencoder on the font glyphs; --sweep runs the noise study. */
import { loadFont } from '../data/font.js';
import { loadAutoencoder } from '../nn/autoencoder-file.js';
import { denoiseJsonOutput, denoisePlainOutput } from '../report/denoise.js';
import { DenoiseRun } from '../run/denoise.js';
import { observe, type Outputs } from '../run/observe.js';
import { startFontTraining } from '../train/font.js';
import { createViewBackend } from '../math/select.js';
import { loadDenoiseScreen } from '../ui/load.js';
import type { RawSettings } from '../config.js';
import { backendFromSettings, sweepBackendFromSettings } from './backend-choice.js';
import { noiseLevels, parseDenoiseConfig, runSettings } from './denoise-config.js';
import { DENOISE_OPTIONS, denoiseTraining, MODEL, NOISE, SWEEP, type DenoiseConfig } from '../options/denoise.js';
import { optionsHelp } from '../options/help.js';
import { EXPORT, trainerHelp } from '../options/shared.js';
import { flagsOf } from '../options/table.js';
import { runDenoiseSweep } from './denoise-sweep.js';
import type { Command, CommandContext } from './command.js';

/** One denoising run from its settings: the glyphs, the backend, the model (new or loaded) and its training. */
export function startDenoiseRun(settings: RawSettings, config: DenoiseConfig): DenoiseRun {
  const [noise] = noiseLevels(config);
  const glyphs = loadFont();
  const backend = backendFromSettings(settings, {
    m: Math.min(config.batch, glyphs.length),
    n: Math.max(...config.layers.slice(1)),
    k: 35,
  });
  const loaded = config.load ? loadAutoencoder(config.load, backend.backend) : undefined;
  const layers = loaded?.shape.layers ?? config.layers;
  const training = { ...denoiseTraining(config, layers, config.seed), noise };
  const { model, events } = startFontTraining(backend.backend, glyphs, training, loaded);
  return new DenoiseRun({
    glyphs,
    model,
    events,
    backend,
    views: createViewBackend(),
    seed: config.seed,
    maxEpochs: config.epochs,
    save: config.save,
    pace: config.pace,
    noise,
    copies: config.copies,
    export:
      config.export === undefined ? undefined : { dir: config.export, settings: { ...runSettings(config), layers } },
  });
}

/** The screen, plain lines or JSON lines for one denoising run. */
function denoiseOutputs({ logEvery }: DenoiseConfig): Outputs<DenoiseRun> {
  return {
    screen: async (context) => (await loadDenoiseScreen()).denoiseScreen(context),
    plain: (context) => denoisePlainOutput(context, logEvery),
    json: (context) => denoiseJsonOutput(context, logEvery),
  };
}

async function runDenoise(settings: RawSettings, context: CommandContext): Promise<number> {
  const config = parseDenoiseConfig(settings);
  if (config.sweep) return runDenoiseSweep(config, sweepBackendFromSettings(settings), context);
  return observe(startDenoiseRun(settings, config), denoiseOutputs(config), context);
}

export const denoiseCommand: Command = {
  name: 'denoise',
  summary: 'denoising autoencoder on the glyphs; --sweep: the noise study',
  flags: flagsOf(DENOISE_OPTIONS),
  help: `
  Usage: sia-ae denoise [options]
         sia-ae denoise --sweep [options]

  Trains an autoencoder to restore the 32 glyphs from noisy copies (fresh noise
  every epoch), then scores it on --copies fresh noisy copies of each glyph
  against the clean glyph: wrong pixels and mean abs error of the noisy input
  beside those of the output. --sweep trains every architecture x noise setting
  on worker threads, plus the plain autoencoder of each architecture (the
  baseline), and scores every model at every noise setting.

  On a terminal one run opens a live dashboard: clean | noisy | denoised per
  glyph with the input's and the output's scores, and the loss chart (keys: q
  quit, p pause, s save, arrows scroll, Tab page, ? help). --sweep prints its
  progress as text on a terminal too; --plain or --json never open it.

  Noise   [default for one run / for --sweep]
${optionsHelp(DENOISE_OPTIONS, NOISE)}

  Model and training
${optionsHelp(DENOISE_OPTIONS, MODEL)}

  Sweep (lists comma-separated; a config file may give JSON arrays)
${optionsHelp(DENOISE_OPTIONS, SWEEP)}

  Export (one run: curve, triplets; --sweep: error charts, tables)
${optionsHelp(DENOISE_OPTIONS, EXPORT)}
${trainerHelp(DENOISE_OPTIONS)}

  Examples
    sia-ae denoise --noise salt-pepper --p 0.1
    sia-ae denoise --sweep
    sia-ae denoise --sweep --seeds 3 --mutation-prob 0.1,0.2,0.3 --json
    sia-ae denoise --export denoise-report     figures, tables, report.md
    sia-ae denoise --sweep --noise gaussian --sigma 0.1,0.3 \\
      --architectures 35-25-12-12
`,
  run: runDenoise,
};
