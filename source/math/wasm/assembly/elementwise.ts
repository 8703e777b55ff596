/**
 * The kernels around the matmuls, four lanes at a time; each loop's body is written once, as an inline
 * function of `whole`, and runs on four lanes in the loop and on one lane for the tail (see lanes.ts).
 */
import { activate, derivative } from './activation';
import { get, put } from './lanes';

/** x[r][c] = act(x[r][c] + bias[c]), in place. */
export function biasActivate(x: usize, bias: usize, rows: i32, cols: i32, act: i32): void {
  const cols4 = cols & ~3;
  for (let r = 0; r < rows; r++) {
    let c = 0;
    for (; c < cols4; c += 4) biasActivateAt(x, bias, c, act, true);
    for (; c < cols; c++) biasActivateAt(x, bias, c, act, false);
    x += (<usize>cols) << 2;
  }
}

// @ts-ignore: decorator
@inline
function biasActivateAt(x: usize, bias: usize, c: i32, act: i32, whole: bool): void {
  const at = (<usize>c) << 2;
  put(x + at, activate(act, f32x4.add(get(x + at, whole), get(bias + at, whole))), whole);
}

/** gradIn[i] = gradOut[i] · act′(y[i]). */
export function activationBackward(act: i32, y: usize, gradOut: usize, gradIn: usize, n: i32): void {
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) activationBackwardAt(act, y, gradOut, gradIn, i, true);
  for (; i < n; i++) activationBackwardAt(act, y, gradOut, gradIn, i, false);
}

// @ts-ignore: decorator
@inline
function activationBackwardAt(act: i32, y: usize, gradOut: usize, gradIn: usize, i: i32, whole: bool): void {
  const at = (<usize>i) << 2;
  put(gradIn + at, f32x4.mul(get(gradOut + at, whole), derivative(act, get(y + at, whole))), whole);
}

/** out[c] = Σ_r x[r][c] (+ out when accumulate), summing the rows in order. */
export function columnSums(x: usize, rows: i32, cols: i32, out: usize, accumulate: bool): void {
  if (!accumulate) memory.fill(out, 0, (<usize>cols) << 2);
  const cols4 = cols & ~3;
  for (let r = 0; r < rows; r++) {
    let c = 0;
    for (; c < cols4; c += 4) addAt(out, x, c, true);
    for (; c < cols; c++) addAt(out, x, c, false);
    x += (<usize>cols) << 2;
  }
}

// @ts-ignore: decorator
@inline
function addAt(out: usize, x: usize, c: i32, whole: bool): void {
  const at = (<usize>c) << 2;
  put(out + at, f32x4.add(get(out + at, whole), get(x + at, whole)), whole);
}
