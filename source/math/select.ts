/**
 * Which backend runs the math, and why. `auto` takes gpu.js only where it beats the CPU kernels on the work
 * at hand: a software renderer (Mesa llvmpipe under xvfb) starts fine and then loses, so it is timed, not trusted.
 */
import type { Backend } from './backend.js';
import { median } from './median.js';
import { FastCpuBackend } from './fast-cpu.js';
import { GPU_MODES, GpuJsBackend, GpuUnavailableError, type GpuMode } from './gpujs.js';
import { ReferenceBackend } from './reference.js';
import { WasmBackend } from './wasm/backend.js';
import { detectWasmSupport, type WasmSupport } from './wasm/features.js';
import { openDevice, type OpenDevice } from './webgpu/device.js';
import { WebGpuHost } from './webgpu/host.js';

export const BACKEND_CHOICES = [
  'auto',
  'cpu',
  'gpu',
  'reference',
  'cpu-js',
  'wasm-simd',
  'wasm-simd-2t',
  'wasm-simd-fma',
  'wasm-simd-fma-2t',
  'webgpu',
  ...GPU_MODES.filter((m) => m !== 'gpu'),
] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** A matmul shape typical of the run, used to time the candidates for `auto`. */
export interface Workload {
  m: number;
  n: number;
  k: number;
}

export interface BackendSelection {
  backend: Backend;
  /** One line for the user: why this backend. */
  reason: string;
}

/** Every backend this program knows, by name, for the equality tests and the benchmark. */
export const BACKEND_FACTORIES: ReadonlyArray<{ name: string; create: () => Backend }> = [
  { name: 'reference', create: () => new ReferenceBackend() },
  { name: 'cpu-js', create: () => new FastCpuBackend() },
  { name: 'wasm-simd', create: () => new WasmBackend(1) },
  { name: 'wasm-simd-2t', create: () => new WasmBackend(2) },
  { name: 'wasm-simd-fma', create: () => new WasmBackend(1, 'fma') },
  { name: 'wasm-simd-fma-2t', create: () => new WasmBackend(2, 'fma') },
  ...GPU_MODES.filter((mode) => mode !== 'gpu').map((mode) => ({
    name: `gpu.js:${mode}`,
    create: () => new GpuJsBackend(mode),
  })),
];

/** A backend of BACKEND_FACTORIES, started, or the reason it cannot start here. */
export interface StartedBackend {
  name: string;
  available: boolean;
  backend?: Backend;
  reason?: string;
}

/** Starts the named backends (all when no names are given), each or its reason for not starting. */
export function startBackends(names?: readonly string[]): StartedBackend[] {
  return BACKEND_FACTORIES.filter((f) => !names || names.includes(f.name)).map(({ name, create }) => {
    try {
      return { name, available: true, backend: create() };
    } catch (error) {
      return { name, available: false, reason: (error as Error).message };
    }
  });
}

/**
 * The fastest CPU backend available here: the WebAssembly SIMD kernels, with fused multiply-add where the engine
 * and the CPU have it, on two threads where shared memory and a second core allow, else the plain TypeScript
 * kernels; the reason says which, and what was missing.
 */
export function selectCpuBackend(support: WasmSupport = detectWasmSupport()): BackendSelection {
  if (!support.simd)
    return { backend: new FastCpuBackend(), reason: `plain TypeScript kernels${why(support.missing)}` };
  if (!support.fma) return selectUnfused(support.threads, support.missing);
  try {
    return {
      backend: new WasmBackend(support.threads, 'fma'),
      reason: `WebAssembly SIMD with fused multiply-add on ${support.threads} thread(s)${why(support.missing)}`,
    };
  } catch (error) {
    return selectUnfused(support.threads, [
      ...support.missing,
      `the fused build cannot start: ${(error as Error).message}`,
    ]);
  }
}

function selectUnfused(threads: number, missing: string[]): BackendSelection {
  try {
    return { backend: new WasmBackend(threads), reason: `WebAssembly SIMD on ${threads} thread(s)${why(missing)}` };
  } catch (error) {
    return {
      backend: new FastCpuBackend(),
      reason: `plain TypeScript kernels: the WebAssembly ones cannot start: ${(error as Error).message}`,
    };
  }
}

/** What was missing, in brackets after a reason; nothing when nothing was. */
function why(missing: string[]): string {
  return missing.length ? ` (${missing.join('; ')})` : '';
}

/**
 * The backend of the views beside a run (previews, the explorer, the denoise triplets, the export's decoding):
 * the plain TypeScript kernels, which give the same numbers on every machine, start at once, and hold no threads
 * or memory outside the JavaScript heap, so a view never needs to release it. Their work is a few small batches.
 */
export function createViewBackend(): Backend {
  return new FastCpuBackend();
}

export function createCpuBackend(support?: WasmSupport): Backend {
  return selectCpuBackend(support).backend;
}

