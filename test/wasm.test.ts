/**
 * What the equality tests cannot see of the WebAssembly backend, on both builds of the kernels (plain SIMD and
 * fused multiply-add): the threaded matmul (it runs only once the workers have started, on big enough shapes),
 * that the thread split never changes a bit (so the worker threads run the fused build too), memory growth with
 * views held, arrays that do not come from alloc, workers that never keep the process alive, and the fallbacks.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../source/math/backend.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { selectBackend, selectCpuBackend } from '../source/math/select.js';
import { WasmBackend } from '../source/math/wasm/backend.js';
import { detectWasmSupport } from '../source/math/wasm/features.js';
import type { KernelBuild } from '../source/math/wasm/kernels.js';
import { relaxedSimd } from '../source/math/wasm/relaxed-simd.js';
import { THREADING_THRESHOLD } from '../source/math/wasm/threads.js';
import { Rng } from '../source/random.js';

const support = detectWasmSupport();

function filled(array: Float32Array, seed: number): Float32Array {
  const rng = new Rng(seed);
  for (let i = 0; i < array.length; i++) array[i] = rng.uniform(-1, 1);
  return array;
}

const BUILDS: Array<{ build: KernelBuild; runs: boolean }> = [
  { build: 'simd', runs: support.simd },
  { build: 'fma', runs: relaxedSimd },
];

describe.each(BUILDS.filter(({ runs }) => runs))('wasm backend, $build build', ({ build }) => {
  const single = new WasmBackend(1, build);
  const threaded = new WasmBackend(2, build);
  afterAll(() => {
    single.dispose();
    threaded.dispose();
  });

  // Taller than wide splits rows, wider than tall splits columns; both sizes are above the threshold.
  for (const [m, n, k] of [
    [301, 37, 400],
    [70, 517, 260],
  ]) {
    it(`splits a ${m}x${k}x${n} matmul between threads, bit for bit as on one thread`, () => {
      expect(m * n * k).toBeGreaterThanOrEqual(THREADING_THRESHOLD);
      expect(threaded.waitForThreads()).toBe(true);
      for (const [transA, transB] of [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ]) {
        const [a1, b1, out1] = [
          filled(single.alloc(m * k), 1),
          filled(single.alloc(k * n), 2),
          filled(single.alloc(m * n), 3),
        ];
        const [a2, b2, out2] = [threaded.alloc(m * k), threaded.alloc(k * n), threaded.alloc(m * n)];
        a2.set(a1);
        b2.set(b1);
        out2.set(out1);
        const splitsBefore = threaded.splitMatmuls;
        single.matmul(a1, b1, out1, m, n, k, transA, transB, true);
        threaded.matmul(a2, b2, out2, m, n, k, transA, transB, true);
        expect(threaded.splitMatmuls).toBe(splitsBefore + 1);
        expect(out2).toEqual(out1);
      }
    });
  }

  it('keeps small matmuls on the calling thread', () => {
    threaded.waitForThreads();
    const before = threaded.splitMatmuls;
    threaded.matmul(
      threaded.alloc(32 * 35),
      threaded.alloc(35 * 60),
      threaded.alloc(32 * 60),
      32,
      60,
      35,
      false,
      false,
      false,
    );
    expect(threaded.splitMatmuls).toBe(before);
  });

  it('keeps every view valid while the memory grows', () => {
    const early = filled(single.alloc(1000), 4);
    const copy = early.slice();
    const big = single.alloc(64 << 20); // 256 MB: forces the memory to grow
    big[big.length - 1] = 1;
    expect(early.length).toBe(1000);
    expect(early).toEqual(copy);
    const out = single.alloc(1);
    single.matmul(early, early, out, 1, 1, 1000, false, false, false); // the old view still works in a kernel
    expect(out[0]).toBeCloseTo(
      copy.reduce((sum, x) => sum + x * x, 0),
      2,
    );
  });

  for (const [act, exact] of [
    ['sigmoid', (z: number) => 1 / (1 + Math.exp(-z))],
    ['tanh', Math.tanh],
  ] as const) {
    it(`computes ${act} to 1e-6 relative (the vectorised exp)`, () => {
      const n = 200_003; // odd: the last elements take the one-lane tail
      const x = single.alloc(n);
      for (let i = 0; i < n; i++) x[i] = -30 + (60 * i) / (n - 1);
      const z = x.slice();
      single.biasActivate(x, single.alloc(n), 1, n, act);
      for (let i = 0; i < n; i++) {
        if (!(Math.abs(x[i] - exact(z[i])) <= 1e-6 * Math.abs(exact(z[i]))))
          throw new Error(`${act}(${z[i]}) = ${x[i]}, not ${exact(z[i])}`);
      }
    });
  }

  it('treats NaN, infinities and huge values like the reference (a diverging run must still show NaN)', () => {
    const special = [NaN, Infinity, -Infinity, 0, -0, 1e30, -1e30, 3e38, -3e38];
    for (const act of ACTIVATIONS) {
      const mine = single.alloc(special.length),
        theirs = Float32Array.from(special);
      mine.set(special);
      single.biasActivate(mine, single.alloc(special.length), 1, special.length, act);
      new ReferenceBackend().biasActivate(theirs, new Float32Array(special.length), 1, special.length, act);
      for (let i = 0; i < special.length; i++) {
        const same =
          mine[i] === theirs[i] ||
          (Number.isNaN(mine[i]) && Number.isNaN(theirs[i])) ||
          Math.abs(mine[i] - theirs[i]) <= 1e-6 * Math.max(1, Math.abs(theirs[i]));
        if (!same) throw new Error(`${act}(${special[i]}) = ${mine[i]}, the reference says ${theirs[i]}`);
      }
    }
  });

  it('accepts arrays that do not come from alloc, and writes the results back into them', () => {
    const [m, n, k] = [9, 13, 11];
    const a = filled(new Float32Array(m * k), 5),
      b = filled(new Float32Array(k * n), 6);
    const outside = filled(new Float32Array(m * n), 7),
      expected = outside.slice();
    single.matmul(a, b, outside, m, n, k, false, false, true);
    new ReferenceBackend().matmul(a, b, expected, m, n, k, false, false, true);
    for (let i = 0; i < expected.length; i++) expect(outside[i]).toBeCloseTo(expected[i], 4);
  });
});

describe('choosing the CPU backend', () => {
  it('falls back to the plain TypeScript kernels when SIMD is reported missing', () => {
    const { backend, reason } = selectCpuBackend({
      simd: false,
      fma: false,
      threads: 2,
      missing: ['WebAssembly SIMD is not supported by this engine'],
    });
    expect(backend.name).toBe('cpu-js');
    expect(reason).toContain('SIMD is not supported');
    backend.dispose();
  });

  it.skipIf(!support.simd)('takes one thread when threads are reported missing', () => {
    const { backend } = selectCpuBackend({ simd: true, fma: false, threads: 1, missing: ['only one core'] });
    expect(backend.name).toBe('wasm-simd');
    backend.dispose();
  });

  it.skipIf(!support.simd)('keeps the unfused kernels on a CPU without fused multiply-add, saying so', () => {
    const missing = ['this CPU has no fused multiply-add'];
    const { backend, reason } = selectCpuBackend({ simd: true, fma: false, threads: 2, missing });
    expect(backend.name).toBe('wasm-simd-2t');
    expect(reason).toBe('WebAssembly SIMD on 2 thread(s) (this CPU has no fused multiply-add)');
    backend.dispose();
  });

  it.skipIf(!relaxedSimd)('takes the fused kernels where the engine and the CPU have them, saying so', () => {
    const { backend, reason } = selectCpuBackend({ simd: true, fma: true, threads: 2, missing: [] });
    expect(backend.name).toBe('wasm-simd-fma-2t');
    expect(reason).toBe('WebAssembly SIMD with fused multiply-add on 2 thread(s)');
    backend.dispose();
  });

  it('says which backend --backend cpu picked', () => {
    const { backend, reason } = selectBackend('cpu', { m: 32, n: 60, k: 35 });
    expect(reason).toContain(backend.name);
    const wasm = `wasm-simd${support.fma ? '-fma' : ''}${support.threads > 1 ? '-2t' : ''}`;
    expect(backend.name).toBe(support.simd ? wasm : 'cpu-js');
    backend.dispose();
  });
});

it.skipIf(!support.fma)('fused and unfused builds differ in the last bits only', () => {
  const [m, n, k] = [64, 48, 300];
  const results = (['simd', 'fma'] as const).map((build) => {
    const backend = new WasmBackend(1, build);
    const out = backend.alloc(m * n);
    backend.matmul(filled(backend.alloc(m * k), 1), filled(backend.alloc(k * n), 2), out, m, n, k, false, false, false);
    backend.dispose();
    return out.slice();
  });
  const [unfused, fused] = results;
  expect(fused).not.toEqual(unfused);
  for (let i = 0; i < fused.length; i++) expect(Math.abs(fused[i] - unfused[i])).toBeLessThan(1e-5);
});

// In a fresh node, without --experimental-wasm-relaxed-simd on its command line, the worker thread runs the
// fused build too: importing the kernels set the flag for the whole process.
const freshBuild = relaxedSimd ? 'fma' : 'simd';
it.skipIf(!support.simd || support.threads < 2)(
  `never keeps the process alive, even without dispose() (${freshBuild} build)`,
  () => {
    const backendFile = fileURLToPath(new URL('../source/math/wasm/backend.ts', import.meta.url));
    const script = `
    import { WasmBackend } from ${JSON.stringify(backendFile)};
    const backend = new WasmBackend(2, '${freshBuild}');
    if (!backend.waitForThreads()) process.exit(3);
    const n = 256;
    backend.matmul(backend.alloc(n * n), backend.alloc(n * n), backend.alloc(n * n), n, n, n, false, false, false);
    if (backend.splitMatmuls !== 1) process.exit(4);`;
    // execFileSync throws on a non-zero exit and on the timeout, when a worker would hold the process open.
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000 });
  },
);
