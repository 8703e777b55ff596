/** `sia-ae vae --export DIR` and `sia-ae export --model` on a saved VAE, through the real program. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './helpers/cli.js';
import { expectValidXml, pngSize } from './helpers/svg.js';

const root = mkdtempSync(path.join(tmpdir(), 'sia-ae-export-vae-'));
const runDir = path.join(root, 'run'),
  modelDir = path.join(root, 'from-model');
const modelFile = path.join(root, 'vae.json');
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');
const QUICK = ['--train-size', '512', '--validation', '256', '--epochs', '2', '--layers', '32', '--backend', 'cpu'];

describe('sia-ae vae --json --export DIR', () => {
  let status: number | null, stdout: string, stderr: string, lines: Array<Record<string, any>>;
  beforeAll(() => {
    ({ status, stdout, stderr } = runCli(['vae', ...QUICK, '--json', '--save', modelFile, '--export', runDir]));
    lines = status === 0 ? jsonLines(stdout) : [];
  });

  it('keeps the --json contract and writes result.json equal to the result line', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines.map((l) => l.event)).toEqual(['epoch', 'epoch', 'result']);
    expect(JSON.parse(read(runDir, 'result.json'))).toEqual(lines.at(-1));
  });

  it('writes the history of every epoch, agreeing with the epoch lines', () => {
    const rows = read(runDir, 'history.csv')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((row) => row.split(',').map(Number));
    expect(rows).toEqual(
      lines
        .slice(0, -1)
        .map((l) => [l.epoch, l.trainLoss, l.trainKl, l.validationLoss, l.samplesPerSecond, l.trainSeconds]),
    );
  });

  it('writes valid SVG figures, PNG digit grids and a report that links every file', () => {
    const names = readdirSync(runDir);
    expect(names.filter((n) => /\.(svg|png)$/.test(n)).sort()).toEqual([
      'latent-grid.png',
      'latent-grid.svg',
      'latent.svg',
      'loss.svg',
      'reconstructions.png',
      'reconstructions.svg',
    ]);
    for (const svg of names.filter((n) => n.endsWith('.svg'))) expectValidXml(read(runDir, svg));
    const [, width, height] = read(runDir, 'reconstructions.svg')
      .match(/<svg[^>]* width="(\d+)" height="(\d+)"/)!
      .map(Number);
    expect(pngSize(readFileSync(path.join(runDir, 'reconstructions.png')))).toEqual({
      width: 2 * width,
      height: 2 * height,
    });
    const report = read(runDir, 'report.md');
    for (const name of names.filter((n) => n !== 'report.md')) expect(report).toContain(`](${name})`);
    expect(JSON.parse(read(runDir, 'config.json'))).toMatchObject({
      layers: [32],
      latent: 2,
      trainSize: 512,
      validation: 256,
    });
  });

  it('sia-ae export --model exports the saved VAE with the numbers of the run that saved it, without curves', () => {
    const { status, stdout, stderr } = runCli(['export', '--model', modelFile, modelDir]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(`exported 11 files to ${modelDir} (start with report.md)\n`);
    const run = JSON.parse(read(runDir, 'result.json')),
      saved = JSON.parse(read(modelDir, 'result.json'));
    for (const key of ['architecture', 'epochs', 'validationLoss', 'testLoss', 'latent', 'dataset', 'seed'])
      expect(saved[key], key).toEqual(run[key]);
    expect(saved.trainLoss).toBeNull();
    for (const figure of ['latent.svg', 'reconstructions.svg', 'latent-grid.svg'])
      expect(read(modelDir, figure)).toBe(read(runDir, figure));
    expect(readdirSync(modelDir)).not.toContain('loss.svg');
    expect(read(modelDir, 'report.md')).toMatch(/the saved model .*vae\.json \(784-32-2-32-784, 2 epochs on mnist\)/);
  });
});
