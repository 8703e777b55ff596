/**
 * The WGSL compute kernels of the device trainer, one entry point each. Written here rather than through gpu.js's
 * WebGPU mode: these update in place, index in u32 (exact at any size, where gpu.js computes indices in f32), and
 * take element offsets into the flat parameter buffers, so one kernel instance serves every layer it is bound to.
 *
 * Every kernel reads its sizes and offsets from a uniform of u32 and f32 words (the `Params` struct).
 */

/** Activation codes shared with ops.ts: the order of ACTIVATIONS in math/backend.ts. */
const ACTIVATION_FUNCTIONS = /* wgsl */ `
fn activate(kind: u32, z: f32) -> f32 {
  switch kind {
    case 1u: { return 1.0 / (1.0 + exp(-z)); }
    // Clamped: some drivers compute tanh through exp, which overflows to inf/inf = NaN for large |z|.
    case 2u: { return tanh(clamp(z, -15.0, 15.0)); }
    case 3u: { return max(z, 0.0); }
    default: { return z; }
  }
}

fn derivative(kind: u32, y: f32) -> f32 {
  switch kind {
    case 1u: { return y * (1.0 - y); }
    case 2u: { return 1.0 - y * y; }
    case 3u: { return select(0.0, 1.0, y > 0.0); }
    default: { return 1.0; }
  }
}
`;

/** A 1-D index over a dispatch that may spill into y (at most 65535 workgroups per dimension). */
const FLAT_INDEX = /* wgsl */ `
fn flatIndex(id: vec3u, groups: vec3u) -> u32 {
  return id.x + id.y * groups.x * 64u;
}
`;

/** The matmul's sizes and flags: bit 0 transposes a, bit 1 transposes b, bit 2 accumulates into out. */
const MATMUL_BINDINGS = /* wgsl */ `
struct Params { m: u32, n: u32, k: u32, flags: u32, aOffset: u32, bOffset: u32, outOffset: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

fn loadA(row: u32, q: u32) -> f32 {
  if (row >= p.m || q >= p.k) { return 0.0; }
  if ((p.flags & 1u) != 0u) { return a[p.aOffset + q * p.m + row]; }
  return a[p.aOffset + row * p.k + q];
}

fn loadB(q: u32, col: u32) -> f32 {
  if (q >= p.k || col >= p.n) { return 0.0; }
  if ((p.flags & 2u) != 0u) { return b[p.bOffset + col * p.k + q]; }
  return b[p.bOffset + q * p.n + col];
}

fn store(row: u32, col: u32, value: f32) {
  let o = p.outOffset + row * p.n + col;
  var sum = value;
  if ((p.flags & 4u) != 0u) { sum += out[o]; }
  out[o] = sum;
}
`;

/**
 * out (m×n) = op(a)·op(b) (+ out), one thread per element of out: for small matrices (the font's, the VAE's
 * latent heads), where the tiled kernel's 64×64 blocks would leave most of their threads idle.
 */
export const MATMUL_DIRECT = /* wgsl */ `
${MATMUL_BINDINGS}
@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let i = id.y;
  let j = id.x;
  if (i >= p.m || j >= p.n) { return; }
  var sum = 0.0;
  for (var q = 0u; q < p.k; q++) { sum += loadA(i, q) * loadB(q, j); }
  store(i, j, sum);
}
`;

/**
 * out (m×n) = op(a)·op(b) (+ out), tiled: a workgroup of 16×16 threads computes a 64×64 block of out, each
 * thread 4×4 of it, from tiles of a and b staged in workgroup memory 16 deep, so each element read from storage
 * serves 64 multiply-adds. Each thread sums its products in order of q, as the direct kernel does. Tiles load
 * along the contiguous axis of each operand's layout, so neighbouring threads read neighbouring words.
 */
