/** Central differences, to check analytic gradients against the forward pass they belong to. */
import { expect } from 'vitest';
import type { Rng } from '../../source/random.js';

const STEP = 1e-3;

export function random(rng: Rng, n: number, low = -1, high = 1): Float32Array {
  return Float32Array.from({ length: n }, () => rng.uniform(low, high));
}

/** Central difference of f with respect to values[i], and whether its two one-sided differences disagree. */
function differences(f: () => number, values: Float32Array, i: number): { central: number; kinked: boolean } {
  const saved = values[i];
  const here = f();
  values[i] = saved + STEP;
  const up = f();
  values[i] = saved - STEP;
  const down = f();
  values[i] = saved;
  const right = (up - here) / STEP,
    left = (here - down) / STEP;
  return { central: (up - down) / (2 * STEP), kinked: Math.abs(right - left) > tolerance(right) + tolerance(left) };
}

const tolerance = (expected: number) => 2e-3 + 2e-2 * Math.abs(expected);

/**
 * With `skipKinks` a parameter whose step crosses a ReLU kink (the one-sided differences disagree, so no
 * difference quotient is the derivative) is skipped; at most a twentieth of them may be.
 */
export function expectGradientsMatch(
  analytic: Float32Array,
  f: () => number,
  values: Float32Array,
  { skipKinks = false } = {},
): void {
  let skipped = 0;
  for (let i = 0; i < values.length; i++) {
    const { central, kinked } = differences(f, values, i);
    if (skipKinks && kinked) {
      skipped++;
      continue;
    }
    expect(Math.abs(analytic[i] - central), `gradient ${i}: analytic ${analytic[i]}, numeric ${central}`).toBeLessThan(
      tolerance(central),
    );
  }
  expect(skipped, 'parameters skipped at ReLU kinks').toBeLessThanOrEqual(values.length / 20);
}
