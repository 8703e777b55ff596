/** The BCE value skips the logarithm whose weight is 0 (targets exactly 0 or 1): the same number, bit for bit. */
import { expect, it } from 'vitest';
import { lossValue } from '../source/nn/losses.js';
import { Rng } from '../source/random.js';

it('gives the BCE of the two-logarithm formula exactly, for targets 0, 1 and in between', () => {
  const rng = new Rng(3);
  const [batch, features] = [4, 50];
  const y = Float32Array.from({ length: batch * features }, () => rng.uniform(0, 1));
  const t = Float32Array.from({ length: batch * features }, (_, i) => [0, 1, rng.uniform(0, 1)][i % 3]);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const p = Math.min(Math.max(y[i], 1e-7), 1 - 1e-7);
    total -= t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p);
  }
  expect(lossValue({ name: 'bce', perSample: true }, y, t, batch, features)).toBe(total / batch);
});