export const MATMUL_TILED = /* wgsl */ `
${MATMUL_BINDINGS}
// [q][row] and [q][col] of the current 16-deep slice.
var<workgroup> tileA: array<f32, 1024>;
var<workgroup> tileB: array<f32, 1024>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u) {
  let rowBase = group.y * 64u;
  let colBase = group.x * 64u;
  let lane = local.y * 16u + local.x;
  let transA = (p.flags & 1u) != 0u;
  let transB = (p.flags & 2u) != 0u;
  var acc: array<f32, 16>;
  for (var q0 = 0u; q0 < p.k; q0 += 16u) {
    for (var e = lane; e < 1024u; e += 256u) {
      // Along rows of a transposed a (q-major in memory), else along q; likewise for b.
      var q = e % 16u;
      var r = e / 16u;
      if (transA) { q = e / 64u; r = e % 64u; }
      tileA[q * 64u + r] = loadA(rowBase + r, q0 + q);
      var qb = e / 64u;
      var c = e % 64u;
      if (transB) { qb = e % 16u; c = e / 16u; }
      tileB[qb * 64u + c] = loadB(q0 + qb, colBase + c);
    }
    workgroupBarrier();
    for (var q = 0u; q < 16u; q++) {
      var av: array<f32, 4>;
      var bv: array<f32, 4>;
      for (var i = 0u; i < 4u; i++) {
        av[i] = tileA[q * 64u + local.y + 16u * i];
        bv[i] = tileB[q * 64u + local.x + 16u * i];
      }
      for (var i = 0u; i < 4u; i++) {
        for (var j = 0u; j < 4u; j++) { acc[i * 4u + j] += av[i] * bv[j]; }
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < 4u; i++) {
    let row = rowBase + local.y + 16u * i;
    for (var j = 0u; j < 4u; j++) {
      let col = colBase + local.x + 16u * j;
      if (row < p.m && col < p.n) { store(row, col, acc[i * 4u + j]); }
    }
  }
}
`;

/** x[r][c] = act(x[r][c] + bias[c]), in place. */
export const BIAS_ACTIVATE = /* wgsl */ `
struct Params { rows: u32, cols: u32, act: u32, biasOffset: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> bias: array<f32>;
@group(0) @binding(2) var<storage, read_write> x: array<f32>;
${ACTIVATION_FUNCTIONS}
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flatIndex(id, groups);
  if (i >= p.rows * p.cols) { return; }
  x[i] = activate(p.act, x[i] + bias[p.biasOffset + i % p.cols]);
}
`;

/** gradIn[i] = gradOut[i] · act′ at the output y[i]. */
export const ACTIVATION_BACKWARD = /* wgsl */ `
struct Params { n: u32, act: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> gradOut: array<f32>;
@group(0) @binding(3) var<storage, read_write> gradIn: array<f32>;
${ACTIVATION_FUNCTIONS}
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flatIndex(id, groups);
  if (i >= p.n) { return; }
  gradIn[i] = gradOut[i] * derivative(p.act, y[i]);
}
`;

/** out[c] = Σ_r x[r][c] (+ out when accumulate): one thread per column. */
export const COLUMN_SUMS = /* wgsl */ `
struct Params { rows: u32, cols: u32, accumulate: u32, outOffset: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let c = flatIndex(id, groups);
  if (c >= p.cols) { return; }
  var sum = 0.0;
  if (p.accumulate != 0u) { sum = out[p.outOffset + c]; }
  for (var r = 0u; r < p.rows; r++) { sum += x[r * p.cols + c]; }
  out[p.outOffset + c] = sum;
}
`;

/**
 * The optimizer update of math/backend.ts's UpdateRule over the flat parameter buffer. The bias corrections come
 * from a storage buffer (the trainer copies each step's pair there), and nothing moves once \`halted\` is set
 * (the trainer's target was reached earlier in the same submit).
 */
