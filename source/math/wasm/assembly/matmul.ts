/**
 * Matmul in the GotoBLAS shape: the operands are copied ("packed") into contiguous panels so that a register-
 * blocked micro-kernel streams both with unit stride, whatever the transposes. The micro-kernel keeps a 4×8 block
 * of the output in eight f32x4 registers. A 6×8 block would load less per multiply, but V8 keeps one of x64's
 * sixteen vector registers for itself, and twelve accumulators plus B, A and a product spilled: measured slower.
 *
 * Blocking: a KC-deep slice of B (KC×NC) is packed once and stays in L2; for each MC-row block of A the packed
 * block stays in L2 too, while one KC×8 panel of B sits in L1 and the A panels stream past it.
 *
 * Every output element sums its products in the same order (p = 0, 1, …, in the same depth blocks) whatever
 * row/column range a call covers and whoever packed the operands, so splitting the output between threads
 * cannot change a single bit.
 */
import { madd } from './fma';
import { pack } from './pack';

const MR = 4;
const NR = 8;
const KC = 256;
const MC = 120;
const NC = 512;

/** The output tile of the micro-kernel, rows × columns: thread splits align to it. */
export function matmulTileRows(): i32 {
  return MR;
}

export function matmulTileColumns(): i32 {
  return NR;
}

/** Bytes of scratch one thread needs: the packed A block, the packed B block and one edge tile. */
export function matmulScratchBytes(): usize {
  return (MC * KC + KC * NC + MR * NR) << 2;
}

/**
 * out[i0..i1) × [j0..j1) of out (m×n) = op(a) · op(b) (+ out when accumulate), on one thread. Pointers are
 * byte offsets. op(a)(i, p) = a[i·ai + p·ap] with (ai, ap) = (k, 1), or (1, m) when transA; op(b) likewise.
 */
export function matmul(
  a: usize, b: usize, out: usize, m: i32, n: i32, k: i32,
  transA: bool, transB: bool, accumulate: bool,
  i0: i32, i1: i32, j0: i32, j1: i32, scratch: usize,
): void {
  blocked(a, b, out, m, n, k, transA, transB, accumulate, i0, i1, j0, j1, scratch, 0, 0);
}

/** Bytes that matmulPackShared writes: op(b) whole when the split is by rows, op(a) whole when by columns. */
export function matmulSharedBytes(m: i32, n: i32, k: i32, byRows: bool): usize {
  return (<usize>(byRows ? roundUp(n, NR) : roundUp(m, MR)) * <usize>k) << 2;
}

/**
 * Packs, once for every thread, the operand that all shares of a split matmul need whole: op(b) when the output
 * is split by rows, op(a) when by columns. Each depth block lies where blocked() looks for it (sharedOffset).
 */
export function matmulPackShared(
  a: usize, b: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool, byRows: bool, shared: usize,
): void {
  const kcMax = evenBlock(k, KC, 1);
  for (let pc = 0; pc < k; pc += kcMax) {
    const kc = min(kcMax, k - pc);
    if (byRows) {
      const bp = transB ? 1 : n, bj = transB ? k : 1;
      pack(b + ((<usize>(pc * bp)) << 2), bj, bp, n, kc, NR, shared + sharedOffset(n, NR, pc, 0, kc));
    } else {
      const ai = transA ? 1 : k, ap = transA ? m : 1;
      pack(a + ((<usize>(pc * ap)) << 2), ai, ap, m, kc, MR, shared + sharedOffset(m, MR, pc, 0, kc));
    }
  }
}

/**
 * One thread's part of a split matmul: claims shares of `share` rows (byRows) or columns from the counter until
 * none is left, and computes them with the operand packed by matmulPackShared. Threads that come late simply
 * find less left, so a thread that the machine's other work delays holds up nobody.
 */
export function matmulShares(
  a: usize, b: usize, out: usize, m: i32, n: i32, k: i32,
  transA: bool, transB: bool, accumulate: bool,
  byRows: bool, share: i32, counter: usize, shared: usize, scratch: usize,
): void {
  const length = byRows ? m : n;
  for (let start = atomic.add<i32>(counter, 1) * share; start < length; start = atomic.add<i32>(counter, 1) * share) {
    const end = min(length, start + share);
    if (byRows) blocked(a, b, out, m, n, k, transA, transB, accumulate, start, end, 0, n, scratch, 0, shared);
    else blocked(a, b, out, m, n, k, transA, transB, accumulate, 0, m, start, end, scratch, shared, 0);
  }
}

/**
 * The blocked loops. sharedA / sharedB, when not 0, hold that operand packed whole by matmulPackShared
 * (then the range covers all of its rows or columns); otherwise each block is packed here into scratch.
 */
