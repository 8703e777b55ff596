/**
 * `sia-ae font --sweep`: the basic autoencoder over latent sizes x subsets x learning rates (x seeds), trained
 * on worker threads. Every other font setting applies to every training of the grid.
 */
import { loadFont, selectGlyphs } from '../data/font.js';
import { UsageError } from '../errors.js';
import { fontSweepTable, type FontSweepRowView } from '../render/font-sweep.js';
import { wrongPixels } from '../render/format.js';
import { writeJsonLine } from '../report/json.js';
import { sweepProgress } from '../report/sweep.js';
import type { Job, JobResult } from '../sweep/jobs.js';
import { interruptible } from '../io/interrupt.js';
import { runPool } from '../sweep/pool.js';
import { meanStd } from '../sweep/stats.js';
import type { FontJob, FontJobResult } from '../train/font-job.js';
import { autoencoderSize, checkMemory } from '../nn/memory.js';
import type { RawSettings } from '../config.js';
import type { CommandContext } from './command.js';
import { exportedLine } from '../report/exported.js';
import { writeExport } from '../export/bundle.js';
import { fontSweepExport, type FontSweepResult } from '../export/font-sweep.js';
import { FONT_COMMAND_OPTIONS, FONT_SWEEP_OPTIONS, fontTraining, parseFontConfig } from '../options/font.js';
import { checkScope, parseTable } from '../options/table.js';
import { sweepBackendFromSettings } from './backend-choice.js';
import { backendLine } from '../report/backend-line.js';

const FULL = 'full';

/** True for --sweep; a sweep's options without it, or a single run's with it, are a usage error. */
export function isFontSweep(settings: RawSettings): boolean {
  const sweep = settings.sweep === true;
  checkScope(FONT_COMMAND_OPTIONS, settings, sweep);
  return sweep;
}

export async function runFontSweep(settings: RawSettings, context: CommandContext): Promise<number> {
  const base = parseFontConfig({ ...settings, lr: undefined }); // the grid's --lr is a list
  const grid = parseTable(FONT_SWEEP_OPTIONS, settings, true);
  if (grid.subsets.length === 0) throw new UsageError('--subsets needs at least one character set, e.g. full,aben');
  for (const subset of grid.subsets) {
    try {
      if (subset !== FULL) selectGlyphs(loadFont(), subset);
    } catch (error) {
      throw new UsageError(`--subsets: ${(error as Error).message}`);
    }
  }
  const seedCount = grid.seeds;
  const points = grid.latent.flatMap((z) =>
    grid.subsets.flatMap((subset) => grid.lr.map((rate) => ({ latent: z, subset, lr: rate }))),
  );
  const backend = sweepBackendFromSettings(settings);
  const jobs = Array.from({ length: seedCount }, (_, s) => base.seed + s).flatMap((seed) =>
    points.map(
      (point): Job<FontJob> => ({
        kind: 'font',
        backend: backend.choice,
        subset: point.subset === FULL ? undefined : point.subset,
        training: fontTraining({ ...base, layers: [...base.layers.slice(0, -1), point.latent], lr: point.lr, seed }),
      }),
    ),
  );
  const glyphCount = loadFont().length;
  for (const layers of new Set(jobs.map((job) => job.training.shape.layers.join(',')))) {
    checkMemory(`--layers ${layers}`, autoencoderSize(layers.split(',').map(Number)), 2 * glyphCount);
  }
  const labels = jobs.map(
    (job) =>
      `${job.training.shape.layers.join('-')} ${job.subset ?? FULL} lr ${job.training.lr} seed ${job.training.seed}`,
  );
  const threads = grid.workers;
  const json = context.output === 'json';
  if (!json)
    context.stdout.write(
      backendLine(backend.name, backend.reason) +
        `sweep: ${jobs.length} trainings of up to ${base.epochs} epochs (target ${base.target}) ` +
        `on ${Math.min(threads, jobs.length)} worker threads\n`,
    );
  const started = performance.now();
  const results = (await interruptible((signal) =>
    runPool(jobs, { workers: threads, ...sweepProgress(context.stdout, context.output, labels, outcome), signal }),
  )) as FontJobResult[];
  const seconds = (performance.now() - started) / 1000;

  const rows = points.map((point, p): FontSweepRowView => {
    const runs = results.filter((_, j) => j % points.length === p);
    const reached = runs.filter((r) => r.reachedTarget);
    return {
      ...point,
      seeds: runs.length,
      reached: reached.length,
      maxPixelError: meanStd(runs.map((r) => r.maxPixelError)),
      meanPixelError: meanStd(runs.map((r) => r.meanPixelError)),
      epochsToTarget: reached.length > 0 ? meanStd(reached.map((r) => r.epochs)) : undefined,
    };
  });
  const line: FontSweepResult = {
    event: 'result',
    experiment: 'font-sweep',
    backend: backend.name,
    seeds: seedCount,
    seed: base.seed,
    target: base.target,
    epochs: base.epochs,
    sweepSeconds: seconds,
    rows: rows.map((r) => ({
      latent: r.latent,
      subset: r.subset,
      lr: r.lr,
      seeds: r.seeds,
      maxPixelError: r.maxPixelError.mean,
      meanPixelError: r.meanPixelError.mean,
      epochsToTarget: r.epochsToTarget?.mean ?? null,
      reachedShare: r.reached / r.seeds,
    })),
  };
  if (json) writeJsonLine(context.stdout, line);
  else {
    context.stdout.write(
      `\nthe sweep took ${seconds.toFixed(1)} s; wrong pixels at the end of each run` +
        `${seedCount > 1 ? `,\nmean ± std over ${seedCount} seeds` : ''}; ` +
        `epochs to target (max ${wrongPixels(base.target)} per glyph)\n` +
        `over the seeds that reached it\n\n${fontSweepTable(rows)}`,
    );
  }
  if (base.export) {
    const { export: dir, save, load, lr: _, ...shared } = base;
    const config = {
      sweep: true,
      latent: grid.latent,
      subsets: grid.subsets,
      lr: grid.lr,
      seeds: seedCount,
      workers: threads,
      ...shared,
    };
    const files = writeExport(dir, fontSweepExport(config, line));
    if (!json) context.stdout.write(exportedLine(dir, files));
  }
  return 0;
}

function outcome(_index: number, result: JobResult): string {
  const r = result as FontJobResult;
  return `${r.reachedTarget ? 'reached' : 'missed'} at epoch ${r.epochs}, max ${r.maxPixelError} px`;
}
