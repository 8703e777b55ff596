/**
 * --backend gpu and auto's GPU decision, with injected adapters and race timings (no GPU here): a software adapter
 * keeps the CPU, a slower hardware one keeps the CPU, a faster one takes the device trainer; gpu refuses software.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../source/errors.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import type { DeviceSelection } from '../source/math/select.js';
import type { AdapterReport } from '../source/math/webgpu/device.js';
import { chooseAuto, chosen, gpuDriverShows, requireHardware } from '../source/commands/gpu-choice.js';
import { fontSelection } from '../source/commands/font-backend.js';
import { FONT_DEFAULTS } from '../source/options/font.js';
import { vaeSelection } from '../source/commands/vae-backend.js';
import { runCli } from './helpers/cli.js';

const H200: AdapterReport = { name: 'NVIDIA H200', driver: 'x', software: false, flags: ['backend=vulkan'] };
const VAE_OPTIONS = {
  shape: { input: 784, hidden: [16], latent: 2 },
  optimizer: 'adam' as const,
  lr: 1e-3,
  epochs: 1,
  batch: 8,
  seed: 1,
};
const NO_IMAGES = { images: new Float32Array(0), labels: new Uint8Array(0), count: 0 };
const LLVMPIPE: AdapterReport = { name: 'llvmpipe', driver: 'Mesa', software: true, flags: ['backend=opengles'] };

describe("auto's choice", () => {
  it('keeps the CPU on a software adapter, saying which adapter it saw, without racing it', () => {
    const choice = chooseAuto(LLVMPIPE, 'wasm-simd-fma-2t', { device: 1e6, cpu: 1, unit: 'epochs/s over 100 epochs' });
    expect(choice).toEqual({
      device: false,
      reason: 'auto saw llvmpipe, a software adapter: wasm-simd-fma-2t on the CPU',
    });
  });

  it('keeps the CPU when the hardware adapter lost the race, with both speeds', () => {
    const choice = chooseAuto(H200, 'wasm-simd-fma-2t', {
      device: 4000,
      cpu: 8000.4,
      unit: 'epochs/s over 100 epochs',
    });
    expect(choice.device).toBe(false);
    expect(choice.reason).toBe(
      'auto saw NVIDIA H200: wasm-simd-fma-2t on the CPU is faster,' +
        ' 4000 against 8000 epochs/s over 100 epochs on the device',
    );
  });

  it('takes the device trainer when the hardware adapter won the race', () => {
    const choice = chooseAuto(H200, 'wasm-simd-fma-2t', { device: 30000, cpu: 8000, unit: 'epochs/s over 100 epochs' });
    expect(choice.device).toBe(true);
    expect(choice.reason).toBe(
      'auto saw NVIDIA H200: the device trainer is faster,' +
        ' 30000 against 8000 epochs/s over 100 epochs on wasm-simd-fma-2t',
    );
  });

  it('disposes the loser and keeps the CPU selection reason beside its own', () => {
    let closed = 0;
    const host = Object.assign(new FastCpuBackend(), { dispose: () => closed++ });
    const device = { backend: host, reason: 'asked', opened: { adapter: H200 } } as unknown as DeviceSelection;
    const cpu = { backend: new FastCpuBackend(), reason: 'plain TypeScript kernels' };
    const kept = chosen({ device: false, reason: 'auto saw X' }, device, cpu);
    expect(kept).toEqual({ backend: cpu.backend, reason: 'auto saw X (plain TypeScript kernels)' });
    expect(closed).toBe(1);
    expect(chosen({ device: true, reason: 'won' }, device, cpu)).toMatchObject({ backend: host, reason: 'won' });
  });

  it('looks for an adapter only where a GPU driver shows, or Dawn flags are given', async () => {
    expect(gpuDriverShows({}, () => false)).toBe(false);
    expect(gpuDriverShows({}, (f) => f === '/proc/driver/nvidia/version')).toBe(true);
    expect(gpuDriverShows({ SIA_AE_DAWN_FLAGS: 'backend=vulkan' }, () => false)).toBe(true);
    // No driver: auto leaves the choice to the CPU selection, and Dawn is never loaded.
    expect(await fontSelection({}, { ...FONT_DEFAULTS }, () => false)).toBeUndefined();
    const { reason } = await vaeSelection({}, VAE_OPTIONS, { train: NO_IMAGES, test: NO_IMAGES }, () => false);
    expect(reason).not.toContain('auto saw');
  });
});

describe('--backend gpu', () => {
  it('refuses a software adapter in one usage error that names what doctor says', () => {
    expect(() => requireHardware(LLVMPIPE, 'auto uses the CPU: the only adapters are software (llvmpipe)')).toThrow(
      new UsageError(
        '--backend gpu needs a hardware GPU; the only WebGPU adapter is llvmpipe, a software one' +
          ' (sia-ae doctor: auto uses the CPU: the only adapters are software (llvmpipe))',
      ),
    );
    expect(() => requireHardware(H200, '')).not.toThrow();
  });

  it.each([['font'], ['vae', '--train-size', '200']])(
    'is a usage error here, where only llvmpipe or nothing starts (%s: status 2, one line)',
    (...command) => {
      const { status, stderr } = runCli([...command, '--backend', 'gpu', '--json'], {}, { timeout: 60_000 });
      expect(status).toBe(2);
      const line = stderr.split('\n').find((l) => l.startsWith('sia-ae:'));
      expect(line).toMatch(/needs a hardware GPU|no WebGPU adapter/);
      expect(line).toContain('doctor');
    },
  );
});
