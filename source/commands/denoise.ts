/** `sia-ae denoise`: the denoising autoencoder on the font glyphs; --sweep runs the noise study. */
import { loadFont } from '../data/font.js';
import type { NoiseSpec } from '../data/noise.js';
import { UsageError } from '../errors.js';
import { loadAutoencoder } from '../nn/autoencoder-file.js';
import { denoiseJsonOutput, denoisePlainOutput } from '../report/denoise.js';
import { DenoiseRun } from '../run/denoise.js';
import { observe, type Outputs } from '../run/observe.js';
import type { FontTrainingOptions } from '../train/font.js';
import { type BackendSelection, createViewBackend, type DeviceSelection } from '../math/select.js';
import { loadDenoiseScreen } from '../ui/load.js';
import type { RawSettings } from '../config.js';
import { backendChoice, backendFromSettings, type SweepBackend, sweepBackendFromSettings } from './backend-choice.js';
import { fontWorkload, glyphRunSelection, startOn, startGlyphTraining } from './font-backend.js';
import { noiseLevels, parseDenoiseConfig, runSettings } from './denoise-config.js';
import { DENOISE_OPTIONS, denoiseTraining, MODEL, NOISE, SWEEP, type DenoiseConfig } from '../options/denoise.js';
import { optionsHelp } from '../options/help.js';
import { EXPORT, trainerHelp } from '../options/shared.js';
import { flagsOf } from '../options/table.js';
import { runDenoiseSweep } from './denoise-sweep.js';
import type { Command, CommandContext } from './command.js';

/** One run's training settings: the model's, with the first noise setting. */
function runTraining(config: DenoiseConfig, layers = config.layers): FontTrainingOptions & { noise: NoiseSpec } {
  return { ...denoiseTraining(config, layers, config.seed), noise: noiseLevels(config)[0] };
}

/**
 * One denoising run from its settings: the glyphs, the backend, the model (new or loaded) and its training; on the
 * device trainer when `selection` is a device (--backend webgpu or gpu, or auto's choice).
 */
export function startDenoiseRun(
  settings: RawSettings,
  config: DenoiseConfig,
  selection?: DeviceSelection | BackendSelection,
): DenoiseRun {
  const glyphs = loadFont();
  const backend = selection ?? backendFromSettings(settings, fontWorkload(config, glyphs));
  const loaded = config.load ? loadAutoencoder(config.load, backend.backend) : undefined;
  const layers = loaded?.shape.layers ?? config.layers;
  const training = runTraining(config, layers);
  const { noise } = training;
  const { model, events } = startGlyphTraining(backend, glyphs, { training, logEvery: config.logEvery }, loaded);
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

/** The sweep's backend: its worker threads train on the CPU backends, so the device is a usage error there. */
function denoiseSweepBackend(settings: RawSettings): SweepBackend {
  if (backendChoice(settings) === 'webgpu') {
    throw new UsageError('--backend webgpu trains one denoise run; denoise --sweep trains on CPU worker threads');
  }
  return sweepBackendFromSettings(settings);
}

async function runDenoise(settings: RawSettings, context: CommandContext): Promise<number> {
  const config = parseDenoiseConfig(settings);
  if (config.sweep) return runDenoiseSweep(config, denoiseSweepBackend(settings), context);
  const selection = await glyphRunSelection(settings, {
    glyphs: loadFont,
    training: runTraining(config),
    logEvery: config.logEvery,
    load: config.load,
  });
  const run = startOn(selection, () => startDenoiseRun(settings, config, selection));
  return observe(run, denoiseOutputs(config), context);
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
