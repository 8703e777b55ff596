/**
 * The conformance suite every backend must pass: each kernel on random inputs, odd shapes included, compared
 * with the reference backend within 1e-4 (relative). The tests run it case by case; `sia-ae bench --check`
 * style scripts (bench/device-check.ts) run it on machines without vitest.
 */
import { ACTIVATIONS, type Backend, type UpdateRule } from './backend.js';
import { ReferenceBackend } from './reference.js';
import { Rng } from '../random.js';

export interface ConformanceCase {
  name: string;
  /** Inputs, copied into the backend's own buffers before each run. */
  inputs: Float32Array[];
  /** One or more kernel calls on the buffers; every buffer is compared afterwards. */
  run(backend: Backend, buffers: Float32Array[]): void;
}

// [125, 515, 263] takes two cache blocks of the WebAssembly matmul in every dimension (at most 120 rows, 512
// columns, 256 deep each), with ragged edges, and is big enough to be split between threads.
const SHAPES: Array<[number, number, number]> = [
  [1, 1, 1],
  [3, 5, 7],
  [32, 35, 60],
  [17, 2, 33],
  [9, 64, 4],
  [128, 20, 400],
  [5, 13, 784],
  [125, 515, 263],
];

export const RULES: Record<string, UpdateRule> = {
  sgd: { lr: 0.1, beta1: 0, gain1: 1, beta2: 0, eps: 0, correction1: 1, correction2: 1, useSecondMoment: false },
  adam: {
    lr: 0.01,
    beta1: 0.9,
    gain1: 0.1,
    beta2: 0.999,
    eps: 1e-8,
    correction1: 0.19,
    correction2: 0.002,
    useSecondMoment: true,
  },
};

export function conformanceCases(seed = 7): ConformanceCase[] {
  const rng = new Rng(seed);
  const random = (length: number) => Float32Array.from({ length }, () => rng.uniform(-1, 1));
  const cases: ConformanceCase[] = [];
  for (const [m, n, k] of SHAPES) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const accumulate of [false, true]) {
          cases.push({
            name: `matmul ${m}x${k}x${n} transA=${transA} transB=${transB} accumulate=${accumulate}`,
            inputs: [random(m * k), random(k * n), random(m * n)],
            run: (b, [a, bb, out]) => b.matmul(a, bb, out, m, n, k, transA, transB, accumulate),
          });
        }
      }
    }
  }
  const [rows, cols] = [13, 37];
  for (const act of ACTIVATIONS) {
    cases.push({
      name: `biasActivate (${act})`,
      inputs: [random(rows * cols), random(cols)],
      run: (b, [x, bias]) => b.biasActivate(x, bias, rows, cols, act),
    });
    const y = random(rows * cols).map((v) => (act === 'sigmoid' ? (v + 1) / 2 : v));
    cases.push({
      name: `activationBackward (${act})`,
      inputs: [y, random(rows * cols), new Float32Array(rows * cols)],
      run: (b, [yy, g, gin]) => b.activationBackward(act, yy, g, gin, rows * cols),
    });
  }
  for (const [r, c] of [
    [1, 1],
    [32, 35],
    [129, 7],
  ]) {
    for (const accumulate of [false, true]) {
      cases.push({
        name: `columnSums ${r}x${c} accumulate=${accumulate}`,
        inputs: [random(r * c), random(c)],
        run: (b, [x, out]) => b.columnSums(x, r, c, out, accumulate),
      });
    }
  }
  for (const [ruleName, rule] of Object.entries(RULES)) {
    const n = 1031;
    cases.push({
      name: `optimizerUpdate (${ruleName})`,
      inputs: [random(n), random(n), random(n), random(n).map(Math.abs)],
      run: (b, [p, g, m, v]) => b.optimizerUpdate(p, g, m, v, n, rule),
    });
  }
  return cases;
}

const reference = new ReferenceBackend();

/** Runs the case on `backend` and on the reference; returns the first difference beyond 1e-4, or undefined. */
export function differenceFromReference(backend: Backend, testCase: ConformanceCase): string | undefined {
  const mine = testCase.inputs.map((input) => {
    const buffer = backend.alloc(input.length);
    buffer.set(input);
    return buffer;
  });
  const theirs = testCase.inputs.map((input) => input.slice());
  testCase.run(backend, mine);
  testCase.run(reference, theirs);
  for (let b = 0; b < mine.length; b++) {
    for (let i = 0; i < theirs[b].length; i++) {
      const tolerance = 1e-4 * Math.max(1, Math.abs(theirs[b][i]));
      if (!(Math.abs(mine[b][i] - theirs[b][i]) <= tolerance)) {
        return `buffer ${b} element ${i}: ${mine[b][i]} differs from the reference ${theirs[b][i]}`;
      }
    }
  }
  return undefined;
}
