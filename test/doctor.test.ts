/** `sia-ae doctor`: the GPU paths it finds, and that auto never counts a software adapter as a GPU. */
import { describe, expect, it } from 'vitest';
import { doctorLines } from '../source/commands/doctor.js';
import type { GpuDiagnosis } from '../source/math/webgpu/doctor.js';
import { describeAdapter } from '../source/math/webgpu/device.js';
import { jsonLines, runCli } from './helpers/cli.js';

const llvmpipe = describeAdapter(
  { device: 'llvmpipe (LLVM 15.0.6, 256 bits)', description: 'OpenGL ES 3.2 Mesa 22.3.6' } as GPUAdapterInfo,
  ['backend=opengles'],
);

describe('sia-ae doctor', () => {
  it('names software adapters as such', () => {
    expect(llvmpipe).toMatchObject({ name: 'llvmpipe (LLVM 15.0.6, 256 bits)', software: true });
    const swiftshader = describeAdapter({ vendor: 'google', device: 'SwiftShader Device' } as GPUAdapterInfo, []);
    expect(swiftshader.software).toBe(true);
    const h200 = describeAdapter({ vendor: 'nvidia', device: 'NVIDIA H200', description: '' } as GPUAdapterInfo, []);
    expect(h200.software).toBe(false);
  });

  it('prints adapters, missing libraries and what to install', () => {
    const diagnosis: GpuDiagnosis = {
      paths: [
        { flags: ['backend=vulkan'], error: 'no adapter' },
        { flags: ['backend=opengles'], adapter: llvmpipe },
      ],
      libraries: [{ file: 'libvulkan.so.1', apt: 'libvulkan1', why: "Dawn's Vulkan backend (an NVIDIA GPU)" }],
      vulkanIcds: [],
      auto: 'auto uses the CPU: the only adapters are software',
      advice: ['install the missing libraries: sudo apt-get install libvulkan1'],
    };
    expect(doctorLines(diagnosis)).toEqual([
      'WebGPU adapters (Dawn):',
      '  backend=vulkan: no adapter',
      '  backend=opengles: llvmpipe (LLVM 15.0.6, 256 bits) (OpenGL ES 3.2 Mesa 22.3.6), software',
      'Libraries:',
      "  libvulkan.so.1: missing (apt libvulkan1: Dawn's Vulkan backend (an NVIDIA GPU))",
      'NVIDIA driver: none; Vulkan ICDs: none',
      'auto uses the CPU: the only adapters are software',
      'What to do:',
      '  install the missing libraries: sudo apt-get install libvulkan1',
    ]);
  });

  it('--json: one object, and auto keeps the CPU when every adapter found is software', () => {
    const { status, stdout } = runCli(['doctor', '--json'], {}, { timeout: 60_000 });
    expect(status).toBe(0);
    const [d] = jsonLines(stdout);
    expect(d.paths.map((p: { flags: string[] }) => p.flags.join())).toEqual(['backend=vulkan', 'backend=opengles']);
    expect(d.libraries.map((l: { file: string }) => l.file)).toContain('libvulkan.so.1');
    const adapters = d.paths.flatMap((p: { adapter?: { software: boolean } }) => (p.adapter ? [p.adapter] : []));
    if (adapters.every((a: { software: boolean }) => a.software)) expect(d.auto).toMatch(/^auto uses the CPU/);
  });
});
