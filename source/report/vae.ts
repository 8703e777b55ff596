/** Plain-text and JSON-lines reporters for the VAE: progress with samples/s and time left, results, comparison. */
import type { DatasetInfo } from '../data/mnist.js';
import { renderTable } from '../render/table.js';
import { generatedLines, latentScatterLines, reconstructionLines } from '../render/vae.js';
import { listenForKeys } from '../io/stop-keys.js';
import type { RunContext } from '../run/context.js';
import { watchEvents, type Observer } from '../run/observe.js';
import type { VaeOutcome, VaeRun, VaeRunEvent, VaeStopped } from '../run/vae.js';
import type { PicturedEpoch } from '../train/vae.js';
import type { VaeResult } from '../train/vae-result.js';
import { exportedLine } from './exported.js';
import { writeJsonLine } from './json.js';
import { fixed, formatDuration } from '../render/format.js';
import { backendLine } from './backend-line.js';

export interface VaeLogger {
  onEvent(e: VaeRunEvent): void;
}

/** A time in seconds to the second: time left, training time. */
const estimate = (seconds: number) => formatDuration(seconds * 1000, { tenths: false });

export function vaeJsonLogger(out: NodeJS.WritableStream): VaeLogger {
  return {
    onEvent({ optimizer, event: e }) {
      if (e.type !== 'epoch') return;
      writeJsonLine(out, {
        event: 'epoch',
        optimizer,
        epoch: e.epoch,
        trainLoss: e.trainLoss,
        trainKl: e.trainKl,
        validationLoss: e.validationLoss,
        samplesPerSecond: e.samplesPerSecond,
        trainSeconds: e.trainSeconds,
        secondsLeft: e.secondsLeft,
      });
    },
  };
}

/** An epoch line per epoch, and a progress line within an epoch every `everyMs` of wall time. */
export function vaePlainLogger(out: NodeJS.WritableStream, epochs: number, everyMs = 5000): VaeLogger {
  let lastLine = performance.now();
  return {
    onEvent({ optimizer, event: e }) {
      const now = performance.now();
      if (e.type === 'batch' && now - lastLine >= everyMs) {
        out.write(
          `${optimizer.padEnd(8)} epoch ${e.epoch}/${epochs}  batch ${e.batch}/${e.batches}` +
            `  loss ${fixed(e.trainLoss)}  ${Math.round(e.samplesPerSecond)} samples/s` +
            `  ${estimate(e.secondsLeft)} left\n`,
        );
        lastLine = now;
      } else if (e.type === 'epoch') {
        const validation = e.validationLoss === undefined ? '' : `  validation ${fixed(e.validationLoss)}`;
        out.write(
          `${optimizer.padEnd(8)} epoch ${e.epoch}/${epochs}  train ${fixed(e.trainLoss)}${validation}` +
            `  ${Math.round(e.samplesPerSecond)} samples/s  ${estimate(e.secondsLeft)} left\n`,
        );
        lastLine = now;
      }
    },
  };
}

/** Final train / validation / test loss, epochs and time per optimizer, side by side. */
export function comparisonTable(results: VaeResult[]): string {
  return renderTable(
    ['optimizer', 'train', 'validation', 'test', 'epochs', 'time', 'samples/s'],
    results.map((r) => [
      r.optimizer,
      fixed(r.trainLoss),
      fixed(r.validationLoss),
      fixed(r.testLoss),
      String(r.epochs),
      estimate(r.trainSeconds),
      String(Math.round(r.samplesPerSecond)),
    ]),
  );
}

/** The closing summary: results, then the last epoch's pictures (reconstructions, generated digits, latent scatter). */
export function vaePlainSummary(
  results: VaeResult[],
  last: PicturedEpoch,
  dataset: DatasetInfo,
  { columns, color }: { columns: number; color: boolean },
): string {
  const [first] = results;
  const lines = [
    '',
    `${first.architecture} on ${dataset.name}, ${first.epochs} epochs, backend ${first.backend}, seed ${first.seed}`,
    'loss per image in nats (BCE summed over the pixels + KL)',
    '',
    comparisonTable(results).trimEnd(),
    '',
    `pictures from the ${results.length > 1 ? `${first.optimizer} ` : ''}model:`,
    '',
    ...reconstructionLines(last.view, columns, 2),
    '',
    'generated:',
    ...generatedLines(last.view, columns),
    '',
    ...latentScatterLines(last.view, dataset.classNames, { width: Math.min(columns, 80) - 1, height: 20, color }),
  ];
  return `${lines.join('\n')}\n`;
}

/** The end of a VAE run as text: the comparison and the pictures, the checkpoints, the export. */
export function vaeOutcomeText(
  run: VaeRun,
  { results, last, saved, exported }: VaeOutcome,
  { columns, color }: { columns: number; color: boolean },
): string {
  return (
    vaePlainSummary(results, last, run.plan.dataset, { columns, color }) +
    (saved.length > 0 ? `saved ${saved.join(', ')}\n` : '') +
    (exported ? exportedLine(exported.dir, exported.files) : '')
  );
}

/** Where the checkpoints went, and the command that continues. */
export const vaeStoppedLine = ({ saved, resume }: VaeStopped) =>
  `stopped; saved ${saved.join(', ')}: continue with ${resume}\n`;

/**
 * Progress lines, or JSON epoch lines (then `say` is stderr, so that stdout holds JSON only); on a terminal s
 * saves a checkpoint and Ctrl-C or q stops (io/stop-keys.ts).
 */
function watchVae(run: VaeRun, logger: VaeLogger, say: NodeJS.WritableStream): Promise<void> {
  // The keys' Ctrl-C and q are interruptions: watchEvents stops the run on those as on a signal.
  const restore = listenForKeys(process.stdin, () =>
    run.saveCheckpoints().then(
      (files) => say.write(`saved a checkpoint to ${files.join(', ')}\n`),
      (error: Error) => say.write(`could not save: ${error.message}\n`),
    ),
  );
  return watchEvents(run, logger.onEvent).finally(restore);
}

export function vaePlainOutput({ stdout: out, columns }: RunContext): Observer<VaeRun> {
  let run: VaeRun;
  return {
    watch(started) {
      run = started;
      out.write(
        backendLine(run.backend.backend.name, run.backend.reason) +
          `${run.trainings[0].model.architecture} on ${run.plan.data.dataset}; ` +
          'press s to save a checkpoint, Ctrl-C to stop and save\n',
      );
      return watchVae(run, vaePlainLogger(out, run.plan.epochs), out);
    },
    result: (outcome) => out.write(vaeOutcomeText(run, outcome, { columns, color: false })),
    stopped: (stopped) => out.write(vaeStoppedLine(stopped)),
  };
}

export function vaeJsonOutput({ stdout: out, stderr }: RunContext): Observer<VaeRun> {
  return {
    watch: (run) => watchVae(run, vaeJsonLogger(out), stderr),
    result: ({ line }) => writeJsonLine(out, line),
    stopped(stopped) {
      writeJsonLine(out, { event: 'stopped', reason: stopped.reason, checkpoints: stopped.saved });
      stderr.write(vaeStoppedLine(stopped));
    },
  };
}