export const UPDATE = /* wgsl */ `
struct Params { n: u32, useSecondMoment: u32, lr: f32, beta1: f32, gain1: f32, beta2: f32, eps: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> grads: array<f32>;
@group(0) @binding(2) var<storage, read> corrections: array<f32>;
@group(0) @binding(3) var<storage, read> halted: array<u32>;
@group(0) @binding(4) var<storage, read_write> params: array<f32>;
@group(0) @binding(5) var<storage, read_write> m: array<f32>;
@group(0) @binding(6) var<storage, read_write> v: array<f32>;
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flatIndex(id, groups);
  if (i >= p.n || halted[0] != 0u) { return; }
  let g = grads[i];
  let mi = p.beta1 * m[i] + p.gain1 * g;
  m[i] = mi;
  if (p.useSecondMoment != 0u) {
    let vi = p.beta2 * v[i] + (1.0 - p.beta2) * g * g;
    v[i] = vi;
    params[i] -= (p.lr * (mi / corrections[0])) / (sqrt(vi / corrections[1]) + p.eps);
  } else {
    params[i] -= (p.lr * mi) / corrections[0];
  }
}
`;

/** ∂L/∂z of BCE through a sigmoid output: (y − t) · scale (1/n for a mean over elements, 1/rows per image). */
export const BCE_SIGMOID_GRADIENT = /* wgsl */ `
struct Params { n: u32, scale: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> t: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad: array<f32>;
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flatIndex(id, groups);
  if (i >= p.n) { return; }
  grad[i] = (y[i] - t[i]) * p.scale;
}
`;

/**
 * One workgroup scores a step: stats[0] = the mean BCE (predictions clipped as nn/losses.ts does), stats[1] = the
 * most wrong pixels of any sample; sets \`halted\` when that is within the target.
 */
export const SCORE = /* wgsl */ `
struct Params { count: u32, features: u32, limit: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> t: array<f32>;
@group(0) @binding(3) var<storage, read_write> stats: array<f32>;
@group(0) @binding(4) var<storage, read_write> halted: array<u32>;
var<workgroup> partial: array<f32, 64>;
var<workgroup> worst: atomic<u32>;

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  if (lane == 0u) { atomicStore(&worst, 0u); }
  workgroupBarrier();
  var total = 0.0;
  for (var s = lane; s < p.count; s += 64u) {
    var wrong = 0u;
    for (var f = 0u; f < p.features; f++) {
      let i = s * p.features + f;
      let q = clamp(y[i], 1e-7, 1.0 - 1e-7);
      total -= t[i] * log(q) + (1.0 - t[i]) * log(1.0 - q);
      if ((y[i] > 0.5) != (t[i] > 0.5)) { wrong++; }
    }
    atomicMax(&worst, wrong);
  }
  partial[lane] = total;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride /= 2u) {
    if (lane < stride) { partial[lane] += partial[lane + stride]; }
    workgroupBarrier();
  }
  if (lane == 0u) {
    let most = atomicLoad(&worst);
    stats[0] = partial[0] / f32(p.count * p.features);
    stats[1] = f32(most);
    if (f32(most) <= p.limit) { halted[0] = 1u; }
  }
}
`;

/**
 * x[r][c] = levels[pixel c of image order[cursor + r]]: a batch gathered on the device from images stored as
 * bytes, four to a word (a quarter of the memory of floats; `levels` maps a byte to the CPU's exact pixel value).
 * The cursor comes from a storage buffer, so one dispatch serves every batch of an epoch.
 */
export const GATHER_ROWS = /* wgsl */ `
struct Params { rows: u32, cols: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> images: array<u32>;
@group(0) @binding(2) var<storage, read> order: array<u32>;
@group(0) @binding(3) var<storage, read> cursor: array<u32>;
@group(0) @binding(4) var<storage, read> levels: array<f32>;
@group(0) @binding(5) var<storage, read_write> x: array<f32>;
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flatIndex(id, groups);
  if (i >= p.rows * p.cols) { return; }
  let pixel = order[cursor[0] + i / p.cols] * p.cols + i % p.cols;
  x[i] = levels[(images[pixel / 4u] >> ((pixel % 4u) * 8u)) & 255u];
}
`;

