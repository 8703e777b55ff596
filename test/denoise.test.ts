/**
 * The denoising study: the default sweep through the real program (every default row must end with a smaller
 * output error than its noisy input), salt-and-pepper wrong pixels, scheduling-independent worker results,
 * and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPool } from '../source/sweep/pool.js';
import { runJob, type Job } from '../source/sweep/jobs.js';
import { selectSweepBackend } from '../source/math/select.js';
import { runDenoiseJob, type DenoiseJob } from '../source/train/denoise-job.js';
import { noiseLevels, parseDenoiseConfig } from '../source/commands/denoise-config.js';
import { DENOISE_DEFAULTS, denoiseTraining } from '../source/options/denoise.js';
import type { RawSettings } from '../source/config.js';
import { UsageError } from '../source/errors.js';
import { jsonLines, runCli, type CliResult } from './helpers/cli.js';

const sia = (...args: string[]) => runCli(args);

function job(
  overrides: Partial<DenoiseJob> & { layers?: number[]; epochs?: number; seed?: number } = {},
): Job<DenoiseJob> {
  const { layers = DENOISE_DEFAULTS.layers, epochs = DENOISE_DEFAULTS.epochs, seed = 1, ...rest } = overrides;
  const noise = { model: 'mutation' as const, mutationProb: 0.3, maxNoise: 0.5 };
  return {
    kind: 'denoise',
    backend: 'cpu',
    model: 'denoising',
    trainedOn: noise,
    scoredOn: [noise],
    copies: 10,
    training: denoiseTraining({ ...DENOISE_DEFAULTS, epochs }, layers, seed),
    ...rest,
  };
}

describe('sia-ae denoise --sweep (the default grid)', () => {
  // Run once for the tests below when they run (not while the file is collected, nor when they are filtered out).
  let run: CliResult, lines: Array<Record<string, any>>, result: Record<string, any>;
  // 14 trainings: ~4 s alone, but the whole suite on two busy cores can take it past the 10 s a hook gets.
  beforeAll(() => {
    run = sia('denoise', '--sweep', '--json');
    lines = jsonLines(run.stdout);
    result = lines[lines.length - 1];
  }, 120_000);

  it('prints JSON lines only, progress epochs per job, then the result', () => {
    expect(run.status).toBe(0);
    expect(lines.slice(0, -1).every((l) => l.event === 'epoch' && l.job >= 1 && l.job <= 14)).toBe(true);
    expect(new Set(lines.slice(0, -1).map((l) => l.job)).size).toBe(14);
    expect(result.event).toBe('result');
    expect(result.experiment).toBe('denoise');
  });

  it('has a denoising and a baseline row per architecture and noise setting, as docs/CONTRACTS.md names them', () => {
    expect(result.rows).toHaveLength(24);
    for (const model of ['denoising', 'plain']) {
      const rows = result.rows.filter((r: { model: string }) => r.model === model);
      expect(
        rows.map((r: Record<string, unknown>) => `${r.architecture} ${r.noise} ${r.mutationProb} ${r.maxNoise}`),
      ).toEqual([
        '35-25-9-12-4 mutation 0.1 0.3',
        '35-25-9-12-4 mutation 0.1 0.5',
        '35-25-9-12-4 mutation 0.1 0.8',
        '35-25-9-12-4 mutation 0.3 0.3',
        '35-25-9-12-4 mutation 0.3 0.5',
        '35-25-9-12-4 mutation 0.3 0.8',
        '35-25-12-12 mutation 0.1 0.3',
        '35-25-12-12 mutation 0.1 0.5',
        '35-25-12-12 mutation 0.1 0.8',
        '35-25-12-12 mutation 0.3 0.3',
        '35-25-12-12 mutation 0.3 0.5',
        '35-25-12-12 mutation 0.3 0.8',
      ]);
    }
    for (const row of result.rows) {
      for (const key of ['inputWrongPixels', 'inputMeanAbsError', 'wrongPixels', 'meanAbsError'])
        expect(Number.isFinite(row[key])).toBe(true);
    }
    expect(result.generalisation).toHaveLength(14);
    expect(result.generalisation[0].scoredOn).toHaveLength(6);
  });

  it('every default denoising row ends with a smaller mean abs error than its noisy input', () => {
    for (const row of result.rows.filter((r: { model: string }) => r.model === 'denoising')) {
      expect(row.meanAbsError, `${row.architecture} p=${row.mutationProb} max=${row.maxNoise}`).toBeLessThan(
        row.inputMeanAbsError,
      );
    }
  });

  it('max noise 0.8 crosses 0.5: the noisy inputs have wrong pixels, more at the higher mutation probability', () => {
    const inputPixels = (p: number, max: number) =>
      result.rows.find((r: Record<string, number>) => r.mutationProb === p && r.maxNoise === max).inputWrongPixels;
    expect(inputPixels(0.3, 0.5)).toBe(0);
    expect(inputPixels(0.1, 0.8)).toBeGreaterThan(0);
    expect(inputPixels(0.3, 0.8)).toBeGreaterThan(inputPixels(0.1, 0.8));
  });

  it('scores the baseline on the same noisy inputs as the denoisers', () => {
    const denoising = result.rows.filter((r: { model: string }) => r.model === 'denoising');
    const plain = result.rows.filter((r: { model: string }) => r.model === 'plain');
    denoising.forEach((row: { inputMeanAbsError: number }, i: number) =>
      expect(plain[i].inputMeanAbsError).toBe(row.inputMeanAbsError),
    );
  });
});

describe('denoising', () => {
  const cpu = selectSweepBackend('cpu').backend;
  afterAll(() => cpu.dispose());

  it('salt-and-pepper at p = 0.1: the default architecture leaves fewer wrong pixels than the noisy input has', () => {
    const noise = { model: 'salt-pepper' as const, p: 0.1 };
    const [score] = runDenoiseJob(job({ trainedOn: noise, scoredOn: [noise] }), cpu, () => {}).scores;
    expect(score.inputWrongPixels).toBeGreaterThan(2.5); // 35 x 0.1 expected
    expect(score.wrongPixels).toBeLessThan(score.inputWrongPixels / 2);
  });

  it('worker threads give the same results as this thread, for any number of workers', async () => {
    const jobs = [1, 2, 3].map((seed) => job({ epochs: 10, seed }));
    jobs.push({ ...job({ epochs: 10 }), model: 'plain' });
    const here = jobs.map((j) => runJob(j, cpu, () => {}));
    expect(await runPool(jobs, { workers: 1 })).toEqual(here);
    expect(await runPool(jobs, { workers: 3 })).toEqual(here);
  });
});

describe('denoise settings', () => {
  it('a config file gives every sweep list as JSON arrays', () => {
    const config = parseDenoiseConfig({
      sweep: true,
      architectures: ['35-25-9-12-4', [35, 25, 12, 12]],
      mutationProb: [0.1, 0.2],
      maxNoise: [0.3],
      seeds: 2,
    });
    expect(config.architectures).toEqual([
      [35, 25, 9, 12, 4],
      [35, 25, 12, 12],
    ]);
    expect(noiseLevels(config)).toEqual([
      { model: 'mutation', mutationProb: 0.1, maxNoise: 0.3 },
      { model: 'mutation', mutationProb: 0.2, maxNoise: 0.3 },
    ]);
    expect(noiseLevels(parseDenoiseConfig({ sweep: true, noise: 'gaussian', sigma: '0.1,0.3' }))).toEqual([
      { model: 'gaussian', sigma: 0.1 },
      { model: 'gaussian', sigma: 0.3 },
    ]);
  });
});

describe('bad input: one line on stderr, exit status 2', () => {
  const subprocess: Array<[string[], RegExp]> = [
    [['denoise', '--mutation-prob', '1.5'], /^sia-ae: --mutation-prob must be at most 1, got 1.5\n$/],
    [['denoise', '--max-noise', '-0.1'], /^sia-ae: --max-noise must be at least 0, got -0.1\n$/],
    [['denoise', '--noise', 'gaussian', '--sigma', '-1'], /^sia-ae: --sigma must be at least 0, got -1\n$/],
    [['denoise', '--sweep', '--architectures', ''], /^sia-ae: --architectures needs at least one architecture/],
    [['font', '--latent', '1,2'], /^sia-ae: --latent needs --sweep\n$/],
  ];
  for (const [args, message] of subprocess) {
    it(`sia-ae ${args.join(' ')}`, () => {
      const run = sia(...args, '--epochs', '1');
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    });
  }

  const settings: Array<[RawSettings, RegExp]> = [
    [{ sweep: true, mutationProb: '0.1,-0.2' }, /--mutation-prob must be at least 0, got -0.2/],
    [{ noise: 'salt-pepper', p: '2' }, /--p must be at most 1/],
    [{ sweep: true, maxNoise: '' }, /--max-noise needs at least one value/],
    [{ sweep: true, architectures: [] }, /--architectures needs at least one architecture/],
    [{ sweep: true, architectures: '30-2' }, /runs from 35/],
    [{ p: '0.1' }, /--p applies to --noise salt-pepper, not mutation/],
    [{ mutationProb: '0.1,0.2' }, /takes one value without --sweep/],
    [{ seeds: '3' }, /--seeds needs --sweep/],
    [{ sweep: true, save: 'x.json' }, /--save applies to a single run/],
  ];
  for (const [given, message] of settings) {
    it(`denoise settings ${JSON.stringify(given)}`, () => {
      expect(() => parseDenoiseConfig(given)).toThrow(UsageError);
      expect(() => parseDenoiseConfig(given)).toThrow(message);
    });
  }
});
