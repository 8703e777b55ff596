/** The VAE's export, built in-process from a short deterministic run (cpu-js kernels, the same on every machine). */
import { describe, expect, it } from 'vitest';
import { loadDataset, splitDataset } from '../source/data/mnist.js';
import { exportFiles } from '../source/export/bundle.js';
import { vaeExport } from '../source/export/vae.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { vaeHistory } from '../source/train/history.js';
import { VaeTraining, type VaeDoneEvent } from '../source/train/vae.js';
import { vaeResult } from '../source/train/vae-result.js';
import { expectValidXml, inkShare, pngSize } from './helpers/svg.js';

/** 512 images for one epoch through 784-32-2; timings zeroed so that the report is the same on every run. */
function exportOfShortRun() {
  const dataset = loadDataset('mnist');
  const backend = new FastCpuBackend();
  const training = new VaeTraining(backend, splitDataset(dataset, 256, 512), {
    shape: { input: 784, hidden: [32], latent: 2 },
    optimizer: 'adam',
    lr: 1e-3,
    epochs: 2,
    batch: 128,
    seed: 1,
  });
  const history = vaeHistory('adam');
  let done: VaeDoneEvent | undefined;
  for (const event of training.run()) {
    if (event.type === 'epoch') Object.assign(event, { samplesPerSecond: 0, trainSeconds: 0, secondsLeft: 0 });
    history.onEvent({ optimizer: 'adam', event });
    if (event.type === 'done') done = event;
  }
  const result = vaeResult(training, done!, {
    dataset: 'mnist',
    backend: backend.name,
    backendReason: 'asked for the plain TypeScript kernels',
  });
  const line = { event: 'result', ...result };
  const config = {
    dataset: 'mnist',
    layers: [32],
    latent: 2,
    optimizer: 'adam',
    lr: 1e-3,
    epochs: 2,
    batch: 128,
    validation: 256,
    trainSize: 512,
    seed: 1,
  };
  const bundle = vaeExport({
    config,
    classNames: dataset.classNames,
    runs: [{ result, last: done!.last, history: history.rows }],
    result: line,
  });
  return { bundle, line, history: history.rows, files: new Map(exportFiles(bundle).map((f) => [f.name, f.data])) };
}

describe('VAE export', () => {
  const { bundle, line, history, files } = exportOfShortRun();

  it('draws the loss curves, the class scatter and the digit grids, each valid XML with ink on it', () => {
    expect(bundle.figures.map((f) => [f.name, f.png ?? false])).toEqual([
      ['loss', false],
      ['latent', false],
      ['reconstructions', true],
      ['latent-grid', true],
    ]);
    for (const figure of bundle.figures) {
      expectValidXml(figure.svg);
      expect(inkShare(figure.svg, 0.5), figure.name).toBeGreaterThan(0.01);
    }
  });

  it("renders each digit grid to a PNG of twice the SVG's size that is not blank", () => {
    for (const figure of bundle.figures.filter((f) => f.png)) {
      const [, width, height] = figure.svg.match(/<svg[^>]* width="(\d+)" height="(\d+)"/)!.map(Number);
      expect(pngSize(files.get(`${figure.name}.png`) as Buffer)).toEqual({ width: 2 * width, height: 2 * height });
      expect(inkShare(figure.svg)).toBeGreaterThan(0.2);
    }
  });

  it("holds the result's own numbers: result.json, the summary and the history", () => {
    expect(JSON.parse(files.get('result.json') as string)).toEqual(line);
    const csv = (name: string) =>
      (files.get(name) as string)
        .trimEnd()
        .split('\n')
        .map((row) => row.split(','));
    expect(Object.fromEntries(csv('summary.csv').slice(1))).toMatchObject({
      testLoss: String(line.testLoss),
      validationLoss: String(line.validationLoss),
    });
    expect(csv('history.csv')[0]).toEqual([
      'epoch',
      'trainLoss',
      'trainKl',
      'validationLoss',
      'samplesPerSecond',
      'trainSeconds',
    ]);
    expect(
      csv('history.csv')
        .slice(1)
        .map((row) => row.map(Number)),
    ).toEqual(history.map((row) => Object.values(row)));
    expect(history.at(-1)).toMatchObject({ epoch: 2, trainLoss: line.trainLoss, validationLoss: line.validationLoss });
  });

  it('ties it together in report.md', () => {
    expect(files.get('report.md')).toMatchSnapshot();
  });
});
