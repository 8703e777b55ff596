/** The GPU section of `sia-ae bench` as plain text: the device trainer beside the CPU trainers, within 80 columns. */
import type { GpuBenchReport, VaeGpuBench } from '../bench/gpu.js';
import { renderTable } from '../render/table.js';

function adapterLine({ adapter, reason }: GpuBenchReport): string {
  if (!adapter) return `no WebGPU adapter started: ${reason} (sia-ae doctor says why)`;
  const kind = adapter.software ? 'software: the CPU drawing as a GPU' : 'hardware';
  return `adapter: ${adapter.name}\n  ${kind}, Dawn flags ${adapter.flags.join(',')}`;
}

export function gpuSection(report: GpuBenchReport): string {
  return [
    `GPU: font autoencoder ${report.architecture}, full batch of ${report.batch}, Adam, ${report.epochs} epochs`,
    `a run; whole training steps/s, median of the repeats. webgpu records`,
    `${report.stepsPerSubmit} epochs per submit and reads back once per submit.`,
    adapterLine(report),
    '',
    renderTable(
      ['trainer', 'on', 'steps/s', 'samples/s'],
      report.rows.map((r) => [r.name, r.ranOn, r.stepsPerSecond.toFixed(0), r.samplesPerSecond.toFixed(0)]),
    ),
    '',
    ...(report.vae.length > 0 ? [vaeTable(report.vae)] : []),
  ].join('\n');
}

/** The VAE's training samples/s on the device beside the CPU's, and the ratio (the 5x and 20x). */
function vaeTable(rows: VaeGpuBench[]): string {
  return [
    `VAE, Adam: training samples/s over the first batches of MNIST, median of`,
    `the repeats; cpu is ${rows[0].cpuBackend}.`,
    '',
    renderTable(
      ['model', 'batch', 'webgpu', 'cpu', 'webgpu/cpu'],
      rows.map((r) => [
        r.architecture,
        String(r.batch),
        r.webgpu === undefined ? '-' : r.webgpu.toFixed(0),
        r.cpu.toFixed(0),
        r.speedup === undefined ? `not timed: ${r.skipped}` : `${r.speedup.toFixed(2)}x`,
      ]),
    ),
    '',
  ].join('\n');
}
