/**
 * Prints matmul GFLOP/s per backend for the models' shapes: `npx tsx bench/kernels.ts [--rounds N] [--backends a,b]`.
 * Run it under `xvfb-run -a` to include gpu.js's headless-gl mode.
 */
import { parseArgs } from 'node:util';
import { benchKernels } from '../source/bench/kernels.js';
import { renderTable } from '../source/render/table.js';

const { values } = parseArgs({ options: { rounds: { type: 'string' }, backends: { type: 'string' } } });
const report = benchKernels({
  rounds: values.rounds ? Number(values.rounds) : undefined,
  backends: values.backends?.split(','),
  onShape: (shape) => process.stderr.write(`timing ${shape.m}x${shape.k}x${shape.n} (${shape.label}) ...\n`),
});
const names = report.backends.filter((b) => b.available).map((b) => b.name);
const layout = (t: boolean) => (t ? 'T' : 'N');
console.log(`matmul GFLOP/s, median of the rounds (m x k x n: op(A) is m x k, op(B) k x n; N/T: stored as is / transposed)\n`);
console.log(renderTable(
  ['shape', 'AB', 'use', ...names],
  report.rows.map(({ shape, gflops }) => [
    `${shape.m}x${shape.k}x${shape.n}`, layout(shape.transA) + layout(shape.transB), shape.label,
    ...names.map((name) => gflops[name]?.toFixed(2) ?? '-'),
  ]),
));
for (const b of report.backends.filter((b) => !b.available)) console.log(`${b.name}: unavailable: ${b.reason}`);
