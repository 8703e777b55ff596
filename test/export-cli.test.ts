/** `--export DIR` and `sia-ae export` through the real program: the files hold the numbers the run printed. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './helpers/cli.js';
import { expectValidXml } from './helpers/svg.js';

const root = mkdtempSync(path.join(tmpdir(), 'sia-ae-export-cli-'));
const runDir = path.join(root, 'run');
const modelFile = path.join(root, 'model.json');
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('sia-ae font --json --export DIR', () => {
  let status: number | null, stdout: string, stderr: string, lines: Array<Record<string, any>>;
  beforeAll(() => {
    ({ status, stdout, stderr } = runCli([
      'font',
      '--json',
      '--seed',
      '3',
      '--backend',
      'cpu',
      '--save',
      modelFile,
      '--export',
      runDir,
    ]));
    lines = status === 0 ? jsonLines(stdout) : [];
  });

  it('keeps the --json contract: epoch lines, then the result line, nothing else', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(lines.slice(0, -1).every((line) => line.event === 'epoch')).toBe(true);
    expect(lines.at(-1)!.event).toBe('result');
  });

  it('writes result.json equal to the result line of the same run', () => {
    expect(JSON.parse(read(runDir, 'result.json'))).toEqual(lines.at(-1));
  });

  it('writes the history of every epoch, agreeing with the epoch lines', () => {
    const rows = read(runDir, 'history.csv')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((row) => row.split(',').map(Number));
    const result = lines.at(-1)!;
    expect(rows).toHaveLength(result.epochs + 1);
    for (const line of lines.slice(0, -1))
      expect(rows[line.epoch]).toEqual([line.epoch, line.loss, line.maxPixelError, line.meanPixelError]);
  });

  it('writes valid SVG figures, CSV and Markdown tables, and a report that links them all', () => {
    const names = readdirSync(runDir);
    for (const svg of names.filter((n) => n.endsWith('.svg'))) expectValidXml(read(runDir, svg));
    for (const csv of names.filter((n) => n.endsWith('.csv'))) expect(names).toContain(csv.replace('.csv', '.md'));
    const report = read(runDir, 'report.md');
    for (const name of names.filter((n) => n !== 'report.md')) expect(report).toContain(`](${name})`);
    expect(JSON.parse(read(runDir, 'config.json'))).toMatchObject({ seed: 3, layers: [35, 30, 2] });
  });
});

describe('sia-ae export --model FILE DIR', () => {
  it('exports the saved model with the numbers of the run that saved it', () => {
    const dir = path.join(root, 'from-model');
    const { status, stdout } = runCli(['export', '--model', modelFile, dir]);
    expect(status).toBe(0);
    expect(stdout).toBe(`exported 15 files to ${dir} (start with report.md)\n`);
    const run = JSON.parse(read(runDir, 'result.json')),
      saved = JSON.parse(read(dir, 'result.json'));
    for (const key of ['perGlyph', 'latent', 'loss', 'maxPixelError', 'meanPixelError', 'architecture'])
      expect(saved[key]).toEqual(run[key]);
    expect(read(dir, 'per-glyph.csv')).toBe(read(runDir, 'per-glyph.csv'));
    expect(read(dir, 'glyphs.svg')).toBe(read(runDir, 'glyphs.svg'));
    expect(readdirSync(dir)).not.toContain('loss.svg');
  });

  it('replaces an earlier export with --plain output naming the files', () => {
    const { status, stdout } = runCli(['font', '--subset', 'ab', '--export', runDir]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/exported 19 files to .*run \(start with report\.md\)\n$/);
    expect(Object.keys(JSON.parse(read(runDir, 'result.json')).perGlyph)).toEqual(['a', 'b']);
  });
});

describe('bad export input: one line on stderr, exit status 2, before any training', () => {
  const file = path.join(root, 'a-file');
  writeFileSync(file, 'x');
  const cases: Array<[string, string[], RegExp]> = [
    [
      'export dir whose parent does not exist',
      ['font', '--export', path.join(root, 'no', 'dir')],
      /--export .*: the directory .*no does not exist/,
    ],
    ['a file where the dir should be', ['font', '--export', file], /--export .*a-file: is a file, not a directory/],
    [
      'missing model',
      ['export', '--model', path.join(root, 'nope.json'), path.join(root, 'x')],
      /cannot read model file .*ENOENT/,
    ],
    ['no directory', ['export', '--model', modelFile], /usage: sia-ae export --model FILE DIR/],
    ['two directories', ['export', '--model', modelFile, 'a', 'b'], /unexpected argument "b"/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const { status, stdout, stderr } = runCli(args);
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(status).toBe(2);
      expect(stdout).toBe('');
    });
  }
});
