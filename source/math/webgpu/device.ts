/// <reference types="@webgpu/types" />
/**
 * Opens a WebGPU device through Dawn for Node (the optional `webgpu` package), loaded only when a GPU path is
 * asked for or probed. Dawn's Vulkan backend reaches an NVIDIA GPU with no X server; with no GPU its OpenGL ES
 * backend reaches Mesa's llvmpipe (EGL_PLATFORM=surfaceless), which only answers the compatibility feature level.
 * Debian 12's Vulkan lavapipe is rejected by Dawn, so the two paths are tried in that order.
 */
import { GpuUnavailableError } from '../gpujs.js';

/** One way to ask Dawn for an adapter. */
export interface DawnPath {
  /** Dawn's flags, e.g. ['backend=vulkan']. */
  flags: string[];
  featureLevel: 'core' | 'compatibility';
}

export const DAWN_PATHS: readonly DawnPath[] = [
  { flags: ['backend=vulkan'], featureLevel: 'core' },
  { flags: ['backend=opengles'], featureLevel: 'compatibility' },
];

/** What the user is told about an adapter. */
export interface AdapterReport {
  /** The device's name, e.g. "NVIDIA H200" or "llvmpipe (LLVM 15.0.6, 256 bits)". */
  name: string;
  /** The driver's own line, e.g. "OpenGL ES 3.2 Mesa 22.3.6". */
  driver: string;
  /** A CPU rasteriser posing as a GPU: llvmpipe, lavapipe, SwiftShader. `auto` never picks one. */
  software: boolean;
  /** The Dawn flags that found it. */
  flags: string[];
}

export interface OpenDevice {
  device: GPUDevice;
  adapter: AdapterReport;
  /** Destroys the device (Dawn itself stays: dawnStarted). */
  close(): void;
}

/** Thrown when no WebGPU adapter can start here; the message says why. */
export class WebGpuUnavailableError extends GpuUnavailableError {}

const SOFTWARE = /llvmpipe|lavapipe|swiftshader|software/i;

/** The adapter's name and whether it is software, from what Dawn tells of it. */
export function describeAdapter(info: GPUAdapterInfo, flags: string[]): AdapterReport {
  const name = info.device || info.architecture || info.vendor || 'unnamed adapter';
  const driver = info.description;
  return { name, driver, software: SOFTWARE.test(`${name} ${driver}`), flags };
}

type Dawn = typeof import('webgpu');

/**
 * Dawn's instances, one per set of flags. Dawn lives as long as its instance is referenced (an instance collected
 * mid-run takes its devices with it), and Node does not exit while one is: they are kept here for good.
 */
const instances = new Map<string, GPU>();

function instance(dawn: Dawn, flags: string[]): GPU {
  const key = flags.join(',');
  let gpu = instances.get(key);
  if (!gpu) {
    gpu = dawn.create(flags);
    instances.set(key, gpu);
  }
  return gpu;
}

/**
 * Whether Dawn was started in this process. Node does not exit while an instance is referenced, and an instance
 * let go is torn down when it is collected, which on Mesa's llvmpipe aborts the process or hangs it (seen in
 * `bench --only gpu`, run to run). So instances are kept, and the program exits explicitly when Dawn started.
 */
export function dawnStarted(): boolean {
  return instances.size > 0;
}

async function loadDawn(): Promise<Dawn> {
  try {
    const dawn = await import('webgpu');
    // Dawn's constants (GPUBufferUsage, GPUMapMode, …) are globals in a browser, and kernels.ts uses them so.
    Object.assign(globalThis, dawn.globals);
    return dawn;
  } catch (error) {
    throw new WebGpuUnavailableError(`the optional package webgpu did not load: ${(error as Error).message}`);
  }
}

/** Dawn flags from SIA_AE_DAWN_FLAGS (comma-separated, e.g. "backend=vulkan,adapter=NVIDIA"), when set. */
export function pathsFromEnvironment(env = process.env): readonly DawnPath[] {
  const flags = env.SIA_AE_DAWN_FLAGS?.split(',').filter(Boolean);
  if (!flags?.length) return DAWN_PATHS;
  const featureLevel = flags.includes('backend=opengles') ? 'compatibility' : 'core';
  return [{ flags, featureLevel }];
}

/** Asks one path for an adapter: null when it has none. */
export async function requestAdapter(path: DawnPath): Promise<{ adapter: GPUAdapter; report: AdapterReport } | null> {
  const dawn = await loadDawn();
  // Mesa's EGL would otherwise try a display (over SSH, a forwarded X one); llvmpipe needs none.
  process.env.EGL_PLATFORM ??= 'surfaceless';
  const adapter = await instance(dawn, path.flags).requestAdapter({ featureLevel: path.featureLevel });
  return adapter ? { adapter, report: describeAdapter(adapter.info, path.flags) } : null;
}

/**
 * The limits the kernels need above the defaults, as far as the adapter goes: the optimizer's 6 storage buffers,
 * the matmul's 256-thread workgroups (the compatibility level's default is 128), and the large buffers of a wide
 * model or a whole training set.
 */
const RAISED = [
  'maxStorageBuffersPerShaderStage',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
] as const;

function limitsWanted(limits: GPUSupportedLimits): Record<string, number> {
  return Object.fromEntries(RAISED.map((name) => [name, limits[name]]));
}

/** A device on the first path with an adapter (hardware before software, in DAWN_PATHS's order). */
export async function openDevice(paths = pathsFromEnvironment()): Promise<OpenDevice> {
  const tried: string[] = [];
  for (const path of paths) {
    const found = await requestAdapter(path);
    if (!found) {
      tried.push(path.flags.join(','));
      continue;
    }
    const device = await found.adapter.requestDevice({ requiredLimits: limitsWanted(found.adapter.limits) });
    const close = () => device.destroy();
    return { device, adapter: found.report, close };
  }
  throw new WebGpuUnavailableError(`no WebGPU adapter (tried ${tried.join('; ')}): run sia-ae doctor`);
}
