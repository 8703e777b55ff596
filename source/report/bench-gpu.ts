/** The GPU section of `sia-ae bench` as plain text: the device trainer beside the CPU trainers, within 80 columns. */
import type { GpuBenchReport } from '../bench/gpu.js';
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
  ].join('\n');
}
