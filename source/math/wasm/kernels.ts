/**
 * The compiled kernels (built from assembly/ by `npm run build:wasm`, which `npm install` runs) and their
 * signatures. There are two builds of the same source (asconfig.json): `simd`, and `fma`, whose multiply-adds
 * are fused (relaxed SIMD). Each module is compiled once per process and shared with the worker threads.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relaxedSimd } from './relaxed-simd.js';

/** Must equal --maximumMemory in package.json's build:wasm: an imported memory may not exceed the declared one. */
export const MAXIMUM_PAGES = 65536;

export type KernelBuild = 'simd' | 'fma';

const WASM_FILES: Record<KernelBuild, string> = {
  simd: fileURLToPath(new URL('./build/kernels.wasm', import.meta.url)),
  fma: fileURLToPath(new URL('./build/kernels-fma.wasm', import.meta.url)),
};

/** Pointers are byte offsets into the shared memory; booleans travel as 0 or 1. */
export interface Kernels {
  heapBase(): number;
  matmulScratchBytes(): number;
  matmulTileRows(): number;
  matmulTileColumns(): number;
  matmul(
    a: number,
    b: number,
    out: number,
    m: number,
    n: number,
    k: number,
    transA: number,
    transB: number,
    accumulate: number,
    i0: number,
    i1: number,
    j0: number,
    j1: number,
    scratch: number,
  ): void;
  matmulSharedBytes(m: number, n: number, k: number, byRows: number): number;
  matmulPackShared(
    a: number,
    b: number,
    m: number,
    n: number,
    k: number,
    transA: number,
    transB: number,
    byRows: number,
    shared: number,
  ): void;
  matmulShares(
    a: number,
    b: number,
    out: number,
    m: number,
    n: number,
    k: number,
    transA: number,
    transB: number,
    accumulate: number,
    byRows: number,
    share: number,
    counter: number,
    shared: number,
    scratch: number,
  ): void;
  biasActivate(x: number, bias: number, rows: number, cols: number, act: number): void;
  activationBackward(act: number, y: number, gradOut: number, gradIn: number, n: number): void;
  columnSums(x: number, rows: number, cols: number, out: number, accumulate: number): void;
  optimizerUpdate(
    params: number,
    grads: number,
    m: number,
    v: number,
    n: number,
    step: number,
    beta1: number,
    gain1: number,
    beta2: number,
    eps: number,
    inverse2: number,
    useSecondMoment: number,
  ): void;
}

const compiled = new Map<KernelBuild, WebAssembly.Module>();

/** Throws, saying what to run, when the build output is missing, or what is missing for the fused build. */
export function kernelModule(build: KernelBuild = 'simd'): WebAssembly.Module {
  let module = compiled.get(build);
  if (!module) {
    if (build === 'fma' && !relaxedSimd)
      throw new Error('this engine does not support relaxed SIMD (fused multiply-add)');
    const file = WASM_FILES[build];
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new Error(`the WebAssembly kernels are not built (${file}): run npm run build:wasm`);
    }
    module = new WebAssembly.Module(bytes);
    compiled.set(build, module);
  }
  return module;
}

export function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): Kernels {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Kernels;
}
