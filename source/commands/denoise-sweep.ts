/**
 * `sia-ae denoise --sweep`: every architecture x noise setting (x seed) trained as a denoiser on worker
 * threads, plus the plain autoencoder of each architecture as the baseline; every model is scored at every
 * noise setting (its own gives the summary rows, the others the generalisation view).
 */
import { noiseFields, type NoiseSpec } from '../data/noise.js';
import {
  courseTable,
  denoiseTable,
  ERROR_UNITS,
  generalisationTable,
  shortLabel,
  type DenoiseRowView,
} from '../render/denoise.js';
import { writeJsonLine } from '../report/json.js';
import { sweepProgress } from '../report/sweep.js';
import { interruptible } from '../io/interrupt.js';
import { runPool } from '../sweep/pool.js';
import { meanStd, type Stat } from '../sweep/stats.js';
import type { DenoiseScore } from '../train/denoise-score.js';
import type { DenoiseJob, DenoiseJobResult, DenoiseModelKind } from '../train/denoise-job.js';
import type { Job, JobResult } from '../sweep/jobs.js';
import { writeExport } from '../export/bundle.js';
import { denoiseSweepExport, type DenoiseRow, type DenoiseSweepResult } from '../export/denoise.js';
import { noiseLevels, runSettings } from './denoise-config.js';
import { denoiseTraining, type DenoiseConfig } from '../options/denoise.js';
import type { CommandContext } from './command.js';
import type { SweepBackend } from './backend-choice.js';
import { exportedLine } from '../report/exported.js';
import { backendDisplayName } from '../render/backend-name.js';
import { loadSweepScreen } from '../ui/load.js';
import { backendLine } from '../report/backend-line.js';

const SCORE_KEYS = ['inputWrongPixels', 'inputMeanAbsError', 'wrongPixels', 'meanAbsError'] as const;

/** One trained model: which it is, and its scores at every noise setting, one entry per seed. */
interface Model {
  kind: DenoiseModelKind;
  architecture: string;
  /** Index of the noise setting a denoiser trained on. */
  trainedOn?: number;
  /** scores[level][seed] */
  scores: DenoiseScore[][];
}

