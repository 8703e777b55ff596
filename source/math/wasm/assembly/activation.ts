/**
 * Vectorised activations and their derivatives. exp follows Cephes' expf (Cody–Waite range reduction and a
 * degree-6 polynomial, about 1e-7 relative); tanh near zero uses Cephes' odd polynomial, because 1 − 2/(e^2x + 1)
 * loses its relative accuracy to cancellation there. Activation codes match the host's ACTIVATION_CODES.
 */

import { madd } from './fma';

export const IDENTITY = 0;
export const SIGMOID = 1;
export const TANH = 2;
export const RELU = 3;

// @ts-ignore: decorator
@inline
function exp(x: v128): v128 {
  // Clamped so that the exponent 2^n stays a normal float (n ≤ 127); e^±88 already saturates sigmoid and tanh.
  // pmin/pmax are one instruction each, where min/max carry rules for −0 that cost V8 a sequence (measured);
  // with x first, a NaN passes through (pmax(x, lo) = x < lo ? lo : x), so a diverging run still shows NaN.
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-87.3)), f32x4.splat(88.3));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  x = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  x = f32x4.sub(x, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let y = f32x4.splat(1.9875691500e-4);
  y = madd(y, x, f32x4.splat(1.3981999507e-3));
  y = madd(y, x, f32x4.splat(8.3334519073e-3));
  y = madd(y, x, f32x4.splat(4.1665795894e-2));
  y = madd(y, x, f32x4.splat(1.6666665459e-1));
  y = madd(y, x, f32x4.splat(5.0000001201e-1));
  y = f32x4.add(madd(y, f32x4.mul(x, x), x), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(y, scale);
}

// @ts-ignore: decorator
@inline
function sigmoid(z: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, exp(f32x4.neg(z))));
}

// @ts-ignore: decorator
@inline
function tanh(z: v128): v128 {
  const x = f32x4.abs(z), one = f32x4.splat(1);
  const far = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(exp(f32x4.add(x, x)), one)));
  const x2 = f32x4.mul(x, x);
  let near = f32x4.splat(-5.70498872745e-3);
  near = madd(near, x2, f32x4.splat(2.06390887954e-2));
  near = madd(near, x2, f32x4.splat(-5.37397155531e-2));
  near = madd(near, x2, f32x4.splat(1.33314422036e-1));
  near = madd(near, x2, f32x4.splat(-3.33332819422e-1));
  near = madd(f32x4.mul(near, x2), x, x);
  const magnitude = v128.bitselect(near, far, f32x4.lt(x, f32x4.splat(0.625)));
  // Copy the sign of z back onto |tanh z|.
  return v128.or(magnitude, v128.and(z, i32x4.splat(0x80000000)));
}

// @ts-ignore: decorator
@inline
export function activate(act: i32, z: v128): v128 {
  switch (act) {
    case SIGMOID: return sigmoid(z);
    case TANH: return tanh(z);
    case RELU: return f32x4.pmax(f32x4.splat(0), z); // 0 < z ? z : 0, as the reference
    default: return z;
  }
}

/** act′ written in terms of the output y, as the host's activationDerivative. */
// @ts-ignore: decorator
@inline
export function derivative(act: i32, y: v128): v128 {
  const one = f32x4.splat(1);
  switch (act) {
    case SIGMOID: return f32x4.mul(y, f32x4.sub(one, y));
    case TANH: return f32x4.sub(one, f32x4.mul(y, y));
    case RELU: return v128.and(one, f32x4.gt(y, f32x4.splat(0)));
    default: return one;
  }
}
