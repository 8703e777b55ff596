/// <reference types="@webgpu/types" />
/**
 * The device's kernels as ready-made dispatches: each call binds buffers and sizes once and returns a Dispatch
 * that a command encoder can replay on every step, so a training step builds nothing. Pipelines are compiled
 * once per kernel. Offsets are in elements into the flat parameter and gradient buffers.
 */
import { ACTIVATIONS, type Activation, type UpdateRule } from '../backend.js';
import * as WGSL from './wgsl.js';

export interface Dispatch {
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  groups: [number, number];
}

/** The update's constants; the bias corrections come per step from a buffer. */
export type UpdateConstants = Omit<UpdateRule, 'correction1' | 'correction2'>;

const MAX_GROUPS = 65535;

/** The tiled matmul's block of out; a smaller out takes the direct kernel. */
const TILE = 64;

/** Workgroups of 64 for n elements, spilling into y past 65535 (the kernels' flatIndex). */
function flatGroups(n: number): [number, number] {
  const groups = Math.max(1, Math.ceil(n / 64));
  return [Math.min(groups, MAX_GROUPS), Math.ceil(groups / MAX_GROUPS)];
}

export class Kernels {
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  /** The first error the device reported (a kernel that did not compile, a bad binding): reads throw it. */
  private failure: string | undefined;
  /** Every buffer made here, for release(). */
  private readonly made = new Set<GPUBuffer>();
  /** Buffers a submit fills and reads each time, kept by name (see scratch()). */
  private readonly scratches = new Map<string, GPUBuffer>();
  /** Mappable buffers for read(), free to take: one per read in flight at most, reused ever after. */
  private readonly staging: GPUBuffer[] = [];

  constructor(readonly device: GPUDevice) {
    device.addEventListener('uncapturederror', (event) => {
      this.failure ??= (event as GPUUncapturedErrorEvent).error.message;
    });
  }

  /** A storage buffer of `length` floats, zeroed or holding `data`. */
  buffer(length: number, data?: Float32Array | Uint32Array): GPUBuffer {
    const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
    const buffer = this.device.createBuffer({ size: Math.max(4, length * 4), usage });
    if (data) this.device.queue.writeBuffer(buffer, 0, data);
    this.made.add(buffer);
    return buffer;
  }

  /** out (m×n) = op(a)·op(b), as Backend.matmul; offsets into a, b and out. Tiled when out spans a tile. */
  matmul(
    [a, b, out]: GPUBuffer[],
    [m, n, k]: number[],
    { transA = false, transB = false, accumulate = false } = {},
    [aOffset, bOffset, outOffset] = [0, 0, 0],
  ): Dispatch {
    const flags = +transA | (+transB << 1) | (+accumulate << 2);
    const uniform = this.uniform([m, n, k, flags, aOffset, bOffset, outOffset]);
    const buffers = [uniform, a, b, out];
    if (m < TILE || n < TILE) {
      return this.dispatch(WGSL.MATMUL_DIRECT, buffers, [Math.ceil(n / 8), Math.ceil(m / 8)]);
    }
    return this.dispatch(WGSL.MATMUL_TILED, buffers, [Math.ceil(n / TILE), Math.ceil(m / TILE)]);
  }

  biasActivate(x: GPUBuffer, bias: GPUBuffer, rows: number, cols: number, act: Activation, biasOffset = 0): Dispatch {
    const uniform = this.uniform([rows, cols, ACTIVATIONS.indexOf(act), biasOffset]);
    return this.dispatch(WGSL.BIAS_ACTIVATE, [uniform, bias, x], flatGroups(rows * cols));
  }

  activationBackward(act: Activation, y: GPUBuffer, gradOut: GPUBuffer, gradIn: GPUBuffer, n: number): Dispatch {
    const uniform = this.uniform([n, ACTIVATIONS.indexOf(act)]);
    return this.dispatch(WGSL.ACTIVATION_BACKWARD, [uniform, y, gradOut, gradIn], flatGroups(n));
  }

