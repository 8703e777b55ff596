/**
 * Loads and stores for element-wise loops: four lanes in the body, one lane (splat, lane 0) for the last few
 * elements, so the tail runs the very same vector arithmetic and rounds exactly like the body.
 */

// @ts-ignore: decorator
@inline
export function get(ptr: usize, whole: bool): v128 {
  return whole ? v128.load(ptr) : v128.load32_splat(ptr);
}

// @ts-ignore: decorator
@inline
export function put(ptr: usize, value: v128, whole: bool): void {
  if (whole) v128.store(ptr, value);
  else v128.store32_lane(ptr, value, 0);
}
