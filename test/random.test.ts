import { describe, expect, it } from 'vitest';
import { Rng } from '../source/random.js';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (rng) => () =>
            rng.nextUint32()
        )(new Rng(seed)),
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniforms with mean 1/2 and normals with mean 0 and variance 1', () => {
    const rng = new Rng(1);
    const n = 100_000;
    let sum = 0,
      normalSum = 0,
      normalSquares = 0;
    for (let i = 0; i < n; i++) {
      sum += rng.next();
      const z = rng.normal();
      normalSum += z;
      normalSquares += z * z;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(normalSum / n).toBeCloseTo(0, 1);
    expect(normalSquares / n).toBeCloseTo(1, 1);
  });

  it('continues exactly from a saved state', () => {
    const rng = new Rng(7);
    rng.normal();
    const copy = Rng.fromState(rng.state());
    expect([copy.normal(), copy.next(), copy.int(1000)]).toEqual([rng.normal(), rng.next(), rng.int(1000)]);
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    new Rng(3).shuffle(items);
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(items).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
