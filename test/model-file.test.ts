import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFont } from '../source/data/font.js';
import { UsageError } from '../source/errors.js';
import { writeFileAtomic } from '../source/io/atomic.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { Autoencoder } from '../source/nn/autoencoder.js';
import { readAutoencoder, saveAutoencoder } from '../source/nn/autoencoder-file.js';
import { Rng } from '../source/random.js';

const backend = new FastCpuBackend();
const shape = {
  layers: [35, 8, 2],
  activation: 'tanh',
  latentActivation: 'identity',
  outputActivation: 'sigmoid',
} as const;

describe('model files', () => {
  it('round-trip every parameter bit for bit, with the training characters', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-model-'));
    const model = new Autoencoder(backend, { ...shape, layers: [...shape.layers] });
    model.initialise(new Rng(1));
    saveAutoencoder(path.join(dir, 'm.json'), model, loadFont().slice(0, 3));
    const { model: loaded, meta } = readAutoencoder(path.join(dir, 'm.json'), backend);
    expect(Array.from(loaded.store.values)).toEqual(Array.from(model.store.values));
    expect(loaded.shape).toEqual(model.shape);
    expect(meta.chars).toEqual(['`', 'a', 'b']);
    expect(readdirSync(dir)).toEqual(['m.json']);
  });

  it('refuse foreign, truncated or mismatched files with a UsageError', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-model-'));
    const write = (name: string, content: unknown) => {
      writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
      return path.join(dir, name);
    };
    const base = { format: 'sia-ae-model', version: 1, kind: 'autoencoder', shape, meta: { chars: ['a'] } };
    expect(() => readAutoencoder(write('a', '{"format"'), backend)).toThrow(/not valid JSON/);
    expect(() => readAutoencoder(write('b', { hello: 1 }), backend)).toThrow(/not a sia-ae model/);
    expect(() => readAutoencoder(write('c', { ...base, version: 99 }), backend)).toThrow(/version 99/);
    expect(() => readAutoencoder(write('d', { ...base, kind: 'vae' }), backend)).toThrow(/holds a vae model/);
    expect(() => readAutoencoder(write('e', { ...base, parameters: 'AAAAAA==' }), backend)).toThrow(
      /1 parameters, the shape needs/,
    );
    expect(() => readAutoencoder(write('f', { ...base, parameters: 'AAAA', shape: { layers: 'x' } }), backend)).toThrow(
      UsageError,
    );
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-atomic-'));
    const file = path.join(dir, 'out.txt');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('leaves everything as it was when the write fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-atomic-'));
    mkdirSync(path.join(dir, 'taken'));
    writeFileSync(path.join(dir, 'taken', 'inside'), 'kept');
    expect(() => writeFileAtomic(path.join(dir, 'taken'), 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(path.join(dir, 'taken'))).toEqual(['inside']);
  });
});
