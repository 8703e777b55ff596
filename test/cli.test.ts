/** The real program as a subprocess: output contracts, generation from a saved model, and bad input. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateCommand } from '../source/commands/generate.js';
import { jsonLines, runCli } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-cli-'));
const modelFile = path.join(dir, 'font-model.json');

describe('sia-ae font', () => {
  it('--json prints epoch lines and ends with the result line (docs/CONTRACTS.md)', () => {
    const { status, stdout, stderr } = runCli([
      'font',
      '--json',
      '--seed',
      '3',
      '--save',
      modelFile,
      '--backend',
      'cpu',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    const result = lines.at(-1)!;
    expect(lines.slice(0, -1).every((l) => l.event === 'epoch')).toBe(true);
    expect(result).toMatchObject({ event: 'result', experiment: 'font', seed: 3, reachedTarget: true });
    expect(result.maxPixelError).toBeLessThanOrEqual(1);
    expect(Object.keys(result.perGlyph)).toHaveLength(32);
    expect(result.latent.a).toHaveLength(2);
    for (const key of ['epochs', 'trainSeconds', 'meanPixelError', 'backend']) expect(result).toHaveProperty(key);
  });

  it('prints plain progress and a summary when stdout is not a terminal', () => {
    const { status, stdout } = runCli(['font', '--subset', 'aben', '--target', '0', '--seed', '2']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^backend /);
    expect(stdout).toMatch(/epoch +0 +loss/);
    expect(stdout).toMatch(/reached the target \(max 0 wrong pixels per glyph\)/);
    expect(stdout).toContain('a:0 b:0 e:0 n:0');
  });

  it('takes settings from a config file, with flags winning', () => {
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ layers: [35, 20, 2], seed: 9, subset: 'abc' }));
    const result = jsonLines(runCli(['font', '--config', config, '--seed', '4', '--json']).stdout).at(-1)!;
    expect(result).toMatchObject({ architecture: '35-20-2-20-35', seed: 4 });
    expect(Object.keys(result.perGlyph)).toEqual(['a', 'b', 'c']);
  });
});

describe('sia-ae generate', () => {
  it('decodes latent points, interpolations and grids of a saved model', () => {
    const points = runCli(['generate', '--model', modelFile, '--z', '0,0', '--z', '1,-1', '--json']);
    expect(points.status).toBe(0);
    const glyphs = jsonLines(points.stdout)[0].glyphs;
    expect(glyphs.map((g: any) => g.z)).toEqual([
      [0, 0],
      [1, -1],
    ]);
    expect(glyphs[0].pixels).toHaveLength(35);

    const path = runCli(['generate', '--model', modelFile, '--from', 'a', '--to', 'o', '--steps', '4']);
    expect(path.status).toBe(0);
    expect(path.stdout).toMatch(/a +1\/3 +2\/3 +o/);

    const grid = runCli(['generate', '--model', modelFile, '--grid', '3', '--json']);
    expect(jsonLines(grid.stdout)[0].glyphs).toHaveLength(9);
  });

  it('--grid: the caption gives z1 from the top row down, as the grid draws it', () => {
    const glyphs = jsonLines(runCli(['generate', '--model', modelFile, '--grid', '3', '--json']).stdout)[0].glyphs;
    expect(glyphs[0].z[1]).toBeGreaterThan(glyphs[8].z[1]);
    const [top, bottom] = [glyphs[0].z[1], glyphs[8].z[1]].map((z: number) => z.toFixed(2));
    const plain = runCli(['generate', '--model', modelFile, '--grid', '3']).stdout;
    expect(plain.split('\n')[0]).toContain(`z1 ${top} .. ${bottom} top to bottom`);
  });

  it('--grid wider than the terminal is refused there, naming the largest that fits; a pipe takes any', async () => {
    const written: string[] = [];
    const context = (isTTY: boolean) => ({
      stdout: Object.assign(new PassThrough(), { isTTY }).on('data', (d) => written.push(String(d))),
      stderr: new PassThrough(),
      output: 'screen' as const,
      columns: 80,
    });
    await expect(generateCommand.run({ model: modelFile, grid: '30' }, context(true))).rejects.toThrow(
      '--grid 30 draws 179 columns and this terminal has 80: use --grid 13 or less, widen the terminal, or send',
    );
    expect(await generateCommand.run({ model: modelFile, grid: '13' }, context(true))).toBe(0);
    expect(
      Math.max(
        ...written
          .join('')
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBe(77);
    expect(await generateCommand.run({ model: modelFile, grid: '30' }, context(false))).toBe(0);
  });

  it("decodes a training glyph's own code back into that glyph", () => {
    const trained = JSON.parse(readFileSync(modelFile, 'utf8'));
    expect(trained.meta.chars).toHaveLength(32);
    const result = jsonLines(runCli(['font', '--load', modelFile, '--epochs', '1', '--json']).stdout).at(-1)!;
    const decoded = jsonLines(
      runCli(['generate', '--model', modelFile, '--z', result.latent.o.join(','), '--json']).stdout,
    )[0].glyphs[0];
    const o = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 0];
    const wrong = decoded.pixels.filter((p: number, i: number) => (p > 0.5 ? 1 : 0) !== o[i]).length;
    expect(wrong).toBeLessThanOrEqual(1);
  });
});

describe('sia-ae glyphs', () => {
  it('prints the chosen glyphs as ASCII art', () => {
    const { status, stdout } = runCli(['glyphs', '--chars', 'o|']);
    expect(status).toBe(0);
    expect(stdout).toBe(
      [
        '.....   ..#..',
        '.....   ..#..',
        '.###.   ..#..',
        '#...#   .....',
        '#...#   ..#..',
        '#...#   ..#..',
        '.###.   ..#..',
        'o       |',
        '',
      ].join('\n'),
    );
  });
});

describe('bad input: one line on stderr, exit status 2', () => {
  const corrupt = path.join(dir, 'corrupt.json');
  writeFileSync(corrupt, '{"format": "sia-ae-model", "version": 1, "kind": "autoencoder", "shape": {"layers": [35');
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown flag', ['font', '--colour'], /unknown option --colour/],
    ['flag of another command', ['font', '--grid', '3'], /font does not take --grid/],
    ['non-numeric value', ['font', '--epochs', 'many'], /--epochs takes a whole number, got "many"/],
    ['epochs below 1', ['font', '--epochs', '0'], /--epochs must be at least 1/],
    ['lr of zero', ['font', '--lr', '0'], /--lr must be greater than 0/],
    ['layers not starting at 35', ['font', '--layers', '30,2'], /--layers must start at 35/],
    ['subset outside the font', ['font', '--subset', 'aZ'], /not in the font: "Z"/],
    [
      'unknown activation',
      ['font', '--activation', 'swish'],
      /--activation must be one of identity, sigmoid, tanh, relu/,
    ],
    [
      'missing model file',
      ['generate', '--model', path.join(dir, 'nope.json'), '--z', '0,0'],
      /cannot read model file .*ENOENT/,
    ],
    ['corrupt model file', ['generate', '--model', corrupt, '--z', '0,0'], /corrupt model file/],
    ['latent point of the wrong size', ['generate', '--model', modelFile, '--z', '1,2,3'], /--z needs 2 numbers/],
    ['nothing to generate', ['generate', '--model', modelFile], /say what to generate/],
    [
      'config file with an unknown key',
      ['font', '--config', path.join(dir, 'bad-config.json')],
      /font does not take --colour/,
    ],
  ];
  writeFileSync(path.join(dir, 'bad-config.json'), '{"colour": "red"}');
  for (const [what, args, message] of cases) {
    it(what, () => {
      const { status, stdout, stderr } = runCli(args);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('a diverging run exits 1 with advice and leaves the saved model alone', () => {
    const before = readFileSync(modelFile, 'utf8');
    const { status, stderr } = runCli([
      'font',
      '--lr',
      '1e30',
      '--activation',
      'relu',
      '--epochs',
      '50',
      '--save',
      modelFile,
    ]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/lower the learning rate/);
    expect(readFileSync(modelFile, 'utf8')).toBe(before);
  });
});