  columnSums(x: GPUBuffer, rows: number, cols: number, out: GPUBuffer, accumulate: boolean, outOffset = 0): Dispatch {
    const uniform = this.uniform([rows, cols, +accumulate, outOffset]);
    return this.dispatch(WGSL.COLUMN_SUMS, [uniform, x, out], flatGroups(cols));
  }

  /** The update over n parameters; `corrections` holds [correction1, correction2], `halted` one u32. */
  update(
    [params, grads, m, v]: GPUBuffer[],
    [corrections, halted]: GPUBuffer[],
    n: number,
    rule: UpdateConstants,
  ): Dispatch {
    const floats = [rule.lr, rule.beta1, rule.gain1, rule.beta2, rule.eps];
    const uniform = this.uniform([n, +rule.useSecondMoment], floats);
    return this.dispatch(WGSL.UPDATE, [uniform, grads, corrections, halted, params, m, v], flatGroups(n));
  }

  /** ∂L/∂z of BCE through a sigmoid, (y − t) · scale: 1/n for the mean over elements, 1/rows per image. */
  bceSigmoidGradient(y: GPUBuffer, t: GPUBuffer, grad: GPUBuffer, n: number, scale = 1 / n): Dispatch {
    return this.dispatch(WGSL.BCE_SIGMOID_GRADIENT, [this.uniform([n], [scale]), y, t, grad], flatGroups(n));
  }

  /** stats = [mean BCE, most wrong pixels in a sample]; halted set once that is within `target`. */
  score([y, t]: GPUBuffer[], [stats, halted]: GPUBuffer[], count: number, features: number, target: number): Dispatch {
    const uniform = this.uniform([count, features], [target]);
    return this.dispatch(WGSL.SCORE, [uniform, y, t, stats, halted], [1, 1]);
  }

  /** x = `rows` images of `cols` pixels, image order[cursor[0] + r] for row r, unpacked through `levels`. */
  gatherRows([images, order, cursor, levels]: GPUBuffer[], x: GPUBuffer, rows: number, cols: number): Dispatch {
    const uniform = this.uniform([rows, cols]);
    return this.dispatch(WGSL.GATHER_ROWS, [uniform, images, order, cursor, levels, x], flatGroups(rows * cols));
  }

  reparameterise([mu, logvar, eps]: GPUBuffer[], z: GPUBuffer, n: number): Dispatch {
    return this.dispatch(WGSL.REPARAMETERISE, [this.uniform([n]), mu, logvar, eps, z], flatGroups(n));
  }

  /** ∂L/∂mu and ∂L/∂logvar from ∂L/∂z, plus `scale` · the KL term's gradient. */
  latentBackward([gradZ, eps, mu, logvar]: GPUBuffer[], [gradMu, gradLogvar]: GPUBuffer[], n: number, scale: number) {
    const buffers = [this.uniform([n], [scale]), gradZ, eps, mu, logvar, gradMu, gradLogvar];
    return this.dispatch(WGSL.LATENT_BACKWARD, buffers, flatGroups(n));
  }

  /** losses = [BCE, KL] per image of `rows`: pixels y against t, codes mu and logvar. */
  vaeLossRows([y, t, mu, logvar]: GPUBuffer[], losses: GPUBuffer, rows: number, [features, latent]: number[]) {
    const uniform = this.uniform([features, latent]);
    return this.dispatch(WGSL.VAE_LOSS_ROWS, [uniform, y, t, mu, logvar, losses], [rows, 1]);
  }

  /** stats[0..1] = the sums of the first `rows` pairs. */
  sumPairs(pairs: GPUBuffer, stats: GPUBuffer, rows: number): Dispatch {
    return this.dispatch(WGSL.SUM_PAIRS, [this.uniform([rows]), pairs, stats], [1, 1]);
  }

  /** Records the dispatches, in order, as one compute pass (each dispatch sees the writes of those before it). */
  record(encoder: GPUCommandEncoder, dispatches: readonly Dispatch[]): void {
    const pass = encoder.beginComputePass();
    for (const { pipeline, bindGroup, groups } of dispatches) {
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(groups[0], groups[1]);
    }
    pass.end();
  }

