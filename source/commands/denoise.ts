/** `sia-ae denoise`: the denoising autoencoder on the font glyphs; --sweep runs the noise study. */
import { loadFont } from '../data/font.js';
import { describeNoise, noiseFields } from '../data/noise.js';
import { loadAutoencoder, saveAutoencoder } from '../nn/autoencoder-file.js';
import { denoiseTable, tripletPanel, TRIPLET_LEGEND } from '../render/denoise.js';
import { fontJsonLogger, fontPlainLogger } from '../report/font.js';
import { writeJsonLine } from '../report/json.js';
import { meanStd } from '../sweep/stats.js';
import { scoringRng } from '../train/denoise-job.js';
import { firstCopies, noisyCopies, scoreDenoising } from '../train/denoise-score.js';
import { drive, RunControl } from '../train/drive.js';
import { Rng } from '../nn/random.js';
import { loadDenoiseScreen } from '../ui/load.js';
import { TripletScorer } from '../ui/denoise/scorer.js';
import { fontHistory } from '../train/history.js';
import { writeExport } from '../export/bundle.js';
import { denoiseRunExport, type DenoiseRunResult } from '../export/denoise.js';
import { newAutoencoder, trainFont, type FontDone, type FontEvent } from '../train/font.js';
import type { RawSettings } from '../config.js';
import { backendFromSettings } from './backend-choice.js';
import { noiseLevels, parseDenoiseConfig, runSettings } from './denoise-config.js';
import { DENOISE_OPTIONS, denoiseTraining, MODEL, NOISE, SWEEP } from '../options/denoise.js';
import { optionsHelp } from '../options/help.js';
import { EXPORT, trainerHelp } from '../options/shared.js';
import { flagsOf } from '../options/table.js';
import { runDenoiseSweep } from './denoise-sweep.js';
import { reportStopped } from './stopped.js';
import { interruptions } from '../io/interrupt.js';
import type { Command, CommandContext } from './command.js';
import { exportedLine } from './export-option.js';

/** Where `s` saves on the screen when --save was not given. */
const DEFAULT_DENOISE_FILE = 'denoise-model.json';

async function runDenoise(settings: RawSettings, context: CommandContext): Promise<number> {
  const config = parseDenoiseConfig(settings);
  if (config.sweep) return runDenoiseSweep(config, context);
  const [noise] = noiseLevels(config);
  const glyphs = loadFont();
  const { backend, reason } = backendFromSettings(settings, { m: Math.min(config.batch, glyphs.length), n: Math.max(...config.layers.slice(1)), k: 35 });
  const json = context.output === 'json';
  const out = context.stdout;
  try {
    const model = config.load ? loadAutoencoder(config.load, backend) : undefined;
    const layers = model?.shape.layers ?? config.layers;
    const training = { ...denoiseTraining(config, layers, config.seed), noise };
    if (context.output === 'plain') out.write(`backend ${backend.name}: ${reason}\ntraining a denoising autoencoder ${layers.join('-')} on ${describeNoise(noise)}\n`);
    const logger = json ? fontJsonLogger(out, config.logEvery) : fontPlainLogger(out, config.logEvery);
    const history = fontHistory();
    let done: FontDone | undefined;
    const onEvent = (event: FontEvent) => {
      history.onEvent(event);
      if (event.type === 'done') done = event;
    };
    // The model exists before training starts (the screen scores and saves it while it trains); made from the
    // same generator that trainFont would use, so the numbers are the same.
    const rng = new Rng(training.seed);
    const trainee = model ?? newAutoencoder(backend, training.shape, rng);
    const events = trainFont(backend, glyphs, training, trainee, rng);
    if (context.output === 'screen') {
      const { showDenoiseDashboard } = await loadDenoiseScreen();
      const file = config.save ?? DEFAULT_DENOISE_FILE;
      const save = () => {
        saveAutoencoder(file, trainee, glyphs);
        return file;
      };
      const info = { glyphs, architecture: layers.join('-'), noise: describeNoise(noise), backend: backend.name, maxEpochs: config.epochs, scorer: new TripletScorer(trainee, glyphs, noise, config.copies, config.seed) };
      await showDenoiseDashboard(info, {
        events, onEvent, control: new RunControl(), save,
        onFinished: () => 'training done: q quits and leaves the score on the terminal',
      }, out as NodeJS.WriteStream);
      out.write(`backend ${backend.name}: ${reason}\n`);
    } else {
      const control = new RunControl();
      const unsubscribe = interruptions.subscribe(() => control.stop());
      await drive(events, (event) => {
        logger.onEvent(event);
        onEvent(event);
      }, control).finally(unsubscribe);
    }
    if (!done) {
      if (config.save) saveAutoencoder(config.save, trainee, glyphs);
      return reportStopped(context, { epoch: history.rows.at(-1)?.epoch ?? 0, saved: config.save });
    }
    const { last, model: trained } = done!;
    if (config.save) saveAutoencoder(config.save, trained, glyphs);
    const { clean, noisy } = noisyCopies(glyphs, noise, config.copies, scoringRng(config.seed, noise));
    const { score, output } = scoreDenoising(backend, trained, clean, noisy);
    const samples = firstCopies(clean, noisy, output, config.copies, 35);
    const architecture = layers.join('-');
    const line: DenoiseRunResult = {
      event: 'result', experiment: 'denoise', epochs: last.epoch, trainSeconds: last.elapsedMs / 1000, copies: config.copies,
      backend: backend.name, seed: config.seed, rows: [{ model: 'denoising', architecture, ...noiseFields(noise), seeds: 1, ...score }],
    };
    if (json) writeJsonLine(out, line);
    else {
      const stat = (value: number) => meanStd([value]);
      out.write(`\ntrained for ${last.epoch} epochs in ${(last.elapsedMs / 1000).toFixed(2)} s\n`);
      out.write(`scored on ${config.copies} fresh noisy copies of each glyph, against the clean glyph\n(means per glyph):\n`);
      out.write(denoiseTable([{
        architecture, noise, inputWrongPixels: stat(score.inputWrongPixels), wrongPixels: stat(score.wrongPixels),
        inputMeanAbsError: stat(score.inputMeanAbsError), meanAbsError: stat(score.meanAbsError),
      }]));
      out.write(`\nthe first copy of each glyph:\n${TRIPLET_LEGEND}\n`);
      out.write(`in/out: wrong pixels and mean abs error of the noisy input and of the output\n\n`);
      out.write(`${tripletPanel(glyphs, samples, context.columns).join('\n')}\n`);
    }
    if (!json && config.save) out.write(`saved the model to ${config.save}\n`);
    if (config.export) {
      const bundle = denoiseRunExport({ config: { ...runSettings(config), layers }, glyphs, noise, samples, history: history.rows, result: line });
      const files = writeExport(config.export, bundle);
      if (!json) out.write(exportedLine(config.export, files));
    }
    return 0;
  } finally {
    backend.dispose();
  }
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
