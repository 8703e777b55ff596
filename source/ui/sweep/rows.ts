/**
 * The sweep's job table as text, one line per training: its number and label, then how far it got (waiting, a
 * progress bar, or how it ended and in how long) and its loss as a sparkline, fitted to the width.
 */
import { sparkline } from '../../render/sparkline.js';
import type { JobRow } from './feed.js';

const BAR = 10,
  STATE = 28,
  MIN_SPARK = 6,
  MAX_SPARK = 24;

export function jobLines(jobs: JobRow[], width: number): string[] {
  const number = String(jobs.length).length;
  const label = Math.max(...jobs.map((job) => job.label.length));
  return jobs.map((job, i) => {
    const head = `${String(i + 1).padStart(number)} ${job.label.padEnd(label)}  ${stateText(job).padEnd(STATE)}`;
    const room = Math.min(MAX_SPARK, width - head.length - 1);
    const spark = room >= MIN_SPARK ? ` ${sparkline(job.loss, room, false)}` : '';
    return `${head}${spark}`.trimEnd();
  });
}

function stateText(job: JobRow): string {
  if (job.state === 'waiting') return 'waiting';
  if (job.state === 'done') return `✓ ${job.seconds?.toFixed(1)} s  ${job.outcome ?? ''}`;
  const filled = job.epochs > 0 ? Math.round((job.epoch / job.epochs) * BAR) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${job.epoch}/${job.epochs}`;
}
