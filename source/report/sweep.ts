/** Progress of a sweep's jobs: plain lines as each starts and ends, or JSON epoch lines with the job number. */
import type { OutputMode } from '../run/context.js';
import type { PoolOptions } from '../sweep/pool.js';
import type { JobResult } from '../sweep/jobs.js';
import { writeJsonLine } from './json.js';

export function sweepProgress(
  out: NodeJS.WritableStream,
  output: OutputMode,
  labels: string[],
  summary: (index: number, result: JobResult) => string,
): PoolOptions {
  const width = String(labels.length).length;
  const tag = (index: number) => `[${String(index + 1).padStart(width)}/${labels.length}]`;
  if (output === 'json') {
    return {
      onProgress: (index, epoch, epochs) =>
        writeJsonLine(out, {
          event: 'epoch',
          job: index + 1,
          jobs: labels.length,
          label: labels[index],
          epoch,
          epochs,
        }),
    };
  }
  const started = new Map<number, number>();
  return {
    onStart: (index) => {
      started.set(index, performance.now());
      out.write(`${tag(index)} ${labels[index]}: training\n`);
    },
    onDone: (index, result) => {
      const seconds = (performance.now() - started.get(index)!) / 1000;
      out.write(`${tag(index)} ${labels[index]}: ${seconds.toFixed(1)} s, ${summary(index, result)}\n`);
    },
  };
}
