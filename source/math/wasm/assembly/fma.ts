/**
 * a·b + c, four lanes. The kernels are compiled twice (asconfig.json): with relaxed SIMD this is one fused
 * multiply-add where the CPU has one (rounded once), without it a multiply and an add (rounded twice). The
 * builds therefore differ in the last bits; each on its own gives the same numbers every run.
 */

// @ts-ignore: decorator
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  // A compile-time constant: each build holds only one of the two branches.
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}
