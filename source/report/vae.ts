/** Plain-text and JSON-lines reporters for the VAE: progress with samples/s and time left, results, comparison. */
import type { Dataset } from '../data/mnist.js';
import { renderTable } from '../render/table.js';
import { generatedLines, latentScatterLines, reconstructionLines } from '../render/vae.js';
import type { PicturedEpoch, RunEvent } from '../train/vae.js';
import type { VaeResult } from '../train/vae-result.js';
import { writeJsonLine } from './json.js';

export interface VaeLogger {
  onEvent(e: RunEvent): void;
}

/** "1h02m", "4m05s", "12s" */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** A loss to `digits` decimals; '-' where there is none (no validation set). */
export const fixed = (x: number | undefined, digits = 3) => (x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(digits));

export function vaeJsonLogger(out: NodeJS.WritableStream): VaeLogger {
  return {
    onEvent({ optimizer, event: e }) {
      if (e.type !== 'epoch') return;
      writeJsonLine(out, {
        event: 'epoch', optimizer, epoch: e.epoch, trainLoss: e.trainLoss, trainKl: e.trainKl, validationLoss: e.validationLoss,
        samplesPerSecond: e.samplesPerSecond, trainSeconds: e.trainSeconds, secondsLeft: e.secondsLeft,
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
        out.write(`${optimizer.padEnd(8)} epoch ${e.epoch}/${epochs}  batch ${e.batch}/${e.batches}  loss ${fixed(e.trainLoss)}  ${Math.round(e.samplesPerSecond)} samples/s  ${duration(e.secondsLeft)} left\n`);
        lastLine = now;
      } else if (e.type === 'epoch') {
        const validation = e.validationLoss === undefined ? '' : `  validation ${fixed(e.validationLoss)}`;
        out.write(`${optimizer.padEnd(8)} epoch ${e.epoch}/${epochs}  train ${fixed(e.trainLoss)}${validation}  ${Math.round(e.samplesPerSecond)} samples/s  ${duration(e.secondsLeft)} left\n`);
        lastLine = now;
      }
    },
  };
}

/** Final train / validation / test loss, epochs and time per optimizer, side by side. */
export function comparisonTable(results: VaeResult[]): string {
  return renderTable(
    ['optimizer', 'train', 'validation', 'test', 'epochs', 'time', 'samples/s'],
    results.map((r) => [r.optimizer, fixed(r.trainLoss), fixed(r.validationLoss), fixed(r.testLoss), String(r.epochs), duration(r.trainSeconds), String(Math.round(r.samplesPerSecond))]),
  );
}

/** The closing summary: results, then the last epoch's pictures (reconstructions, generated digits, latent scatter). */
export function vaePlainSummary(results: VaeResult[], last: PicturedEpoch, dataset: Dataset, { columns, color }: { columns: number; color: boolean }): string {
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
