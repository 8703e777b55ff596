/** Plain-text and JSON-lines outputs for one denoising run: progress lines, then its score or its stop. */
import { describeNoise } from '../data/noise.js';
import { denoiseTable, tripletPanel, TRIPLET_LEGEND } from '../render/denoise.js';
import type { RunContext } from '../run/context.js';
import type { DenoiseOutcome, DenoiseRun } from '../run/denoise.js';
import { watchEvents, type Observer } from '../run/observe.js';
import { meanStd } from '../sweep/stats.js';
import { exportedLine } from './exported.js';
import { fontJsonLogger, fontPlainLogger } from './font.js';
import { writeJsonLine } from './json.js';
import { writeStoppedJson, writeStoppedText } from './stopped.js';
import { backendLine } from './backend-line.js';

/** The end of a denoising run as text: its score table, the first noisy copy of each glyph, the files written. */
export function denoiseOutcomeText(
  run: DenoiseRun,
  { line, score, samples, saved, exported }: DenoiseOutcome,
  columns: number,
): string {
  const { epochs, trainSeconds, copies } = line;
  const stat = (value: number) => meanStd([value]);
  return (
    `\ntrained for ${epochs} epochs in ${trainSeconds.toFixed(2)} s\n` +
    `scored on ${copies} fresh noisy copies of each glyph, against the clean glyph\n(means per glyph):\n` +
    denoiseTable([
      {
        architecture: run.architecture,
        noise: run.plan.noise,
        inputWrongPixels: stat(score.inputWrongPixels),
        wrongPixels: stat(score.wrongPixels),
        inputMeanAbsError: stat(score.inputMeanAbsError),
        meanAbsError: stat(score.meanAbsError),
      },
    ]) +
    `\nthe first copy of each glyph:\n${TRIPLET_LEGEND}\n` +
    'in/out: wrong pixels and mean abs error of the noisy input and of the output\n\n' +
    `${tripletPanel(run.glyphs, samples, columns).join('\n')}\n` +
    (saved ? `saved the model to ${saved}\n` : '') +
    (exported ? exportedLine(exported.dir, exported.files) : '')
  );
}

/** Plain lines: the backend and the noise, a progress line every `logEvery` epochs, then the score or the stop. */
export function denoisePlainOutput({ stdout: out, columns }: RunContext, logEvery: number): Observer<DenoiseRun> {
  let run: DenoiseRun;
  return {
    async watch(started) {
      run = started;
      out.write(backendLine(run.backend.backend.name, run.backend.reason));
      out.write(`training a denoising autoencoder ${run.architecture} on ${describeNoise(run.plan.noise)}\n`);
      await watchEvents(run, fontPlainLogger(out, logEvery).onEvent);
    },
    result: (outcome) => out.write(denoiseOutcomeText(run, outcome, columns)),
    stopped: (stopped) => writeStoppedText(out, stopped),
  };
}

/** JSON lines: an epoch line every `logEvery` epochs, then the result line or the stopped line. */
export function denoiseJsonOutput({ stdout: out }: RunContext, logEvery: number): Observer<DenoiseRun> {
  return {
    watch: (run) => watchEvents(run, fontJsonLogger(out, logEvery).onEvent),
    result: ({ line }) => writeJsonLine(out, line),
    stopped: (stopped) => writeStoppedJson(out, stopped),
  };
}
