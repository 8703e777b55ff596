/** `sia-ae bench` as plain text: one table per section, backends side by side, within 80 columns. */
import type { KernelBenchReport, MatmulShape } from '../bench/kernels.js';
import type { VaeBenchReport } from '../bench/vae.js';
import { renderTable } from '../render/table.js';

/** "128x784x512 NN": op(A) is m x k, op(B) k x n; N/T: stored as is / transposed. */
export function shapeKey({ m, k, n, transA, transB }: MatmulShape): string {
  return `${m}x${k}x${n} ${transA ? 'T' : 'N'}${transB ? 'T' : 'N'}`;
}

export function kernelSection(report: KernelBenchReport): string {
  const names = report.backends.filter((b) => b.available).map((b) => b.name);
  return [
    'matmul GFLOP/s, median of the rounds. Shape m x k x n: op(A) is m x k, op(B)',
    'k x n; N/T: stored as is / transposed. A layer in-out at batch b runs forward',
    'b x in x out NN, then its weight gradient in x b x out TN and its input',
    "gradient b x out x in NT. Layers: 784-512, the VAE's 784-400 and 400-20 at",
    "batch 128; the font's 35-60 and 60-40 at batch 32 (forward only). The",
    'reference kernels are timed on the small shapes only.',
    '',
    renderTable(
      ['shape', ...names],
      report.rows.map(({ shape, gflops }) => [
        shapeKey(shape),
        ...names.map((name) => gflops[name]?.toFixed(2) ?? '-'),
      ]),
    ),
  ].join('\n');
}

export interface FontBenchRow {
  name: string;
  msPerEpoch: number;
  secondsToTarget?: number;
  seedsReached?: string;
}

export function fontSection(rows: FontBenchRow[], layers: number[], seeds: number, auto: string | undefined): string {
  return [
    `font autoencoder ${layers.join('-')}, full batch of 32, Adam: epochs/s (median of the`,
    `repeats); the defaults' median time to the target over ${seeds} seeds`,
    '',
    renderTable(
      ['backend', 'epochs/s', 'ms/epoch', 's to target', 'reached'],
      rows.map((r) => [
        r.name,
        (1000 / r.msPerEpoch).toFixed(0),
        r.msPerEpoch.toFixed(3),
        r.secondsToTarget?.toFixed(3) ?? '-',
        r.seedsReached ?? '-',
      ]),
    ),
    `fastest for the font network: ${auto ?? '-'}`,
    '',
  ].join('\n');
}

export function vaeSection(report: VaeBenchReport): string {
  const timed = report.backends.flatMap((b) => (b.timing ? [b.timing] : []));
  const [first] = timed;
  if (!first) return 'VAE: no backend could start\n';
  return [
    `VAE ${first.architecture}, batch ${first.batch}, Adam, real MNIST batches:`,
    `samples/s, median of ${first.steps} steps after a warm-up; peak memory`,
    `${Math.round(report.peakMemoryMB)} MB with MNIST loaded`,
    '',
    renderTable(
      ['backend', 'samples/s', 'ms/step'],
      timed.map((t) => [t.backend, t.samplesPerSecond.toFixed(0), ((t.batch * 1000) / t.samplesPerSecond).toFixed(2)]),
    ),
  ].join('\n');
}

/** Backends that did not start, one line each (the full reason is in --json). */
export function unavailableLines(
  backends: Array<{ name: string; available: boolean; reason?: string }>,
  columns = 80,
): string {
  const lines = backends
    .filter((b) => !b.available)
    .map((b) => {
      const line = `${b.name}: ${b.reason ?? 'cannot start'}`;
      return line.length > columns ? `${line.slice(0, columns - 1)}…` : line;
    });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