export function selectBackend(choice: BackendChoice, workload: Workload): BackendSelection {
  return choice === 'auto' ? selectAuto(workload) : startChosen(choice);
}

/**
 * The backend a sweep's worker threads train on. `auto` takes the fastest CPU backend without the gpu.js race:
 * every worker would race for one GPU, and the sweep's parallelism already comes from the threads.
 */
export function selectSweepBackend(choice: BackendChoice): BackendSelection {
  return choice === 'auto' ? cpuBecause('auto in a sweep takes the CPU') : startChosen(choice);
}

/**
 * auto's CPU side where it looks for a WebGPU device: the fastest CPU backend, without gpu.js. gpu.js's GL (GLX,
 * through headless-gl) and Dawn's OpenGL ES (EGL) cannot share a process under an X display: whichever starts
 * second finds no adapter (Dawn) or takes the process down with an X BadAccess error (GLX), both seen under
 * xvfb-run. A WebGPU device, where there is one, is the better GPU path anyway.
 */
export function selectBesideDevice(): BackendSelection {
  return cpuBecause('auto beside WebGPU takes the CPU kernels, not gpu.js');
}

function cpuBecause(why: string): BackendSelection {
  const { backend, reason } = selectCpuBackend();
  return { backend, reason: `${why}: ${reason}` };
}

const FUSED = 'WebAssembly SIMD kernels with fused multiply-add';

function startChosen(choice: Exclude<BackendChoice, 'auto'>): BackendSelection {
  switch (choice) {
    case 'reference':
      return { backend: new ReferenceBackend(), reason: 'asked for the reference kernels' };
    case 'cpu-js':
      return { backend: new FastCpuBackend(), reason: 'asked for the plain TypeScript kernels' };
    case 'cpu': {
      const { backend, reason } = selectCpuBackend();
      return { backend, reason: `asked for the CPU: ${backend.name}, ${reason}` };
    }
    case 'wasm-simd':
      return { backend: new WasmBackend(1), reason: 'asked for the WebAssembly SIMD kernels on one thread' };
    case 'wasm-simd-2t':
      return { backend: new WasmBackend(2), reason: 'asked for the WebAssembly SIMD kernels on two threads' };
    case 'wasm-simd-fma':
      return { backend: new WasmBackend(1, 'fma'), reason: `asked for the ${FUSED} on one thread` };
    case 'wasm-simd-fma-2t':
      return { backend: new WasmBackend(2, 'fma'), reason: `asked for the ${FUSED} on two threads` };
    case 'webgpu':
      throw new GpuUnavailableError('--backend webgpu trains `sia-ae font` and one `sia-ae denoise` run only, for now');
    default:
      return { backend: new GpuJsBackend(choice as GpuMode), reason: `asked for gpu.js mode ${choice}` };
  }
}

/** --backend webgpu: a device for the device trainer, and the Backend that stands for it in the run layer. */
export interface DeviceSelection extends BackendSelection {
  opened: OpenDevice;
}

export async function selectDevice(): Promise<DeviceSelection> {
  const opened = await openDevice();
  const { name, driver, software, flags } = opened.adapter;
  const kind = software ? 'a software adapter (the CPU drawing as a GPU: correct, and slow)' : 'a hardware adapter';
  const reason = `asked for WebGPU: ${name} (${driver}), ${kind}, Dawn flags ${flags.join(',')}`;
  return { backend: new WebGpuHost(opened), reason, opened };
}

function selectAuto(workload: Workload): BackendSelection {
  const cpu = createCpuBackend();
  let gpu: Backend;
  try {
    gpu = new GpuJsBackend('gpu');
  } catch (error) {
    return { backend: cpu, reason: `${cpu.name}: ${(error as Error).message}` };
  }
  const cpuMs = timeMatmul(cpu, workload);
  const gpuMs = timeMatmul(gpu, workload);
  const race =
    `${gpu.name} ${gpuMs.toFixed(3)} ms vs ${cpu.name} ${cpuMs.toFixed(3)} ms` +
    ` per ${workload.m}x${workload.k}x${workload.n} matmul`;
  if (gpuMs < cpuMs) {
    cpu.dispose();
    return { backend: gpu, reason: `${gpu.name} is faster: ${race}` };
  }
  gpu.dispose();
  return { backend: cpu, reason: `${cpu.name} is faster: ${race}` };
}

/** Median milliseconds of one matmul of the workload's shape, after a warm-up (gpu.js compiles on first use). */
export function timeMatmul(backend: Backend, { m, n, k }: Workload, repeats = 7): number {
  const a = backend.alloc(m * k),
    b = backend.alloc(k * n),
    out = backend.alloc(m * n);
  a.fill(0.5);
  b.fill(0.25);
  backend.matmul(a, b, out, m, n, k, false, false, false);
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    backend.matmul(a, b, out, m, n, k, false, false, false);
    times.push(performance.now() - start);
  }
  return median(times);
}
