/**
 * The basic autoencoder on the font glyphs, as a stream of events. The loop reads top to bottom: evaluate the
 * current weights, report, stop at the target or the epoch limit, else train one more epoch.
 *
 * With one full batch (the default) the evaluation forward pass is also the training forward pass, so
 * evaluating every epoch costs nothing; the weights reported are exactly the weights evaluated.
 *
 * With `noise` it is the denoising autoencoder: the same loop, but every training step sees a fresh noisy copy
 * of its glyphs and is scored against the clean ones. Evaluation stays on the clean glyphs.
 */
import type { Backend } from '../math/backend.js';
import type { Glyph } from '../data/font.js';
import { DivergedError } from '../errors.js';
import { Autoencoder, type AutoencoderShape } from '../nn/autoencoder.js';
import { lossGradient, lossValue, type LossName } from '../nn/losses.js';
import { Optimizer, optimizerSettings, type OptimizerName } from '../nn/optim.js';
import { Rng } from '../random.js';
import { addNoise, type NoiseSpec } from '../data/noise.js';
import { mean, wrongPixels } from './pixels.js';

export interface FontTrainingOptions {
  shape: AutoencoderShape;
  loss: LossName;
  optimizer: OptimizerName;
  lr: number;
  /** Most epochs to train. */
  epochs: number;
  batch: number;
  /** Stop once every glyph has at most this many wrong pixels (−1: train every epoch). */
  target: number;
  seed: number;
  /** Denoising: train on fresh noisy copies each step, against the clean glyphs. */
  noise?: NoiseSpec;
}

/** What the screen and reporters see after each epoch. Arrays are copies: safe to keep. */
export interface GlyphEpoch {
  type: 'epoch';
  epoch: number;
  loss: number;
  maxPixelError: number;
  meanPixelError: number;
  perGlyph: number[];
  /** Reconstructions, glyph after glyph (35 values each). */
  outputs: Float32Array;
  /** Latent codes, glyph after glyph. */
  latent: Float32Array;
  elapsedMs: number;
}

export interface GlyphDone {
  type: 'done';
  last: GlyphEpoch;
  reachedTarget: boolean;
  model: Autoencoder;
}

export type GlyphEvent = GlyphEpoch | GlyphDone;

export interface FontTraining {
  /** The model being trained: the screen decodes, scores and saves it while it trains. */
  model: Autoencoder;
  events: Generator<GlyphEvent>;
}

/**
 * Starts training `loaded`, or a fresh model whose weights are the first draws from the run's Rng (seeded with
 * `options.seed`); the same Rng then shuffles and draws the noise, so a seed gives one run.
 */
export function startFontTraining(
  backend: Backend,
  glyphs: Glyph[],
  options: FontTrainingOptions,
  loaded?: Autoencoder,
): FontTraining {
  const rng = new Rng(options.seed);
  const model = loaded ?? new Autoencoder(backend, options.shape);
  if (!loaded) model.initialise(rng);
  return { model, events: trainModel(backend, glyphs, options, model, rng) };
}

/** Trains `model` (a fresh one when absent): startFontTraining's events, for callers that only need those. */
export function trainFont(
  backend: Backend,
  glyphs: Glyph[],
  options: FontTrainingOptions,
  model?: Autoencoder,
): Generator<GlyphEvent> {
  return startFontTraining(backend, glyphs, options, model).events;
}

