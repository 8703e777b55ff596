/**
 * The font autoencoder trained on a WebGPU device (math/webgpu/): the loop of train/font.ts with BCE through the
 * sigmoid, on the full batch, with the same Rng-initialised weights copied up once. `stepsPerSubmit` epochs are
 * recorded into one command buffer and read back once (their losses and most wrong pixels, the last outputs and
 * latent codes, and the parameters into the model on the CPU, which saves, previews and the explorer use), so
 * events come every `stepsPerSubmit` epochs, on its multiples. A target reached mid-submit stops the updates on
 * the device at that epoch, so the run ends where the CPU trainer's would.
 *
 * With `noise` it is the denoising autoencoder, as in train/font.ts: the noisy inputs are drawn on the CPU from the
 * run's Rng in the CPU trainer's order (one fresh copy of the glyphs per update, after the weights' draws), a
 * submit's worth uploaded at once; each update trains on its copy against the clean glyphs, while the evaluation,
 * and so every event's loss, outputs and wrong pixels, stays on the clean glyphs.
 */
import type { Glyph } from '../data/font.js';
import { addNoise, type NoiseSpec } from '../data/noise.js';
import { DivergedError } from '../errors.js';
import type { Backend } from '../math/backend.js';
import { DeviceAutoencoder } from '../math/webgpu/autoencoder.js';
import { Autoencoder } from '../nn/autoencoder.js';
import { correctionPairs, optimizerSettings, type OptimizerSettings } from '../nn/optim.js';
import { Rng } from '../random.js';
import type { FontTrainingOptions, GlyphEpoch, GlyphEvent } from './font.js';
import { mean, wrongPixels } from './pixels.js';

export interface DeviceFontOptions extends FontTrainingOptions {
  /** Epochs per submit and readback. */
  stepsPerSubmit: number;
}

export interface DeviceFontTraining {
  /** The model on the CPU, brought up to date at every event. */
  model: Autoencoder;
  events: AsyncGenerator<GlyphEvent>;
}

/**
 * Epochs per submit for a run that prints every `logEvery` epochs: the largest divisor of it up to 100, so that
 * every progress line falls on an event, and a submit is long enough to pay for its readback.
 */
export function stepsPerSubmitFor(logEvery: number): number {
  for (let k = Math.min(logEvery, 100); k > 1; k--) if (logEvery % k === 0) return k;
  return 1;
}

/** Why these options cannot train on the device yet, or undefined when they can. */
export function deviceUnsupported(options: FontTrainingOptions, glyphCount: number): string | undefined {
  if (options.loss !== 'bce' || options.shape.outputActivation !== 'sigmoid') return 'only BCE through a sigmoid';
  if (options.batch < glyphCount) return 'only the full batch (--batch at least the glyph count)';
  return undefined;
}

/** startFontTraining (train/font.ts) on the device: `mirror` is the backend of the model's CPU copy. */
export function startDeviceFontTraining(
  device: GPUDevice,
  mirror: Backend,
  glyphs: Glyph[],
  options: DeviceFontOptions,
  loaded?: Autoencoder,
): DeviceFontTraining {
  // One Rng for the weights and then the noise, as startFontTraining's, so a seed gives the CPU trainer's run.
  const rng = new Rng(options.seed);
  const model = loaded ?? new Autoencoder(mirror, options.shape);
  if (!loaded) model.initialise(rng);
  return { model, events: trainOnDevice(device, glyphs, options, model, rng) };
}

async function* trainOnDevice(
  device: GPUDevice,
  glyphs: Glyph[],
  options: DeviceFontOptions,
  model: Autoencoder,
  rng: Rng,
): AsyncGenerator<GlyphEvent> {
  const features = glyphs[0].pixels.length;
  const data = new Float32Array(glyphs.length * features);
  glyphs.forEach((g, i) => data.set(g.pixels, i * features));
  const settings = optimizerSettings(options.optimizer, options.lr);
  const { noise } = options;
  const net = new DeviceAutoencoder(device, model, data, glyphs.length, options.target, settings, Boolean(noise));
  const inputs = noise && ((updates: number) => noisyInputs(noise, data, updates, rng));
  const started = performance.now();
  try {
    for (let first = 0; ; ) {
      const last = Math.min(first === 0 ? 0 : first + options.stepsPerSubmit - 1, options.epochs);
      const chunk = await runChunk(net, settings, [first, last], options.target, inputs);
      const report = epochReport(chunk, data, glyphs.length, performance.now() - started);
      model.store.values.set(chunk.params);
      yield report;
      const reachedTarget = report.maxPixelError <= options.target;
      if (reachedTarget || report.epoch >= options.epochs) {
        yield { type: 'done', last: report, reachedTarget, model };
        return;
      }
      first = last + 1;
    }
  } finally {
    // Every event brought the weights into `model`, so the device's buffers are done with at the end or a stop
    // (auto's race and the bench start many trainings on one device).
    net.kernels.release();
  }
}