export async function runDenoiseSweep(
  config: DenoiseConfig,
  backend: SweepBackend,
  context: CommandContext,
): Promise<number> {
  const levels = noiseLevels(config);
  const seeds = Array.from({ length: config.seeds }, (_, i) => config.seed + i);
  const models = emptyModels(config, levels);
  const jobs = seeds.flatMap((seed) =>
    models.map(
      (m): Job<DenoiseJob> => ({
        kind: 'denoise',
        backend: backend.choice,
        model: m.kind,
        training: denoiseTraining(config, m.architecture.split('-').map(Number), seed),
        trainedOn: m.trainedOn === undefined ? undefined : levels[m.trainedOn],
        scoredOn: levels,
        copies: config.copies,
      }),
    ),
  );
  const labels = jobs.map(
    (job) =>
      `${job.training.shape.layers.join('-')} ${job.trainedOn ? shortLabel(job.trainedOn) : 'plain'} ` +
      `seed ${job.training.seed}`,
  );
  const json = context.output === 'json';
  const plan =
    `${jobs.length} trainings of ${config.epochs} epochs on ${Math.min(config.workers, jobs.length)} ` +
    'worker threads';
  const intro =
    backendLine(backend.name, backend.reason) +
    `sweep: ${plan}: ${config.architectures.length} architectures\n` +
    `x (${levels.length} noise settings + the plain baseline) x ${seeds.length} ` +
    `seed${seeds.length > 1 ? 's' : ''}\n`;
  const screen =
    context.output === 'screen'
      ? (await loadSweepScreen()).openSweepScreen(
          context.stdout as NodeJS.WriteStream,
          { plan, backend: backendDisplayName(backend.name) },
          labels,
        )
      : undefined;
  if (!json && !screen) context.stdout.write(intro);
  const done: DenoiseJobResult[] = [];
  const progress = screen
    ? screen.pool((index, result) => {
        done[index] = result as DenoiseJobResult;
        screen.feed.showResults(readyResults(config, levels, done));
        return screenOutcome(jobs[index], result);
      })
    : sweepProgress(context.stdout, context.output, labels, (index, result) => plainOutcome(jobs[index], result));
  const started = performance.now();
  const results = await interruptible((signal) =>
    runPool(jobs, { workers: config.workers, ...progress, signal }),
  ).catch(async (error: unknown) => {
    await screen?.close();
    throw error;
  });
  const seconds = (performance.now() - started) / 1000;
  recordScores(models, results as DenoiseJobResult[]);

  const rows = models.flatMap((m) =>
    levels.flatMap((noise, level) => (m.kind === 'plain' || m.trainedOn === level ? [rowView(m, noise, level)] : [])),
  );
  const line: DenoiseSweepResult = {
    event: 'result',
    experiment: 'denoise',
    sweep: true,
    backend: backend.name,
    seeds: seeds.length,
    seed: config.seed,
    epochs: config.epochs,
    copies: config.copies,
    workers: config.workers,
    sweepSeconds: seconds,
    rows: rows.map(({ model, view }) => jsonRow(model, view, seeds.length)),
    generalisation: models.map((m) => ({
      model: m.kind,
      architecture: m.architecture,
      trainedOn: m.trainedOn === undefined ? null : noiseFields(levels[m.trainedOn]),
      scoredOn: levels.map((noise, level) => ({ ...noiseFields(noise), ...means(m.scores[level]) })),
    })),
  };
  if (json) writeJsonLine(context.stdout, line);
  else {
    const tables = sweepTables(config, levels, models, rows, seconds);
    await screen?.finish(tables.split('\n'));
    context.stdout.write(screen ? intro + tables : tables);
  }
  if (config.export) {
    const trainings = jobs.map((job, j) => ({
      architecture: job.training.shape.layers.join('-'),
      model: job.model,
      trainedOn: job.trainedOn ? shortLabel(job.trainedOn) : 'clean glyphs',
      seed: job.training.seed,
      loss: (results[j] as DenoiseJobResult).loss,
    }));
    const files = writeExport(
      config.export,
      denoiseSweepExport({ config: runSettings(config), levels, jobs: trainings, result: line }),
    );
    if (!json) context.stdout.write(exportedLine(config.export, files));
  }
  return 0;
}

/** The plain output: the summary tables of denoisers and baselines, and each architecture's generalisation. */
function sweepTables(
  config: DenoiseConfig,
  levels: NoiseSpec[],
  models: Model[],
  rows: Array<ReturnType<typeof rowView>>,
  seconds: number,
): string {
  const seeds = config.seeds;
  const denoisers = rows.filter((r) => r.model === 'denoising').map((r) => r.view);
  const perArchitecture = architectureNames(config).map(
    (architecture) =>
      `\n${architecture}: denoising autoencoders, each trained on its noise setting\n` +
      courseTable(denoisers.filter((r) => r.architecture === architecture)),
  );
  return [
    `\nthe sweep took ${seconds.toFixed(1)} s. Scores: means per glyph over ${config.copies} fresh noisy copies\n` +
      `of each, against the clean glyph${seeds > 1 ? `; mean ± std over ${seeds} seeds` : ''}\n`,
    `\n${ERROR_UNITS}\n`,
    ...perArchitecture,
    `\nall denoising autoencoders:\n${denoiseTable(denoisers)}`,
    '\nplain autoencoders (the baseline: trained on clean glyphs), same noisy inputs:\n' +
      denoiseTable(rows.filter((r) => r.model === 'plain').map((r) => r.view)),
    GENERALISATION_TITLE,
    ...architectureNames(config).map((architecture) => generalisationText(architecture, models, levels)),
  ].join('');
}

const GENERALISATION_TITLE =
  '\ngeneralisation: output mean abs error of each model (rows: the noise it was\n' +
  'trained on) at each noise setting (columns)\n';

function architectureNames(config: DenoiseConfig): string[] {
  return config.architectures.map((layers) => layers.join('-'));
}