function blocked(
  a: usize, b: usize, out: usize, m: i32, n: i32, k: i32,
  transA: bool, transB: bool, accumulate: bool,
  i0: i32, i1: i32, j0: i32, j1: i32, scratch: usize, sharedA: usize, sharedB: usize,
): void {
  if (i0 >= i1 || j0 >= j1) return;
  if (k == 0) {
    if (!accumulate) for (let i = i0; i < i1; i++) memory.fill(out + ((<usize>(i * n + j0)) << 2), 0, (j1 - j0) << 2);
    return;
  }
  const ai = transA ? 1 : k, ap = transA ? m : 1;
  const bp = transB ? 1 : n, bj = transB ? k : 1;
  const packedA = scratch;
  const packedB = packedA + ((MC * KC) << 2);
  const tile = packedB + ((KC * NC) << 2);
  const ldc = (<usize>n) << 2;
  // Equal blocks rather than full ones and a remnant: 784 deep runs as 4 × 196, not 3 × 256 + 16, which would
  // store the whole output once more for only sixteen products per element. The depth blocks depend on k alone,
  // so the summation order never depends on the range this call covers.
  const kcMax = evenBlock(k, KC, 1), ncMax = evenBlock(j1 - j0, NC, NR), mcMax = evenBlock(i1 - i0, MC, MR);
  for (let jc = j0; jc < j1; jc += ncMax) {
    const nc = min(ncMax, j1 - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = min(kcMax, k - pc);
      const load = accumulate || pc > 0;
      let blockB = packedB;
      if (sharedB) blockB = sharedB + sharedOffset(n, NR, pc, jc, kc);
      else pack(b + ((<usize>(pc * bp + jc * bj)) << 2), bj, bp, nc, kc, NR, packedB);
      for (let ic = i0; ic < i1; ic += mcMax) {
        const mc = min(mcMax, i1 - ic);
        let blockA = packedA;
        if (sharedA) blockA = sharedA + sharedOffset(m, MR, pc, ic, kc);
        else pack(a + ((<usize>(ic * ai + pc * ap)) << 2), ai, ap, mc, kc, MR, packedA);
        for (let jr = 0; jr < nc; jr += NR) {
          const panelB = blockB + ((<usize>(jr * kc)) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const panelA = blockA + ((<usize>(ir * kc)) << 2);
            const c = out + ((<usize>((ic + ir) * n + jc + jr)) << 2);
            const rows = min(MR, mc - ir), cols = min(NR, nc - jr);
            if (rows == MR && cols == NR) {
              kernel4x8(panelA, panelB, kc, c, ldc, load);
            } else {
              edgeTile(panelA, panelB, kc, c, ldc, load, rows, cols, tile);
            }
          }
        }
      }
    }
  }
}

/**
 * Where, in an operand of `lines` lines packed whole, the panels of depth block `pc` (kc deep) start at line
 * `line` (a multiple of the panel width): each depth block holds all panels, roundUp(lines, width) × kc floats.
 */
function sharedOffset(lines: i32, width: i32, pc: i32, line: i32, kc: i32): usize {
  return (<usize>(roundUp(lines, width) * pc + line * kc)) << 2;
}

function roundUp(value: i32, multiple: i32): i32 {
  return (value + multiple - 1) / multiple * multiple;
}

/** The size of the fewest blocks of at most `limit` (a multiple of `multiple`) that cover `length`, evened out. */
function evenBlock(length: i32, limit: i32, multiple: i32): i32 {
  const blocks = (length + limit - 1) / limit;
  return roundUp((length + blocks - 1) / blocks, multiple);
}

/** A partial block at the bottom or right edge: computed in a full-size tile, then the valid part copied out. */
function edgeTile(
  panelA: usize, panelB: usize, kc: i32, c: usize, ldc: usize, load: bool, rows: i32, cols: i32, tile: usize,
): void {
  const tileStride: usize = NR << 2, bytes = (<usize>cols) << 2;
  memory.fill(tile, 0, MR * NR * 4);
  if (load) for (let r = 0; r < rows; r++) memory.copy(tile + (<usize>r) * tileStride, c + (<usize>r) * ldc, bytes);
  kernel4x8(panelA, panelB, kc, tile, tileStride, true);
  for (let r = 0; r < rows; r++) memory.copy(c + (<usize>r) * ldc, tile + (<usize>r) * tileStride, bytes);
}

// @ts-ignore: decorator
@inline
function kernel4x8(pa: usize, pb: usize, kc: i32, c: usize, ldc: usize, load: bool): void {
  let c00 = f32x4.splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  if (load) {
    c00 = v128.load(c); c01 = v128.load(c, 16);
    c10 = v128.load(c + ldc); c11 = v128.load(c + ldc, 16);
    c20 = v128.load(c + 2 * ldc); c21 = v128.load(c + 2 * ldc, 16);
    c30 = v128.load(c + 3 * ldc); c31 = v128.load(c + 3 * ldc, 16);
  }
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00); c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd(a, b0, c10); c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd(a, b0, c20); c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd(a, b0, c30); c31 = madd(a, b1, c31);
    pa += MR << 2;
    pb += NR << 2;
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + ldc, c10); v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20); v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30); v128.store(c + 3 * ldc, c31, 16);
}