/** The VAE's sampled code, nn/gaussian.ts's reparameterise: z = mu + ε·exp(logvar / 2), ε drawn on the CPU. */
export const REPARAMETERISE = /* wgsl */ `
struct Params { n: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> mu: array<f32>;
@group(0) @binding(2) var<storage, read> logvar: array<f32>;
@group(0) @binding(3) var<storage, read> eps: array<f32>;
@group(0) @binding(4) var<storage, read_write> z: array<f32>;
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flatIndex(id, groups);
  if (i >= p.n) { return; }
  z[i] = mu[i] + eps[i] * exp(0.5 * logvar[i]);
}
`;

/**
 * nn/gaussian.ts's reparameteriseBackward followed by klGradient: from ∂L/∂z to ∂L/∂mu and ∂L/∂logvar, with
 * `scale` · the KL term's gradient added.
 */
export const LATENT_BACKWARD = /* wgsl */ `
struct Params { n: u32, scale: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> gradZ: array<f32>;
@group(0) @binding(2) var<storage, read> eps: array<f32>;
@group(0) @binding(3) var<storage, read> mu: array<f32>;
@group(0) @binding(4) var<storage, read> logvar: array<f32>;
@group(0) @binding(5) var<storage, read_write> gradMu: array<f32>;
@group(0) @binding(6) var<storage, read_write> gradLogvar: array<f32>;
${FLAT_INDEX}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = flatIndex(id, groups);
  if (i >= p.n) { return; }
  gradMu[i] = gradZ[i] + p.scale * mu[i];
  let variance = exp(logvar[i]);
  gradLogvar[i] = gradZ[i] * eps[i] * 0.5 * exp(0.5 * logvar[i]) + p.scale * 0.5 * (variance - 1.0);
}
`;

/**
 * One workgroup per image: losses[2r] = its BCE summed over the pixels (predictions clipped as nn/losses.ts
 * does), losses[2r + 1] = its KL divergence, −½ Σ (1 + logvar − mu² − exp(logvar)).
 */
export const VAE_LOSS_ROWS = /* wgsl */ `
struct Params { features: u32, latent: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> t: array<f32>;
@group(0) @binding(3) var<storage, read> mu: array<f32>;
@group(0) @binding(4) var<storage, read> logvar: array<f32>;
@group(0) @binding(5) var<storage, read_write> losses: array<f32>;
var<workgroup> partial: array<vec2f, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) lane: u32) {
  let r = group.x;
  var bce = 0.0;
  for (var f = lane; f < p.features; f += 64u) {
    let i = r * p.features + f;
    let q = clamp(y[i], 1e-7, 1.0 - 1e-7);
    bce -= t[i] * log(q) + (1.0 - t[i]) * log(1.0 - q);
  }
  var kl = 0.0;
  for (var l = lane; l < p.latent; l += 64u) {
    let j = r * p.latent + l;
    kl += 1.0 + logvar[j] - mu[j] * mu[j] - exp(logvar[j]);
  }
  partial[lane] = vec2f(bce, -0.5 * kl);
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride /= 2u) {
    if (lane < stride) { partial[lane] += partial[lane + stride]; }
    workgroupBarrier();
  }
  if (lane == 0u) {
    losses[2u * r] = partial[0].x;
    losses[2u * r + 1u] = partial[0].y;
  }
}
`;

/** stats = the sums of the rows' [reconstruction, KL] pairs, in one workgroup. */
export const SUM_PAIRS = /* wgsl */ `
struct Params { rows: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> pairs: array<vec2f>;
@group(0) @binding(2) var<storage, read_write> stats: array<vec2f>;
var<workgroup> partial: array<vec2f, 64>;

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  var sum = vec2f(0.0);
  for (var r = lane; r < p.rows; r += 64u) { sum += pairs[r]; }
  partial[lane] = sum;
  workgroupBarrier();
  for (var stride = 32u; stride > 0u; stride /= 2u) {
    if (lane < stride) { partial[lane] += partial[lane + stride]; }
    workgroupBarrier();
  }
  if (lane == 0u) { stats[0] = partial[0]; }
}
`;
