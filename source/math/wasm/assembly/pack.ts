/**
 * Packing for the matmul (matmul.ts): operands copied into the panel order its micro-kernel streams. A copy, so
 * it never changes a result; only how fast it copies depends on the layout.
 */

/**
 * Copies `lines` lines of a strided matrix into panels of `width` lines, interleaved along the depth:
 * panel q holds, for each p < depth, the elements (q·width + 0 … q·width + width − 1, p). Missing lines of the
 * last panel are zero, so the micro-kernel never needs a shorter variant.
 * src(line, p) = src[line·lineStride + p·depthStride].
 */
export function pack(
  src: usize, lineStride: i32, depthStride: i32, lines: i32, depth: i32, width: i32, dst: usize,
): void {
  const lineStep = (<usize>lineStride) << 2, depthStep = (<usize>depthStride) << 2;
  for (let q = 0; q < lines; q += width) {
    const count = min(width, lines - q);
    const panel = src + (<usize>q) * lineStep;
    if (lineStride == 1 && count == width) {
      // The lines are adjacent in memory: each depth step is one contiguous run, copied by vectors.
      for (let p = 0; p < depth; p++) {
        const from = panel + (<usize>p) * depthStep;
        let r = 0;
        for (; r + 4 <= width; r += 4) v128.store(dst + (<usize>r << 2), v128.load(from + (<usize>r << 2)));
        for (; r < width; r++) store<f32>(dst + (<usize>r << 2), load<f32>(from + (<usize>r << 2)));
        dst += (<usize>width) << 2;
      }
      continue;
    }
    let p = 0;
    if (depthStride == 1 && count == width) {
      // Each line's depth steps are adjacent: four at a time are read by vectors and turned into panel order.
      for (; p + 4 <= depth; p += 4, dst += (<usize>width) << 4) {
        transposeLines(panel + ((<usize>p) << 2), lineStep, width, dst);
      }
    }
    for (; p < depth; p++) {
      let from = panel + (<usize>p) * depthStep;
      for (let r = 0; r < count; r++, from += lineStep) store<f32>(dst + (<usize>r << 2), load<f32>(from));
      for (let r = count; r < width; r++) store<f32>(dst + (<usize>r << 2), 0);
      dst += (<usize>width) << 2;
    }
  }
}

/**
 * Four depth steps of `width` lines (a multiple of 4) that each lie in memory one after another: for each group
 * of four lines, four vector loads, a 4×4 transpose in registers and four vector stores, instead of sixteen
 * single-float loads and stores. dst receives the four depth steps one after another, `width` floats each.
 */
function transposeLines(src: usize, lineStep: usize, width: i32, dst: usize): void {
  const depthStep = (<usize>width) << 2;
  for (let g = 0; g < width; g += 4, src += lineStep << 2, dst += 16) {
    const r0 = v128.load(src), r1 = v128.load(src + lineStep);
    const r2 = v128.load(src + 2 * lineStep), r3 = v128.load(src + 3 * lineStep);
    const low01 = i32x4.shuffle(r0, r1, 0, 4, 1, 5), low23 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
    const high01 = i32x4.shuffle(r0, r1, 2, 6, 3, 7), high23 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
    v128.store(dst, i64x2.shuffle(low01, low23, 0, 2));
    v128.store(dst + depthStep, i64x2.shuffle(low01, low23, 1, 3));
    v128.store(dst + 2 * depthStep, i64x2.shuffle(high01, high23, 0, 2));
    v128.store(dst + 3 * depthStep, i64x2.shuffle(high01, high23, 1, 3));
  }
}
