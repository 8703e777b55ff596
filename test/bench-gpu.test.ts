/**
 * `sia-ae bench --only gpu` in this process at a tiny size: the device trainer beside cpu and cpu-js when an
 * adapter starts (llvmpipe here and in CI), or the line that says why none did. Timings are never asserted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { GpuBenchReport } from '../source/bench/gpu.js';
import { runBench, type BenchPlan } from '../source/commands/bench.js';
import { gpuSection } from '../source/report/bench-gpu.js';
import { capturedContext } from './helpers/context.js';
import { jsonLines } from './helpers/cli.js';
import { testDevice } from './webgpu-device.js';

// The test holds the device, as the other WebGPU tests do: Dawn on llvmpipe aborts the worker when an instance
// released mid-file is collected.
const { opened } = await testDevice();
afterAll(() => opened?.close());
const PLAN: BenchPlan = {
  gpu: {
    epochs: 4,
    repeats: 1,
    stepsPerSubmit: 2,
    device: opened,
    vae: {
      models: [
        { hidden: [16], latent: 2, batch: 8 },
        { hidden: [16, 16], latent: 2, batch: 8, hardwareOnly: true },
      ],
      deviceBatches: 2,
      cpuBatches: 2,
    },
  },
};

describe('sia-ae bench --only gpu', () => {
  it('--json: the setup, the adapter or why none started, and steps/s per trainer', async () => {
    const captured = capturedContext('json');
    expect(await runBench({ only: 'gpu' }, captured.context, PLAN)).toBe(0);
    const [result] = jsonLines(captured.stdout());
    expect(result.backends).toEqual([]); // the other sections did not run
    const { gpu } = result;
    expect(gpu).toMatchObject({ architecture: '35-60-40-20-2', batch: 32, epochs: 4, stepsPerSubmit: 2 });
    const names = gpu.rows.map((r: { name: string }) => r.name);
    if (gpu.adapter) {
      expect(names).toEqual(['webgpu', 'cpu', 'cpu-js']);
      expect(gpu.rows[0].ranOn).toBe(gpu.adapter.name);
      expect(typeof gpu.adapter.software).toBe('boolean');
    } else {
      expect(names).toEqual(['cpu', 'cpu-js']);
      expect(gpu.reason).toMatch(/adapter|webgpu/i);
    }
    for (const r of gpu.rows) {
      expect(r.stepsPerSecond).toBeGreaterThan(0);
      expect(r.samplesPerSecond).toBeCloseTo(r.stepsPerSecond * 32, 6);
    }
    const [small, wide] = gpu.vae;
    expect(small).toMatchObject({ architecture: '784-16-2-16-784', batch: 8 });
    expect(wide.architecture).toBe('784-16-16-2-16-16-784');
    expect(small.cpu).toBeGreaterThan(0);
    if (gpu.adapter) {
      expect(small.speedup).toBeCloseTo(small.webgpu / small.cpu, 6);
      expect(wide.skipped === 'on a software adapter').toBe(gpu.adapter.software);
    } else {
      expect(small.skipped).toBe('no adapter');
    }
  });
});

describe('the GPU section as text', () => {
  const rows = [
    { name: 'webgpu', ranOn: 'NVIDIA H200', stepsPerSecond: 20000, samplesPerSecond: 640000 },
    { name: 'cpu', ranOn: 'wasm-simd-fma-2t', stepsPerSecond: 8000.4, samplesPerSecond: 256012.8 },
  ];
  const vae = [
    { architecture: '784-400-20-400-784', batch: 128, webgpu: 81234.5, cpu: 16070, cpuBackend: 'wasm', speedup: 5.056 },
    {
      architecture: '784-1024-1024-20-1024-1024-784',
      batch: 512,
      cpu: 2100,
      cpuBackend: 'wasm',
      skipped: 'no adapter',
    },
  ];
  const setup = { architecture: '35-2', batch: 32, epochs: 500, stepsPerSubmit: 25, vae };
  const adapter = { name: 'NVIDIA H200', driver: 'x', software: false, flags: ['backend=vulkan'] };

  it('names the adapter, hardware or software, and gives the trainers side by side', () => {
    const text = gpuSection({ ...setup, adapter, rows } satisfies GpuBenchReport);
    expect(text).toContain('adapter: NVIDIA H200\n  hardware, Dawn flags backend=vulkan');
    expect(text).toMatch(/^trainer +on +steps\/s +samples\/s$/m);
    expect(text).toMatch(/^webgpu +NVIDIA H200 +20000 +640000$/m);
    expect(text).toMatch(/^cpu +wasm-simd-fma-2t +8000 +256013$/m);
    expect(text).toMatch(/^model +batch +webgpu +cpu +webgpu\/cpu$/m);
    expect(text).toMatch(/^784-400-20-400-784 +128 +81235 +16070 +5\.06x$/m);
    expect(text).toMatch(/^784-1024-1024-20-1024-1024-784 +512 +- +2100 +not timed: no adapter$/m);
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(gpuSection({ ...setup, adapter: { ...adapter, software: true }, rows })).toContain('software: the CPU');
  });

  it('says in one line when no adapter started, and why', () => {
    const text = gpuSection({ ...setup, reason: 'no WebGPU adapter (tried backend=vulkan)', rows: rows.slice(1) });
    expect(text).toContain(
      'no WebGPU adapter started: no WebGPU adapter (tried backend=vulkan) (sia-ae doctor says why)',
    );
    expect(text).not.toMatch(/^webgpu/m);
  });
});
