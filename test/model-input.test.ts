/** Saved font models as input: wrong versions, inputs, weights, characters and sizes are each one UsageError. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFont } from '../source/data/font.js';
import { UsageError } from '../source/errors.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { Autoencoder } from '../source/nn/autoencoder.js';
import { readAutoencoder, saveAutoencoder } from '../source/nn/autoencoder-file.js';
import { autoencoderSize, checkMemory, estimateBytes, MEMORY_LIMIT_BYTES } from '../source/nn/memory.js';
import { Rng } from '../source/random.js';

const backend = new FastCpuBackend();
const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-model-input-'));
const shape = {
  layers: [35, 4, 2],
  activation: 'tanh',
  latentActivation: 'identity',
  outputActivation: 'sigmoid',
} as const;

/** A model file of `layers` with these parameters (all zero by default) and training characters. */
function write(name: string, fields: Record<string, unknown> = {}, layers = [35, 4, 2], values?: Float32Array): string {
  const parameters =
    values ?? new Float32Array(fields.parameters === undefined ? autoencoderSize(layers).parameters : 0);
  const json = {
    format: 'sia-ae-model',
    version: 1,
    kind: 'autoencoder',
    shape: { ...shape, layers },
    meta: { chars: ['a', 'b'] },
    parameters: Buffer.from(parameters.buffer).toString('base64'),
    arrays: {},
    ...fields,
  };
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

function usageError(file: string): string {
  try {
    readAutoencoder(file, backend);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message.replace(`${file}: `, '');
  }
  throw new Error(`${file} loaded`);
}

describe('font model files', () => {
  it('load when well formed', () => {
    const model = new Autoencoder(backend, { ...shape, layers: [...shape.layers] });
    model.initialise(new Rng(1));
    const file = path.join(dir, 'good.json');
    saveAutoencoder(file, model, loadFont().slice(1, 3));
    expect(readAutoencoder(file, backend).meta.chars).toEqual(['a', 'b']);
  });

  it('name a version of the wrong JSON type by its type', () => {
    expect(usageError(write('version', { version: '1' }))).toBe(
      'model file version "1" (a string), this sia-ae reads version 1',
    );
    expect(usageError(write('no-version', { version: undefined }))).toBe(
      'model file version missing, this sia-ae reads version 1',
    );
  });

  it("refuse an input other than a glyph's 35 pixels", () => {
    expect(usageError(write('input', {}, [36, 4, 2]))).toBe('not a font model (its input has 36 pixels, a glyph 35)');
  });

  it('refuse NaN and infinite weights', () => {
    const size = new Autoencoder(backend, { ...shape, layers: [35, 4, 2] }).store.size;
    const values = new Float32Array(size);
    values[7] = Number.NaN;
    expect(usageError(write('nan', {}, [35, 4, 2], values))).toBe('corrupt model file (value 7 is NaN)');
    values[7] = Number.POSITIVE_INFINITY;
    expect(usageError(write('inf', {}, [35, 4, 2], values))).toBe('corrupt model file (value 7 is Infinity)');
  });

  it('refuse training characters that are not distinct glyphs of the font', () => {
    const message = 'corrupt model file (its training characters are not distinct glyphs of the font)';
    for (const [name, chars] of [
      ['chars-missing', undefined],
      ['chars-numbers', [1, 2]],
      ['chars-text', 'ab'],
      ['chars-foreign', ['A']],
      ['chars-twice', ['a', 'a']],
      ['chars-empty', []],
    ] as const) {
      expect(usageError(write(name, { meta: { chars } }))).toBe(message);
    }
  });

  it('refuse a layer too big for memory before allocating it', () => {
    expect(usageError(write('huge', { parameters: '' }, [35, 100_000_000, 2]))).toMatch(
      /huge\.json needs about \d+ GiB of memory, more than the 2 GiB limit$/,
    );
  });
});

describe('the memory estimate', () => {
  it('counts parameters four times (values, gradients, two moments) and three floats per layer width per row', () => {
    expect(estimateBytes({ parameters: 10, widths: [3, 2] }, 4)).toBe(4 * (4 * 10 + 3 * 4 * 5));
  });

  it('names both numbers when refusing', () => {
    expect(() => checkMemory('--layers 35,100000000,2', autoencoderSize([35, 100_000_000, 2]), 64)).toThrow(
      /^--layers 35,100000000,2 needs about 256 GiB of memory, more than the 2 GiB limit$/,
    );
    expect(estimateBytes(autoencoderSize([35, 30, 2]), 64)).toBeLessThan(MEMORY_LIMIT_BYTES / 1000);
  });
});
