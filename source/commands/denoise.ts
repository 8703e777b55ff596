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
import {
  DENOISE_DEFAULTS as D, DENOISE_FLAGS, SINGLE_NOISE, SWEEP_NOISE, denoiseTraining, noiseLevels, parseDenoiseConfig, runSettings,
  type DenoiseConfig,
} from './denoise-config.js';
import { runDenoiseSweep } from './denoise-sweep.js';
import { TRAINER_HELP, type Command, type CommandContext } from './command.js';
import { EXPORT_HELP } from './export-option.js';

/** One denoising run from its settings: the glyphs, the backend, the model (new or loaded) and its training. */
export function startDenoiseRun(settings: RawSettings, config: DenoiseConfig): DenoiseRun {
  const [noise] = noiseLevels(config);
  const glyphs = loadFont();
  const backend = backendFromSettings(settings, { m: Math.min(config.batch, glyphs.length), n: Math.max(...config.layers.slice(1)), k: 35 });
  const loaded = config.load ? loadAutoencoder(config.load, backend.backend) : undefined;
  const layers = loaded?.shape.layers ?? config.layers;
  const training = { ...denoiseTraining(config, layers, config.seed), noise };
  const { model, events } = startFontTraining(backend.backend, glyphs, training, loaded);
  return new DenoiseRun({
    glyphs, model, events, backend, views: createViewBackend(), seed: config.seed,
    maxEpochs: config.epochs, save: config.save, noise, copies: config.copies,
    export: config.export === undefined ? undefined : { dir: config.export, settings: { ...runSettings(config), layers } },
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

const list = (values: number[]) => values.join(',');

export const denoiseCommand: Command = {
  name: 'denoise',
  summary: 'denoising autoencoder on the glyphs; --sweep: the noise study',
  flags: DENOISE_FLAGS,
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

  Noise                   [default for one run / for --sweep]
    --noise NAME          mutation | salt-pepper | gaussian   [${D.noise}]
    --mutation-prob X     chance that a pixel moves toward its opposite
                          [${list(SINGLE_NOISE.mutationProb)} / ${list(SWEEP_NOISE.mutationProb)}]
    --max-noise X         it moves by a uniform amount in [0, X]
                          [${list(SINGLE_NOISE.maxNoise)} / ${list(SWEEP_NOISE.maxNoise)}]
    --p X                 salt-pepper: chance that a pixel flips
                          [${list(SINGLE_NOISE.p)} / ${list(SWEEP_NOISE.p)}]
    --sigma X             gaussian: adds N(0, X), clipped to [0, 1]
                          [${list(SINGLE_NOISE.sigma)} / ${list(SWEEP_NOISE.sigma)}]
    --copies N            noisy copies per glyph when scoring   [${D.copies}]

  Model and training
    --layers LIST         encoder widths, 35 down to the latent size (one run)
                          [${list(D.layers)}]
    --activation NAME     hidden activation   [${D.activation}]
    --latent-activation NAME                  [${D.latentActivation}]
    --loss NAME           bce | mse   [${D.loss}]
    --batch N             glyphs per step (32 = full batch)   [${D.batch}]
    --log-every N         a progress line every N epochs (one run)   [${D.logEvery}]
    defaults: --optimizer ${D.optimizer} --lr ${D.lr} --epochs ${D.epochs} --seed ${D.seed}

  Sweep (lists comma-separated; a config file may give JSON arrays)
    --sweep               run the grid, plus the baselines
    --architectures LIST  [${D.architectures.map((a) => a.join('-')).join(',')}]
    --seeds N             seeds --seed .. --seed+N-1 per grid point;
                          the tables show mean ± std   [${D.seeds}]
    --workers N           worker threads   [the cores available]

  Export (one run: curve, triplets; --sweep: error charts, tables)
${EXPORT_HELP}
${TRAINER_HELP}

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
