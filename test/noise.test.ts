/** The noise models have the statistics docs/CONTRACTS.md documents, measured over many pixels. */
import { describe, expect, it } from 'vitest';
import { addNoise } from '../source/data/noise.js';
import { Rng } from '../source/random.js';
import { firstDifference } from './helpers/arrays.js';

const N = 200_000;

/** Half the pixels on, half off, like a glyph set with more of both. */
function cleanPixels(): Float32Array {
  const clean = new Float32Array(N);
  for (let i = 0; i < N; i += 2) clean[i] = 1;
  return clean;
}

describe('mutation noise', () => {
  for (const [p, maxNoise] of [
    [0.1, 0.3],
    [0.3, 0.5],
    [0.5, 1],
  ]) {
    it(`p=${p} max=${maxNoise}: about p of the pixels move, toward the opposite value, by at most max`, () => {
      const clean = cleanPixels();
      const noisy = new Float32Array(N);
      addNoise({ model: 'mutation', mutationProb: p, maxNoise }, clean, noisy, new Rng(3));
      let moved = 0,
        total = 0,
        outside = 0;
      for (let i = 0; i < N; i++) {
        const amount = clean[i] === 1 ? 1 - noisy[i] : noisy[i];
        // float32 rounding of 1 − u: allow its last bit.
        if (amount < 0 || amount > maxNoise + 1e-7) outside++;
        if (amount > 0) moved++;
        total += amount;
      }
      expect(outside).toBe(0);
      // Binomial: 4 standard deviations of the fraction are well under 0.005 at N = 200,000.
      expect(Math.abs(moved / N - p)).toBeLessThan(0.005);
      // The mean move of a moved pixel is max / 2 (uniform on [0, max]).
      expect(total / moved).toBeCloseTo(maxNoise / 2, 2);
    });
  }

  it('p=0 leaves the glyphs alone; the same seed gives the same noise', () => {
    const clean = cleanPixels();
    const a = new Float32Array(N),
      b = new Float32Array(N),
      none = new Float32Array(N);
    addNoise({ model: 'mutation', mutationProb: 0, maxNoise: 0.5 }, clean, none, new Rng(1));
    expect(firstDifference(none, clean)).toBe(-1);
    addNoise({ model: 'mutation', mutationProb: 0.3, maxNoise: 0.5 }, clean, a, new Rng(9));
    addNoise({ model: 'mutation', mutationProb: 0.3, maxNoise: 0.5 }, clean, b, new Rng(9));
    expect(firstDifference(a, b)).toBe(-1);
  });
});

describe('salt-and-pepper noise', () => {
  for (const p of [0.05, 0.1, 0.3]) {
    it(`p=${p}: about p of the pixels flip, the rest stay`, () => {
      const clean = cleanPixels();
      const noisy = new Float32Array(N);
      addNoise({ model: 'salt-pepper', p }, clean, noisy, new Rng(5));
      let flipped = 0,
        other = 0;
      for (let i = 0; i < N; i++) {
        if (noisy[i] !== clean[i] && noisy[i] !== 1 - clean[i]) other++;
        if (noisy[i] !== clean[i]) flipped++;
      }
      expect(other).toBe(0);
      expect(Math.abs(flipped / N - p)).toBeLessThan(0.005);
    });
  }
});

describe('gaussian noise', () => {
  it('stays in [0, 1]; away from the clip its spread is sigma', () => {
    const sigma = 0.2;
    const mid = new Float32Array(N).fill(0.5);
    const noisy = new Float32Array(N);
    addNoise({ model: 'gaussian', sigma }, mid, noisy, new Rng(8));
    let sum = 0,
      squares = 0;
    for (const v of noisy) {
      sum += v - 0.5;
      squares += (v - 0.5) ** 2;
    }
    expect(Math.abs(sum / N)).toBeLessThan(0.003);
    // 2.5 sigma reach the clip at 0 and 1; clipping trims the spread only a little (< 2 %).
    expect(Math.sqrt(squares / N)).toBeGreaterThan(sigma * 0.97);
    expect(Math.sqrt(squares / N)).toBeLessThan(sigma * 1.01);

    const clean = cleanPixels();
    addNoise({ model: 'gaussian', sigma: 0.5 }, clean, noisy, new Rng(8));
    let clipped = 0,
      outside = 0;
    for (let i = 0; i < N; i++) {
      if (noisy[i] < 0 || noisy[i] > 1) outside++;
      if (noisy[i] === clean[i]) clipped++;
    }
    expect(outside).toBe(0);
    // Half of the draws push a 0 below 0 or a 1 above 1: they clip back onto the clean value.
    expect(Math.abs(clipped / N - 0.5)).toBeLessThan(0.005);
  });
});
