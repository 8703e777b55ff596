/** VAE and denoise runs in a fixed state for the screen tests: the plain TypeScript kernels, fixed seeds. */
import { loadFont } from '../source/data/font.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { startVaeRun } from '../source/commands/vae.js';
import { vaeRunInfo } from '../source/ui/vae/screen.js';
import { startFontTraining } from '../source/train/font.js';
import type { AutoencoderShape } from '../source/nn/autoencoder.js';
import { GlyphFeed } from '../source/ui/glyph-feed.js';
import { TripletScorer } from '../source/ui/denoise/scorer.js';
import { ModelSnapshot } from '../source/nn/model-snapshot.js';
import { createViewBackend } from '../source/math/select.js';
import type { DenoiseRunInfo } from '../source/ui/denoise/dashboard.js';
import { VaeFeed, type VaeFrame, type VaeRunInfo } from '../source/ui/vae/feed.js';

export const VAE_SETTINGS = { backend: 'cpu-js', trainSize: '256', validation: '200', batch: '64', epochs: '2' };

export const vaeInfo = vaeRunInfo;

/** A VAE trained 2 epochs on 256 images, every epoch fed; the clock-dependent numbers pinned. */
export async function fixedVae(settings: Record<string, string> = {}): Promise<{ info: VaeRunInfo; frame: VaeFrame }> {
  const run = await startVaeRun({ ...VAE_SETTINGS, ...settings }, undefined, 'every-epoch');
  const feed = new VaeFeed(
    run.trainings.map((t) => t.options.optimizer),
    () => 0,
  );
  // Stop before the done events: they score the 10,000 test images, which the screen does not show.
  let lastEpochs = 0;
  for await (const event of run.events) {
    feed.push(event);
    if (event.event.type === 'epoch' && event.event.epoch === run.plan.epochs && ++lastEpochs === run.trainings.length)
      break;
  }
  const frame = feed.frame();
  const runs = frame.runs.map((r) => ({
    ...r,
    batch: r.batch && { ...r.batch, samplesPerSecond: 1000, secondsLeft: 12 },
  }));
  return { info: vaeInfo(run), frame: { ...frame, runs, elapsedMs: 1234 } };
}

/** A denoising autoencoder trained `epochs` epochs on mutation noise. */
export function fixedDenoise(epochs: number) {
  const backend = new FastCpuBackend();
  const glyphs = loadFont();
  const noise = { model: 'mutation' as const, mutationProb: 0.3, maxNoise: 0.5 };
  const shape: AutoencoderShape = {
    layers: [35, 25, 12, 12],
    activation: 'tanh',
    latentActivation: 'tanh',
    outputActivation: 'sigmoid',
  };
  const feed = new GlyphFeed(() => 0);
  const { model, events } = startFontTraining(backend, glyphs, {
    shape: shape,
    loss: 'bce',
    optimizer: 'adam',
    lr: 0.01,
    epochs,
    batch: 32,
    target: -1,
    seed: 1,
    noise,
  });
  const info: DenoiseRunInfo = {
    glyphs,
    architecture: '35-25-12-12',
    noise: 'mutation p=0.3 max=0.5',
    backend: backend.name,
    maxEpochs: epochs,
    scorer: new TripletScorer(new ModelSnapshot(model, createViewBackend()), glyphs, noise, 10, 1),
  };
  return { info, feed, events };
}
