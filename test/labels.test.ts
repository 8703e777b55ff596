/** The small words and numbers a student reads: rates, counts, units, backend names, count axes. */
import { describe, expect, it } from 'vitest';
import { backendDisplayName } from '../source/render/backend-name.js';
import { lineChart } from '../source/render/chart.js';
import { wholeNumber, wrongPixels } from '../source/render/format.js';
import { fontOutcomeLines } from '../source/render/font-outcome.js';
import type { FontResult } from '../source/train/font-result.js';

describe('labels', () => {
  it('rates are whole numbers, thousands set apart from 10,000 up (not 1.1e4)', () => {
    expect([0, 1499.6, 9999, 11_000, 10_960.4, 1_234_567].map(wholeNumber)).toEqual([
      '0',
      '1500',
      '9999',
      '11,000',
      '10,960',
      '1,234,567',
    ]);
  });

  it('one wrong pixel is singular', () => {
    expect([0, 1, 2].map(wrongPixels)).toEqual(['0 wrong pixels', '1 wrong pixel', '2 wrong pixels']);
    const result = { reachedTarget: true, target: 1, epochs: 9, trainSeconds: 0.1, meanPixelError: 0.1 } as FontResult;
    expect(fontOutcomeLines(result)[0]).toContain('(max 1 wrong pixel per glyph)');
  });

  it('every backend has a display name that says where it runs', () => {
    expect(
      ['wasm-simd-2t', 'wasm-simd', 'cpu-js', 'reference', 'gpu.js:headlessgl', 'gpu.js:webasm', 'other'].map(
        backendDisplayName,
      ),
    ).toEqual([
      'CPU, WebAssembly, 2 threads',
      'CPU, WebAssembly, 1 thread',
      'CPU, JavaScript',
      'CPU, plain JavaScript (reference)',
      'GPU, gpu.js headlessgl',
      'CPU, gpu.js webasm',
      'other',
    ]);
  });

  it('a count axis is labelled in whole numbers only', () => {
    const values = [0.0885, 0.4, 1, 0.2, 0];
    const labels = (count: boolean) =>
      lineChart([{ name: 'max wrong pixels', values }], { width: 30, height: 9, log: false, count })
        .slice(0, 7)
        .map((line) => line.slice(0, 8).trim())
        .filter((label) => label !== '');
    expect(labels(false)).toContain('0.833');
    expect(labels(true)).toEqual(['1', '0']);
  });
});
