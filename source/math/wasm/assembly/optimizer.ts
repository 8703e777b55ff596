/**
 * One optimizer step over every parameter at once (the host's UpdateRule):
 *   m = beta1·m + gain1·g;  v = beta2·v + (1 − beta2)·g²   (only with the second moment)
 *   p −= lr·(m / correction1) / (√(v / correction2) + eps)   or   p −= lr·m / correction1
 * The scalars arrive folded (step = lr / correction1, inverse2 = 1 / correction2) to save two divisions.
 */
import { madd } from './fma';
import { get, put } from './lanes';

export function optimizerUpdate(
  params: usize, grads: usize, m: usize, v: usize, n: i32,
  step: f32, beta1: f32, gain1: f32, beta2: f32, eps: f32, inverse2: f32, useSecondMoment: bool,
): void {
  const s = f32x4.splat(step), b1 = f32x4.splat(beta1), g1 = f32x4.splat(gain1);
  const b2 = f32x4.splat(beta2), g2 = f32x4.splat(1 - beta2), e = f32x4.splat(eps), i2 = f32x4.splat(inverse2);
  const n4 = n & ~3;
  let i = 0;
  if (useSecondMoment) {
    for (; i < n4; i += 4) adaptiveAt(params, grads, m, v, i, s, b1, g1, b2, g2, e, i2, true);
    for (; i < n; i++) adaptiveAt(params, grads, m, v, i, s, b1, g1, b2, g2, e, i2, false);
  } else {
    for (; i < n4; i += 4) momentumAt(params, grads, m, i, s, b1, g1, true);
    for (; i < n; i++) momentumAt(params, grads, m, i, s, b1, g1, false);
  }
}

// @ts-ignore: decorator
@inline
function firstMoment(grads: usize, m: usize, at: usize, beta1: v128, gain1: v128, whole: bool): v128 {
  const mi = madd(beta1, get(m + at, whole), f32x4.mul(gain1, get(grads + at, whole)));
  put(m + at, mi, whole);
  return mi;
}

// @ts-ignore: decorator
@inline
function momentumAt(
  params: usize, grads: usize, m: usize, i: i32, step: v128, beta1: v128, gain1: v128, whole: bool,
): void {
  const at = (<usize>i) << 2;
  const mi = firstMoment(grads, m, at, beta1, gain1, whole);
  put(params + at, f32x4.sub(get(params + at, whole), f32x4.mul(step, mi)), whole);
}

// @ts-ignore: decorator
@inline
function adaptiveAt(
  params: usize, grads: usize, m: usize, v: usize, i: i32,
  step: v128, beta1: v128, gain1: v128, beta2: v128, gain2: v128, eps: v128, inverse2: v128, whole: bool,
): void {
  const at = (<usize>i) << 2;
  const g = get(grads + at, whole);
  const mi = firstMoment(grads, m, at, beta1, gain1, whole);
  const vi = madd(beta2, get(v + at, whole), f32x4.mul(gain2, f32x4.mul(g, g)));
  put(v + at, vi, whole);
  const denominator = f32x4.add(f32x4.sqrt(f32x4.mul(vi, inverse2)), eps);
  put(params + at, f32x4.sub(get(params + at, whole), f32x4.div(f32x4.mul(step, mi), denominator)), whole);
}