function* trainModel(
  backend: Backend,
  glyphs: Glyph[],
  options: FontTrainingOptions,
  model: Autoencoder,
  rng: Rng,
): Generator<GlyphEvent> {
  const optimizer = new Optimizer(backend, model.store, optimizerSettings(options.optimizer, options.lr));
  const data = new GlyphBatches(backend, glyphs, Math.min(options.batch, glyphs.length));
  const lossSpec = { name: options.loss, perSample: false };
  const throughSigmoid = options.loss === 'bce' && options.shape.outputActivation === 'sigmoid';
  const started = performance.now();

  /** What the network sees of the clean batch x: x itself, or a fresh noisy copy. */
  const inputFor = (x: Float32Array, rows: number): Float32Array => {
    if (!options.noise) return x;
    const noisy = data.noisyBuffer(rows);
    addNoise(options.noise, x, noisy, rng);
    return noisy;
  };

  const trainBatch = (x: Float32Array, rows: number, output: Float32Array) => {
    const grad = data.gradBuffer(rows);
    lossGradient(lossSpec, output, x, grad, rows, data.features, throughSigmoid);
    model.backward(grad, rows, throughSigmoid);
    optimizer.step();
  };

  for (let epoch = 0; ; epoch++) {
    const latent = model.encode(data.all, data.count).slice();
    const outputs = model.decode(latent, data.count);
    const loss = lossValue(lossSpec, outputs, data.all, data.count, data.features);
    if (!Number.isFinite(loss)) {
      throw new DivergedError(`the loss became ${loss} at epoch ${epoch}: lower the learning rate (now ${options.lr})`);
    }
    const perGlyph = wrongPixels(outputs, data.all, data.count, data.features);
    const report: GlyphEpoch = {
      type: 'epoch',
      epoch,
      loss,
      perGlyph,
      outputs: outputs.slice(),
      latent,
      maxPixelError: Math.max(...perGlyph),
      meanPixelError: mean(perGlyph),
      elapsedMs: performance.now() - started,
    };
    yield report;
    const reachedTarget = report.maxPixelError <= options.target;
    if (reachedTarget || epoch >= options.epochs) {
      yield { type: 'done', last: report, reachedTarget, model };
      return;
    }
    if (data.fullBatch && !options.noise) trainBatch(data.all, data.count, outputs);
    else for (const [x, rows] of data.batches(rng)) trainBatch(x, rows, model.forward(inputFor(x, rows), rows));
  }
}

/** The glyphs as one matrix, and minibatches of it in a seeded order. */
class GlyphBatches {
  readonly all: Float32Array;
  readonly count: number;
  readonly features: number;
  readonly fullBatch: boolean;
  private readonly order: number[];
  private readonly batchBuffers = new Map<number, { x: Float32Array; grad: Float32Array; noisy: Float32Array }>();

  constructor(
    private readonly backend: Backend,
    glyphs: Glyph[],
    private readonly batch: number,
  ) {
    this.count = glyphs.length;
    this.features = glyphs[0].pixels.length;
    this.all = backend.alloc(this.count * this.features);
    glyphs.forEach((g, i) => this.all.set(g.pixels, i * this.features));
    this.fullBatch = batch >= this.count;
    this.order = glyphs.map((_, i) => i);
  }

  gradBuffer(rows: number): Float32Array {
    return this.buffers(rows).grad;
  }

  noisyBuffer(rows: number): Float32Array {
    return this.buffers(rows).noisy;
  }

  /** The whole set as one batch, or minibatches in a fresh seeded order. */
  *batches(rng: Rng): Generator<[Float32Array, number]> {
    if (this.fullBatch) {
      yield [this.all, this.count];
      return;
    }
    rng.shuffle(this.order);
    for (let start = 0; start < this.count; start += this.batch) {
      const rows = Math.min(this.batch, this.count - start);
      const { x } = this.buffers(rows);
      for (let r = 0; r < rows; r++) {
        const from = this.order[start + r] * this.features;
        x.set(this.all.subarray(from, from + this.features), r * this.features);
      }
      yield [x, rows];
    }
  }

  private buffers(rows: number) {
    let buffers = this.batchBuffers.get(rows);
    if (!buffers) {
      const size = rows * this.features;
      buffers = { x: this.backend.alloc(size), grad: this.backend.alloc(size), noisy: this.backend.alloc(size) };
      this.batchBuffers.set(rows, buffers);
    }
    return buffers;
  }
}
