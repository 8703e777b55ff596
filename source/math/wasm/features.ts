/**
 * What this JavaScript engine offers the WebAssembly kernels. The kernels need SIMD; threads need shared
 * WebAssembly memory; the fused build needs relaxed SIMD and a CPU that fuses its multiply-add. Each check
 * answers with the reason when it fails, so the fallback can say why.
 */
import { availableParallelism } from 'node:os';
import { maddIsFused, relaxedSimd } from './relaxed-simd.js';

/** (module (func (result v128) v128.const 0)): valid only where the engine knows SIMD. */
const SIMD_PROBE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // magic, version 1
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // types: () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // functions: one of type 0
  0x0a,
  0x16,
  0x01,
  0x14,
  0x00,
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0),
  0x0b, // code: v128.const 0
]);

export interface WasmSupport {
  simd: boolean;
  /** Whether the kernels with fused multiply-add (relaxed SIMD) run here, fused. */
  fma: boolean;
  /** How many threads the kernels may use: 1 without shared memory or a second core, else 2. */
  threads: number;
  /** Why SIMD or threads are missing; empty when everything is there. */
  missing: string[];
}

export function detectWasmSupport(): WasmSupport {
  const missing: string[] = [];
  const simd = typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  if (!simd) missing.push('WebAssembly SIMD is not supported by this engine');
  const fma = simd && fusedMultiplyAdd(missing);
  let threads = Math.min(2, availableParallelism());
  if (threads < 2) missing.push('only one core');
  if (!sharedMemoryWorks()) {
    threads = 1;
    missing.push('shared WebAssembly memory is not available');
  }
  return { simd, fma, threads, missing };
}

/** On a CPU without FMA relaxed_madd is a multiply and an add: the plain build then does the same work. */
function fusedMultiplyAdd(missing: string[]): boolean {
  if (!relaxedSimd) {
    missing.push('relaxed SIMD (fused multiply-add) is not supported by this engine');
    return false;
  }
  const fused = maddIsFused();
  if (!fused) missing.push('this CPU has no fused multiply-add');
  return fused;
}

function sharedMemoryWorks(): boolean {
  try {
    return new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
  } catch {
    return false;
  }
}