/** One architecture's models (rows) at every noise setting (columns); "plain" is the baseline. */
function generalisationText(architecture: string, models: Model[], levels: NoiseSpec[]): string {
  const mine = models.filter((m) => m.architecture === architecture);
  return `\n${architecture}:\n${generalisationTable(
    levels,
    mine.map((m) => ({
      label: m.trainedOn === undefined ? 'plain' : shortLabel(levels[m.trainedOn]),
      meanAbsError: m.scores.map((perSeed) => meanStd(perSeed.map((s) => s.meanAbsError)).mean),
    })),
  )}`;
}

/** Each architecture's denoisers at every noise setting, then its baseline, with no scores yet. */
function emptyModels(config: DenoiseConfig, levels: NoiseSpec[]): Model[] {
  return architectureNames(config).flatMap((architecture) => [
    ...levels.map(
      (_, level): Model => ({ kind: 'denoising', architecture, trainedOn: level, scores: levels.map(() => []) }),
    ),
    { kind: 'plain', architecture, scores: levels.map(() => []) },
  ]);
}

/** Adds the results (in job order: seed after seed, each over every model) to the models' scores. */
function recordScores(models: Model[], results: Array<DenoiseJobResult | undefined>): void {
  results.forEach((result, j) =>
    result?.scores.forEach((score, level) => models[j % models.length].scores[level].push(score)),
  );
}

/** The generalisation of every architecture whose trainings have all finished (the screen's results). */
function readyResults(config: DenoiseConfig, levels: NoiseSpec[], done: DenoiseJobResult[]): string[] {
  const models = emptyModels(config, levels);
  recordScores(models, done);
  const ready = architectureNames(config).filter((architecture) =>
    models
      .filter((m) => m.architecture === architecture)
      .every((m) => m.scores.every((perSeed) => perSeed.length === config.seeds)),
  );
  if (ready.length === 0) return [];
  return [GENERALISATION_TITLE, ...ready.map((a) => generalisationText(a, models, levels))].join('').split('\n');
}

function rowView(model: Model, noise: NoiseSpec, level: number): { model: DenoiseModelKind; view: DenoiseRowView } {
  const perSeed = model.scores[level];
  const stat = (key: (typeof SCORE_KEYS)[number]) => meanStd(perSeed.map((s) => s[key]));
  return {
    model: model.kind,
    view: {
      architecture: model.architecture,
      noise,
      inputWrongPixels: stat('inputWrongPixels'),
      wrongPixels: stat('wrongPixels'),
      inputMeanAbsError: stat('inputMeanAbsError'),
      meanAbsError: stat('meanAbsError'),
    },
  };
}

/** docs/CONTRACTS.md's denoise row; with several seeds each score also has its standard deviation (`…Std`). */
function jsonRow(model: DenoiseModelKind, view: DenoiseRowView, seeds: number): DenoiseRow {
  const row: DenoiseRow = { model, architecture: view.architecture, ...noiseFields(view.noise), seeds };
  for (const key of SCORE_KEYS) {
    const stat: Stat = view[key];
    row[key] = stat.mean;
    if (stat.std !== undefined) row[`${key}Std`] = stat.std;
  }
  return row;
}

function means(perSeed: DenoiseScore[]): Record<string, number> {
  return Object.fromEntries(SCORE_KEYS.map((key) => [key, meanStd(perSeed.map((s) => s[key])).mean]));
}

/**
 * A job's own score: output against input error at the noise it trained on (the plain model: the last setting).
 */
function ownScore(job: DenoiseJob, result: JobResult): DenoiseScore {
  const { scores } = result as DenoiseJobResult;
  return scores[job.trainedOn ? job.scoredOn.indexOf(job.trainedOn) : scores.length - 1];
}

/** The end of a job's plain progress line. */
function plainOutcome(job: DenoiseJob, result: JobResult): string {
  const s = ownScore(job, result);
  return `MAE in ${s.inputMeanAbsError.toFixed(4)} out ${s.meanAbsError.toFixed(4)}`;
}

/** A finished job's row on the screen. */
function screenOutcome(job: DenoiseJob, result: JobResult): string {
  const s = ownScore(job, result);
  return `MAE ${s.inputMeanAbsError.toFixed(4)} → ${s.meanAbsError.toFixed(4)}`;
}
