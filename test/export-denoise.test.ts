/**
 * `sia-ae denoise --export DIR` (one run and --sweep) and `sia-ae font --sweep --export DIR` through the real
 * program, kept short: the exported files hold the numbers of the run's own --json result line.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './helpers/cli.js';
import { expectValidXml, inkShare } from './helpers/svg.js';

const root = mkdtempSync(path.join(tmpdir(), 'sia-ae-export-denoise-'));
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const csvRows = (dir: string, name: string) =>
  read(dir, name)
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((row) => row.split(','));

/** Runs `args --json --export DIR`; returns the directory and the result line. */
function exportRun(name: string, args: string[]) {
  const dir = path.join(root, name);
  const run = runCli([...args, '--json', '--export', dir]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return { dir, result: jsonLines(run.stdout).at(-1)! };
}

describe('sia-ae denoise --export DIR', () => {
  const { dir, result } = exportRun('run', ['denoise', '--epochs', '40', '--seed', '2', '--backend', 'reference']);

  it('writes result.json equal to the result line of the same run', () => {
    expect(JSON.parse(read(dir, 'result.json'))).toEqual(result);
    expect(csvRows(dir, 'summary.csv')).toHaveLength(1);
    expect(csvRows(dir, 'history.csv')).toHaveLength(result.epochs + 1);
  });

  it("draws the triplets as valid SVG with the first copies' wrong pixels under each output", () => {
    const svg = read(dir, 'triplets.svg');
    expectValidXml(svg);
    expect(inkShare(svg, 0.5)).toBeGreaterThan(0.05);
    // Captions: the character, then the noisy copy's and the output's wrong pixels, as triplets.csv has them.
    const captions = [...svg.matchAll(/<text[^>]*text-anchor="middle" font-size="11">([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    const triplets = csvRows(dir, 'triplets.csv');
    expect(captions).toHaveLength(3 * 32);
    expect(triplets.map(([, inputWrong, , wrong]) => [inputWrong, wrong])).toEqual(
      triplets.map((_, i) => [captions[3 * i + 1], captions[3 * i + 2]]),
    );
    expectValidXml(read(dir, 'loss.svg'));
  });

  it('ties it together in report.md (timings masked)', () => {
    expect(read(dir, 'report.md').replace(/in \d+\.\d+ s/g, 'in <seconds> s')).toMatchSnapshot();
  });
});

describe('sia-ae denoise --sweep --export DIR', () => {
  const { dir, result } = exportRun('sweep', [
    'denoise',
    '--sweep',
    '--epochs',
    '10',
    '--architectures',
    '35-8-2',
    '--mutation-prob',
    '0.2',
    '--max-noise',
    '0.3,0.5',
    '--workers',
    '2',
  ]);

  it('writes result.json equal to the result line, and the summary, generalisation and training tables', () => {
    expect(JSON.parse(read(dir, 'result.json'))).toEqual(result);
    expect(csvRows(dir, 'summary.csv').map((row) => row.slice(0, 5))).toEqual(
      result.rows.map((r: Record<string, unknown>) =>
        [r.model, r.architecture, r.noise, r.mutationProb, r.maxNoise].map(String),
      ),
    );
    expect(csvRows(dir, 'generalisation.csv').map((row) => row.slice(2).map(Number))).toEqual(
      result.generalisation.map((m: { scoredOn: Array<{ meanAbsError: number }> }) =>
        m.scoredOn.map((s) => s.meanAbsError),
      ),
    );
    expect(csvRows(dir, 'trainings.csv').map(([, model, trainedOn]) => `${model} ${trainedOn}`)).toEqual([
      'denoising p=0.2 max=0.3',
      'denoising p=0.2 max=0.5',
      'plain clean glyphs',
    ]);
    expectValidXml(read(dir, 'generalisation-35-8-2.svg'));
  });

  it('writes a config that --config reads back', () => {
    expect(JSON.parse(read(dir, 'config.json'))).toMatchObject({
      sweep: true,
      architectures: ['35-8-2'],
      mutationProb: [0.2],
      maxNoise: [0.3, 0.5],
    });
  });
});

describe('sia-ae font --sweep --export DIR', () => {
  it('writes the sweep table, result.json equal to the result line, and report.md', () => {
    const { dir, result } = exportRun('font-sweep', [
      'font',
      '--sweep',
      '--latent',
      '2',
      '--subsets',
      'aben',
      '--workers',
      '1',
    ]);
    expect(JSON.parse(read(dir, 'result.json'))).toEqual(result);
    expect(csvRows(dir, 'summary.csv')).toEqual(
      result.rows.map((r: Record<string, unknown>) => Object.values(r).map((v) => (v === null ? '' : String(v)))),
    );
    expect(readdirSync(dir).sort()).toEqual([
      'config.json',
      'manifest.json',
      'report.md',
      'result.json',
      'summary.csv',
      'summary.md',
    ]);
  });
});

it('denoise --export into a missing directory: one line on stderr, exit status 2, before training', () => {
  const { status, stdout, stderr } = runCli(['denoise', '--export', path.join(root, 'no', 'dir')]);
  expect(stderr).toMatch(/^sia-ae: --export .*: the directory .*no does not exist\n$/);
  expect(status).toBe(2);
  expect(stdout).toBe('');
});
