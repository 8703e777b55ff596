/**
 * Every kernel of every backend that starts here must match the reference within 1e-4 (relative), on random
 * shapes including odd ones. A backend that cannot start shows up as a skipped test naming the reason; with
 * SIA_AE_REQUIRE_GL=1 (CI, under xvfb) the GL backend must start.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type Backend, type UpdateRule } from '../source/math/backend.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { BACKEND_FACTORIES } from '../source/math/select.js';
import { Rng } from '../source/nn/random.js';

const reference = new ReferenceBackend();
// [125, 515, 263] takes two cache blocks of the WebAssembly matmul in every dimension (at most 120 rows, 512
// columns, 256 deep each), with ragged edges, and is big enough to be split between threads.
const SHAPES: Array<[number, number, number]> = [[1, 1, 1], [3, 5, 7], [32, 35, 60], [17, 2, 33], [9, 64, 4], [128, 20, 400], [5, 13, 784], [125, 515, 263]];
const REQUIRED = process.env.SIA_AE_REQUIRE_GL === '1' ? ['gpu.js:headlessgl'] : [];

function started(create: () => Backend): { backend?: Backend; reason?: string } {
  try {
    return { backend: create() };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

function randomArray(rng: Rng, length: number): Float32Array {
  const values = new Float32Array(length);
  for (let i = 0; i < length; i++) values[i] = rng.uniform(-1, 1);
  return values;
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tolerance = 1e-4 * Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
      throw new Error(`element ${i}: ${actual[i]} differs from the reference ${expected[i]}`);
    }
  }
}

/** Runs `op` on copies of the inputs with both backends and compares every buffer afterwards. */
function sameAsReference(backend: Backend, inputs: Float32Array[], op: (b: Backend, buffers: Float32Array[]) => void): void {
  const mine = inputs.map((input) => { const buffer = backend.alloc(input.length); buffer.set(input); return buffer; });
  const theirs = inputs.map((input) => input.slice());
  op(backend, mine);
  op(reference, theirs);
  mine.forEach((buffer, i) => expectClose(buffer, theirs[i]));
}

for (const { name, create } of BACKEND_FACTORIES.filter((f) => f.name !== 'reference')) {
  const { backend, reason } = started(create);
  if (!backend) {
    it.skipIf(!REQUIRED.includes(name))(`${name} cannot start here: ${reason}`, () => {
      throw new Error(`${name} is required here but cannot start: ${reason}`);
    });
    continue;
  }
  describe(backend.name, () => {
    const rng = new Rng(7);
    for (const [m, n, k] of SHAPES) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          it(`matmul ${m}x${k}x${n} transA=${transA} transB=${transB}`, () => {
            const inputs = [randomArray(rng, m * k), randomArray(rng, k * n), randomArray(rng, m * n)];
            for (const accumulate of [false, true]) {
              sameAsReference(backend, inputs, (b, [a, bb, out]) => b.matmul(a, bb, out, m, n, k, transA, transB, accumulate));
            }
          });
        }
      }
    }
    for (const act of ACTIVATIONS) {
      it(`biasActivate and activationBackward (${act})`, () => {
        const [rows, cols] = [13, 37];
        sameAsReference(backend, [randomArray(rng, rows * cols), randomArray(rng, cols)], (b, [x, bias]) => b.biasActivate(x, bias, rows, cols, act));
        const y = randomArray(rng, rows * cols).map((v) => (act === 'sigmoid' ? (v + 1) / 2 : v));
        sameAsReference(backend, [y, randomArray(rng, rows * cols), new Float32Array(rows * cols)],
          (b, [yy, g, gin]) => b.activationBackward(act, yy, g, gin, rows * cols));
      });
    }
    it('columnSums, fresh and accumulated', () => {
      for (const [rows, cols] of [[1, 1], [32, 35], [129, 7]]) {
        for (const accumulate of [false, true]) {
          sameAsReference(backend, [randomArray(rng, rows * cols), randomArray(rng, cols)], (b, [x, out]) => b.columnSums(x, rows, cols, out, accumulate));
        }
      }
    });
    const rules: Record<string, UpdateRule> = {
      sgd: { lr: 0.1, beta1: 0, gain1: 1, beta2: 0, eps: 0, correction1: 1, correction2: 1, useSecondMoment: false },
      adam: { lr: 0.01, beta1: 0.9, gain1: 0.1, beta2: 0.999, eps: 1e-8, correction1: 0.19, correction2: 0.002, useSecondMoment: true },
    };
    for (const [ruleName, rule] of Object.entries(rules)) {
      it(`optimizerUpdate (${ruleName})`, () => {
        const n = 1031;
        const v = randomArray(rng, n).map(Math.abs);
        sameAsReference(backend, [randomArray(rng, n), randomArray(rng, n), randomArray(rng, n), v], (b, [p, g, m, vv]) => b.optimizerUpdate(p, g, m, vv, n, rule));
      });
    }
  });
}