/** A denoising run's training inputs for a submit's `updates` updates, one noisy copy of the data after another. */
type NoisyInputs = (updates: number) => Float32Array;

/**
 * Draws the copies in the CPU trainer's order: its full batch is the glyphs in order (no shuffle), and each update
 * takes one addNoise over them. Copies drawn for updates after a reached target are never trained on, and the run
 * ends there, as the CPU trainer's does, so drawing them ahead changes nothing.
 */
function noisyInputs(noise: NoiseSpec, clean: Float32Array, updates: number, rng: Rng): Float32Array {
  const all = new Float32Array(updates * clean.length);
  for (let u = 0; u < updates; u++) addNoise(noise, clean, all.subarray(u * clean.length, (u + 1) * clean.length), rng);
  return all;
}

/** What one submit read back: the epoch it ends on and that epoch's numbers. */
interface Chunk {
  epoch: number;
  loss: number;
  outputs: Float32Array;
  latent: Float32Array;
  params: Float32Array;
}

/**
 * Records epochs first..last in one submit and reads back once: the update after the previous submit's last
 * epoch, then each epoch's evaluation followed by its update, except the last one's, so that the parameters read
 * back are the ones evaluated (as the CPU trainer's are when it reports). The chunk ends early, in what it
 * reports, at the first epoch that reached the target; the device made no update after it. A denoising update
 * first copies its noisy copy into the network's `noisy`.
 */
async function runChunk(
  net: DeviceAutoencoder,
  settings: OptimizerSettings,
  [first, last]: [number, number],
  target: number,
  inputs?: NoisyInputs,
): Promise<Chunk> {
  const { kernels } = net;
  const steps = last - first + 1;
  const history = kernels.scratch('history', steps * 2);
  // The updates after epochs max(first − 1, 0)..last − 1 are optimizer steps first..last (from 1).
  const firstUpdate = Math.max(first, 1);
  const updateCount = last - firstUpdate + 1;
  const corrections = kernels.scratch('corrections', updateCount * 2, correctionPairs(settings, firstUpdate, last));
  const bytes = net.data.size;
  const noisy = inputs && kernels.scratch('noisy', (updateCount * bytes) / 4, inputs(updateCount));
  const encoder = kernels.device.createCommandEncoder();
  let updates = 0;
  const update = () => {
    encoder.copyBufferToBuffer(corrections, updates * 8, net.corrections, 0, 8);
    if (noisy && net.noisy) encoder.copyBufferToBuffer(noisy, updates * bytes, net.noisy, 0, bytes);
    kernels.record(encoder, net.train);
    updates++;
  };
  if (first > 0) update();
  for (let k = 0; k < steps; k++) {
    kernels.record(encoder, net.forward);
    encoder.copyBufferToBuffer(net.stats, 0, history, k * 8, 8);
    if (first + k < last) update();
  }
  const [scores, outputs, latent, params] = await kernels.read(
    [
      [history, 0, steps * 2],
      [net.outputs, 0, net.count * net.model.inputSize],
      [net.latent, 0, net.count * net.model.latentSize],
      [net.params, 0, net.model.store.size],
    ],
    encoder,
  );
  const end = endOf(scores, first, target);
  return { epoch: first + end, loss: scores[end * 2], outputs, latent, params };
}

/** The index of the chunk's reported epoch: the last, or the first that diverged or reached the target. */
function endOf(scores: Float32Array, first: number, target: number): number {
  const steps = scores.length / 2;
  for (let k = 0; k < steps; k++) {
    const loss = scores[k * 2];
    if (!Number.isFinite(loss)) throw new DivergedError(`the loss became ${loss} at epoch ${first + k}`);
    if (scores[k * 2 + 1] <= target) return k;
  }
  return steps - 1;
}

function epochReport(chunk: Chunk, data: Float32Array, count: number, elapsedMs: number): GlyphEpoch {
  const perGlyph = wrongPixels(chunk.outputs, data, count, chunk.outputs.length / count);
  return {
    type: 'epoch',
    epoch: chunk.epoch,
    loss: chunk.loss,
    perGlyph,
    outputs: chunk.outputs.slice(),
    latent: chunk.latent.slice(),
    maxPixelError: Math.max(...perGlyph),
    meanPixelError: mean(perGlyph),
    elapsedMs,
  };
}
