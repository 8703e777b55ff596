/** Each WGSL kernel against the reference backend, on odd shapes (llvmpipe in CI; skipped with no adapter). */
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../source/math/backend.js';
import { RULES } from '../source/math/conformance.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { Kernels } from '../source/math/webgpu/kernels.js';
import { Rng } from '../source/random.js';
import { testDevice } from './webgpu-device.js';

const { opened } = await testDevice();
const reference = new ReferenceBackend();
const rng = new Rng(7);
const random = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));

function close(actual: Float32Array, expected: Float32Array) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i], 4);
}

describe.skipIf(!opened)('WGSL kernels match the reference backend', () => {
  const kernels = new Kernels(opened!.device);
  const read = async (buffer: GPUBuffer, length: number) => (await kernels.read([[buffer, 0, length]]))[0];
  afterAll(() => opened?.close());

  // Within one 64x64 tile and 16-deep slice, and across several of each with ragged edges.
  it.each([
    [7, 5, 13, false, false, false],
    [7, 5, 13, true, false, true],
    [7, 5, 13, false, true, false],
    [7, 5, 13, true, true, true],
    [70, 130, 37, false, false, true],
    [130, 70, 37, true, false, false],
    [65, 129, 33, false, true, true],
    [129, 65, 17, true, true, false],
  ])('matmul %ix%ix%i, transA %s, transB %s, accumulate %s', async (m, n, k, transA, transB, accumulate) => {
    const a = random(m * k),
      b = random(k * n),
      out = random(m * n);
    const device = [kernels.buffer(m * k, a), kernels.buffer(k * n, b), kernels.buffer(m * n, out)];
    kernels.run([kernels.matmul(device, [m, n, k], { transA, transB, accumulate })]);
    reference.matmul(a, b, out, m, n, k, transA, transB, accumulate);
    close(await read(device[2], m * n), out);
  });

  it('matmul reads and writes at offsets into flat buffers', async () => {
    const [m, n, k] = [3, 4, 5];
    const a = random(m * k + 2),
      b = random(k * n + 3),
      out = new Float32Array(m * n + 1);
    const device = [kernels.buffer(a.length, a), kernels.buffer(b.length, b), kernels.buffer(out.length)];
    kernels.run([kernels.matmul(device, [m, n, k], {}, [2, 3, 1])]);
    reference.matmul(a.subarray(2), b.subarray(3), out.subarray(1), m, n, k, false, false, false);
    close(await read(device[2], out.length), out);
  });

  it.each(ACTIVATIONS)('bias + %s forward and backward, 9x11', async (act) => {
    const [rows, cols] = [9, 11];
    const x = random(rows * cols),
      bias = random(cols + 1),
      gradOut = random(rows * cols);
    const xs = kernels.buffer(x.length, x),
      biases = kernels.buffer(bias.length, bias);
    const grads = kernels.buffer(gradOut.length, gradOut),
      gradIn = kernels.buffer(x.length);
    kernels.run([
      kernels.biasActivate(xs, biases, rows, cols, act, 1),
      kernels.activationBackward(act, xs, grads, gradIn, x.length),
    ]);
    reference.biasActivate(x, bias.subarray(1), rows, cols, act);
    const expected = new Float32Array(x.length);
    reference.activationBackward(act, x, gradOut, expected, x.length);
    close(await read(xs, x.length), x);
    close(await read(gradIn, x.length), expected);
  });

  it.each([false, true])('column sums of 13x6, accumulate %s', async (accumulate) => {
    const x = random(13 * 6),
      out = random(8);
    const device = kernels.buffer(out.length, out);
    kernels.run([kernels.columnSums(kernels.buffer(x.length, x), 13, 6, device, accumulate, 2)]);
    reference.columnSums(x, 13, 6, out.subarray(2), accumulate);
    close(await read(device, out.length), out);
  });

  it.each(Object.keys(RULES))('optimizer update (%s) over 101 parameters', async (name) => {
    const rule = RULES[name];
    const n = 101;
    const params = random(n),
      grads = random(n),
      m = random(n),
      v = random(n).map(Math.abs);
    const device = [params, grads, m, v].map((x) => kernels.buffer(n, x));
    const corrections = kernels.buffer(2, Float32Array.of(rule.correction1, rule.correction2));
    kernels.run([kernels.update(device, [corrections, kernels.buffer(1)], n, rule)]);
    reference.optimizerUpdate(params, grads, m, v, n, rule);
    close(await read(device[0], n), params);
    close(await read(device[2], n), m);
    close(await read(device[3], n), v);
  });
});
