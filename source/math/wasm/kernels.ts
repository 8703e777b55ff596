/**
 * The compiled kernels (built from assembly/ by `npm run build:wasm`, which `npm install` runs) and their
 * signatures. The module is compiled once per process and shared with the worker threads.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Must equal --maximumMemory in package.json's build:wasm: an imported memory may not exceed the declared one. */
export const MAXIMUM_PAGES = 65536;

const WASM_FILE = fileURLToPath(new URL('./build/kernels.wasm', import.meta.url));

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

let compiled: WebAssembly.Module | undefined;

/** Throws, saying what to run, when the build output is missing. */
export function kernelModule(): WebAssembly.Module {
  if (!compiled) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(WASM_FILE);
    } catch {
      throw new Error(`the WebAssembly kernels are not built (${WASM_FILE}): run npm run build:wasm`);
    }
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

export function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): Kernels {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Kernels;
}
