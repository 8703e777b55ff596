/**
 * Relaxed SIMD, for the kernels' second build with fused multiply-add (kernels-fma.wasm). Node 20's V8 has it
 * behind --experimental-wasm-relaxed-simd; newer ones have it on. V8 reads the flag when it compiles a module, and
 * its flags are process-wide, so setting it here, when this file is first imported and before any kernels are
 * compiled, turns it on for the main thread and every worker thread alike. The flag is set only when the engine
 * lacks the feature: a V8 that no longer knows the flag would print an error for it.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * (module (func (export "madd") (param f32 f32 f32) (result f32)
 *   (f32x4.extract_lane 0 (f32x4.relaxed_madd (f32x4.splat a) (f32x4.splat b) (f32x4.splat c)))))
 */
// biome-ignore format: the bytes of a module read best in its sections, not one per line
const MADD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7d, 0x7d, 0x7d, 0x01, 0x7d, // types: (f32 f32 f32) -> f32
  0x03, 0x02, 0x01, 0x00, // functions: one of type 0
  0x07, 0x08, 0x01, 0x04, 0x6d, 0x61, 0x64, 0x64, 0x00, 0x00, // exports: "madd"
  0x0a, 0x16, 0x01, 0x14, 0x00, 0x20, 0x00, 0xfd, 0x13, 0x20, 0x01, 0xfd, 0x13, 0x20, 0x02, 0xfd, 0x13, // splats
  0xfd, 0x85, 0x02, 0xfd, 0x1f, 0x00, 0x0b, // f32x4.relaxed_madd, f32x4.extract_lane 0
]);

function validates(): boolean {
  return typeof WebAssembly === 'object' && WebAssembly.validate(MADD_PROBE);
}

if (!validates()) {
  try {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    // An engine without V8's flags: validates() below answers that relaxed SIMD is missing.
  }
}

/** Whether the engine validates relaxed-SIMD modules (with the flag above, where it was needed). */
export const relaxedSimd = validates();

/**
 * Whether relaxed_madd is one fused operation here: relaxed SIMD leaves it to the CPU, and on one without FMA
 * V8 emits a multiply and an add, which the other build does as well. (1 + 2⁻¹²)² − (1 + 2⁻¹¹) is 2⁻²⁴ exactly,
 * and only a fused multiply-add keeps it: rounding the product first to single precision loses it.
 */
export function maddIsFused(): boolean {
  if (!relaxedSimd) return false;
  const { madd } = new WebAssembly.Instance(new WebAssembly.Module(MADD_PROBE)).exports as {
    madd(a: number, b: number, c: number): number;
  };
  const a = Math.fround(1 + 2 ** -12);
  return madd(a, a, -Math.fround(1 + 2 ** -11)) === 2 ** -24;
}