  /** Runs the dispatches now (the tests' way; the trainer records many steps per submit). */
  run(dispatches: readonly Dispatch[]): void {
    const encoder = this.device.createCommandEncoder();
    this.record(encoder, dispatches);
    this.device.queue.submit([encoder.finish()]);
  }

  /** Copies `ranges` ([buffer, first element, length]) into one mappable buffer and reads them back, in order. */
  async read(ranges: ReadonlyArray<[GPUBuffer, number, number]>, encoder = this.device.createCommandEncoder()) {
    const total = ranges.reduce((sum, [, , length]) => sum + length, 0);
    const staging = this.takeStaging(total * 4);
    const starts: number[] = [];
    let at = 0;
    for (const [buffer, first, length] of ranges) {
      encoder.copyBufferToBuffer(buffer, first * 4, staging, at * 4, length * 4);
      starts.push(at);
      at += length;
    }
    this.device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ, 0, total * 4);
    if (this.failure) throw new Error(`the GPU device reported an error: ${this.failure}`);
    const all = new Float32Array(staging.getMappedRange(0, total * 4).slice(0));
    staging.unmap();
    this.staging.push(staging);
    return ranges.map(([, , length], i) => all.subarray(starts[i], starts[i] + length));
  }

  /** A free staging buffer of at least `bytes`, or a new one (a read in flight holds its own). */
  private takeStaging(bytes: number): GPUBuffer {
    const free = this.staging.findIndex((buffer) => buffer.size >= bytes);
    if (free >= 0) return this.staging.splice(free, 1)[0];
    // Every free one is too small: replace one rather than keep one of every size.
    this.staging.pop()?.destroy();
    return this.device.createBuffer({
      size: Math.max(4, bytes),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
  }

  /** A uniform of u32 words followed by f32 words, in the order of the kernel's Params struct. */
  private uniform(words: number[], floats: number[] = []): GPUBuffer {
    const data = new ArrayBuffer(Math.ceil((words.length + floats.length) / 4) * 16);
    new Uint32Array(data, 0, words.length).set(words);
    new Float32Array(data, words.length * 4, floats.length).set(floats);
    const buffer = this.device.createBuffer({
      size: data.byteLength,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    this.device.queue.writeBuffer(buffer, 0, data);
    this.made.add(buffer);
    return buffer;
  }

  /**
   * The buffer called `name`, of at least `length` floats, holding `data` when given: what one submit uploads for
   * its steps (their ε, bias corrections) or copies its results into. Kept and reused by every later submit, so
   * a long run allocates nothing per submit (Dawn frees a buffer's memory only when its JS object is collected,
   * which V8 puts off: a buffer per submit grew RSS by ~10 MB over 60,000 steps). A queued write is ordered after
   * the submits before it, so refilling it never races the previous submit.
   */
  scratch(name: string, length: number, data?: Float32Array | Uint32Array): GPUBuffer {
    let buffer = this.scratches.get(name);
    if (!buffer || buffer.size < length * 4) {
      if (buffer) this.made.delete(buffer);
      buffer?.destroy();
      buffer = this.buffer(length);
      this.scratches.set(name, buffer);
    }
    if (data) this.device.queue.writeBuffer(buffer, 0, data);
    return buffer;
  }

  /** Frees every buffer made here (the device stays open for others). */
  release(): void {
    for (const buffer of [...this.made, ...this.staging]) buffer.destroy();
    this.made.clear();
    this.scratches.clear();
    this.staging.length = 0;
  }

  private dispatch(source: string, buffers: GPUBuffer[], groups: [number, number]): Dispatch {
    const pipeline = this.pipeline(source);
    const entries = buffers.map((buffer, binding) => ({ binding, resource: { buffer } }));
    return {
      pipeline,
      bindGroup: this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries }),
      groups,
    };
  }

  private pipeline(source: string): GPUComputePipeline {
    let pipeline = this.pipelines.get(source);
    if (!pipeline) {
      const module = this.device.createShaderModule({ code: source });
      pipeline = this.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
      this.pipelines.set(source, pipeline);
    }
    return pipeline;
  }
}
