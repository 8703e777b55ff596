/**
 * The WebGPU tests' device: opened once per file, or the reason it cannot open here (the tests then skip, and
 * say why). With SIA_AE_REQUIRE_WEBGPU=1 (CI, which installs llvmpipe) a device that cannot open fails instead.
 */
import { openDevice, type OpenDevice } from '../source/math/webgpu/device.js';

export async function testDevice(): Promise<{ opened?: OpenDevice; reason?: string }> {
  try {
    return { opened: await openDevice() };
  } catch (error) {
    if (process.env.SIA_AE_REQUIRE_WEBGPU === '1') throw error;
    const reason = (error as Error).message;
    console.warn(`WebGPU tests skipped: ${reason}`);
    return { reason };
  }
}
