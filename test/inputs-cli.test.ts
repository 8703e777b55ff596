/** Bad input through the real program: one line on stderr, exit status 2, never an internal error. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFont } from '../source/data/font.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { Autoencoder } from '../source/nn/autoencoder.js';
import { saveAutoencoder } from '../source/nn/autoencoder-file.js';
import { jsonLines, runCli } from './helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-inputs-cli-'));
const model = path.join(dir, 'font.json');
saveAutoencoder(
  model,
  new Autoencoder(new FastCpuBackend(), {
    layers: [35, 4, 2],
    activation: 'tanh',
    latentActivation: 'identity',
    outputActivation: 'sigmoid',
  }),
  loadFont(),
);

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, JSON.stringify(content));
  return target;
}

function expectUsageError(args: string[], message: RegExp): void {
  const { status, stdout, stderr } = runCli(args);
  expect(stdout).toBe('');
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(message);
  expect(status).toBe(2);
}

describe('bad input: one line, exit status 2', () => {
  it('a layer too big for memory', () => {
    expectUsageError(
      ['font', '--layers', '35,100000000,2'],
      /^sia-ae: --layers 35,100000000,2 needs about \d+ GiB of memory, more than the 2 GiB limit$/m,
    );
  });

  it('a number in hex, and an empty list entry', () => {
    expectUsageError(['font', '--epochs', '0x10'], /--epochs takes a whole number, got "0x10"/);
    expectUsageError(['font', '--layers', '35,,2'], /--layers has an empty entry in "35,,2"/);
  });

  it('an output flag inside a config file', () => {
    expectUsageError(
      ['font', '--config', file('json.json', { json: true })],
      /config file .*json\.json sets "json": output flags go on the command line/,
    );
  });

  it('a model kind that names an Object method', () => {
    const foreign = file('kind.json', {
      format: 'sia-ae-model',
      version: 1,
      kind: 'toString',
      shape: {},
      meta: {},
      parameters: '',
    });
    expectUsageError(
      ['export', '--model', foreign, path.join(dir, 'out')],
      /cannot export a toString model \(export knows autoencoder, vae\)/,
    );
  });
});

describe('--config for the commands that read a model', () => {
  it('generate takes one --z point from a config file', () => {
    const { status, stdout } = runCli([
      'generate',
      '--model',
      model,
      '--config',
      file('z.json', { z: '0,0' }),
      '--json',
    ]);
    expect(status).toBe(0);
    expect(jsonLines(stdout)[0].glyphs.map((g: any) => g.z)).toEqual([[0, 0]]);
  });

  it('is in the help of generate, glyphs and export', () => {
    for (const command of ['generate', 'glyphs', 'export'])
      expect(runCli([command, '--help']).stdout).toMatch(/--config FILE/);
  });
});
