/**
 * The synchronous side of a WebGPU run, where the run layer expects a Backend: training runs on the device
 * (train/font-device.ts), while the model's copy on the CPU (saves, the explorer, the export's decoding) computes
 * on the plain TypeScript kernels. Its name is the adapter's; disposing it closes the device.
 */
import { FastCpuBackend } from '../fast-cpu.js';
import type { OpenDevice } from './device.js';

export class WebGpuHost extends FastCpuBackend {
  override readonly name: string;

  constructor(readonly opened: OpenDevice) {
    super();
    this.name = `webgpu:${opened.adapter.name}`;
  }

  override dispose(): void {
    super.dispose();
    this.opened.close();
  }
}
