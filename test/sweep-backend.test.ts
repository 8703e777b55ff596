/**
 * Sweeps train on the backend --backend names, in every worker: the result line names it, and the numbers are
 * those of the same training run here on that backend (the reference kernels round differently from the CPU
 * ones, so a sweep that fell back to the default would not match).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { noiseLevels, parseDenoiseConfig } from '../source/commands/denoise-config.js';
import { denoiseTraining } from '../source/options/denoise.js';
import { selectSweepBackend } from '../source/math/select.js';
import { runDenoiseJob, type DenoiseJob } from '../source/train/denoise-job.js';
import { jsonLines, runCli } from './helpers/cli.js';

const SWEEP = { architectures: '35-8-2', mutationProb: '0.2', maxNoise: '0.3', epochs: '10', seed: '3' };
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const flags = Object.entries(SWEEP).flatMap(([key, value]) => [flagName(key), value]);

/** The sweep's denoiser, trained here on the given backend. */
function denoiserHere(choice: 'reference' | 'cpu') {
  const config = parseDenoiseConfig({ sweep: true, ...SWEEP });
  const levels = noiseLevels(config);
  const job: DenoiseJob = {
    kind: 'denoise',
    model: 'denoising',
    training: denoiseTraining(config, config.architectures[0], config.seed),
    trainedOn: levels[0],
    scoredOn: levels,
    copies: config.copies,
  };
  const { backend } = selectSweepBackend(choice);
  try {
    return runDenoiseJob(job, backend, () => {}).scores[0];
  } finally {
    backend.dispose();
  }
}

describe('denoise --sweep --backend reference', () => {
  const run = runCli(['denoise', '--sweep', ...flags, '--workers', '1', '--backend', 'reference', '--json']);
  const result = jsonLines(run.stdout).at(-1)!;
  afterAll(() => expect(run.stderr).toBe(''));

  it('names the backend in the result line', () => {
    expect(run.status).toBe(0);
    expect(result.backend).toBe('reference');
  });

  it('trains on it: the scores are those of the reference kernels, not the default ones', () => {
    const row = result.rows.find((r: { model: string }) => r.model === 'denoising');
    const reference = denoiserHere('reference');
    expect(row.meanAbsError).toBe(reference.meanAbsError);
    expect(denoiserHere('cpu').meanAbsError).not.toBe(reference.meanAbsError);
  });
});

describe('font --sweep --backend reference', () => {
  it('names the backend in the result line and in the plain output', () => {
    const args = ['font', '--sweep', '--latent', '2', '--subsets', 'aben', '--epochs', '20', '--workers', '1'];
    args.push('--backend', 'reference');
    const json = runCli([...args, '--json']);
    expect(json.status).toBe(0);
    expect(jsonLines(json.stdout).at(-1)!.backend).toBe('reference');
    const plain = runCli([...args, '--plain']).stdout;
    expect(plain).toMatch(/^backend reference: asked for the reference kernels\nsweep: 1 trainings/);
  });
});
