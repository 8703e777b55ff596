/**
 * What `sia-ae doctor` finds about the GPU paths here: the system libraries Dawn opens, the NVIDIA driver and its
 * Vulkan ICD, the adapters each Dawn path answers with, and what to do about what is missing. No output here: the
 * command prints it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type AdapterReport, DAWN_PATHS, type DawnPath, requestAdapter } from './device.js';

export interface LibraryCheck {
  file: string;
  /** Where it was found, or undefined. */
  at?: string;
  /** The Debian package that provides it. */
  apt: string;
  why: string;
}

export interface PathCheck {
  flags: string[];
  adapter?: AdapterReport;
  /** Why no adapter came, when none did. */
  error?: string;
}

export interface GpuDiagnosis {
  libraries: LibraryCheck[];
  paths: PathCheck[];
  nvidiaDriver?: string;
  vulkanIcds: string[];
  /** What `--backend auto` does with the GPU, and why. */
  auto: string;
  advice: string[];
}

const LIBRARIES: ReadonlyArray<Omit<LibraryCheck, 'at'>> = [
  { file: 'libvulkan.so.1', apt: 'libvulkan1', why: "Dawn's Vulkan backend (an NVIDIA GPU)" },
  { file: 'libEGL.so', apt: 'libegl-dev', why: "Dawn's OpenGL ES backend opens the unversioned name" },
  { file: 'libEGL_mesa.so.0', apt: 'libegl-mesa0', why: "Mesa's EGL (llvmpipe, no GPU)" },
  { file: 'libGLESv2.so.2', apt: 'libgles2', why: "Dawn's OpenGL ES backend" },
];

const ICD_DIRS = ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d'];

function libraryDirs(env: NodeJS.ProcessEnv): string[] {
  const triplet = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
  const fromEnv = env.LD_LIBRARY_PATH?.split(':').filter(Boolean) ?? [];
  return [...fromEnv, `/usr/lib/${triplet}`, `/lib/${triplet}`, '/usr/lib64', '/lib64', '/usr/lib', '/lib'];
}

export function checkLibraries(env = process.env): LibraryCheck[] {
  const dirs = libraryDirs(env);
  return LIBRARIES.map((lib) => ({ ...lib, at: dirs.map((d) => path.join(d, lib.file)).find((f) => existsSync(f)) }));
}

async function checkPath(dawnPath: DawnPath): Promise<PathCheck> {
  try {
    const found = await requestAdapter(dawnPath);
    return found ? { flags: dawnPath.flags, adapter: found.report } : { flags: dawnPath.flags, error: 'no adapter' };
  } catch (error) {
    return { flags: dawnPath.flags, error: (error as Error).message };
  }
}

/** What `auto` does with these adapters: it never takes a software one, and races the device trainer on hardware. */
export function autoVerdict(paths: PathCheck[]): string {
  const adapters = paths.flatMap((p) => (p.adapter ? [p.adapter] : []));
  if (!adapters.length) return 'auto uses the CPU: no WebGPU adapter starts here';
  const hardware = adapters.find((a) => !a.software);
  if (!hardware) {
    const names = adapters.map((a) => a.name).join(', ');
    return `auto uses the CPU: the only adapters are software (${names}), slower than the CPU kernels`;
  }
  return `auto races the font trainer on ${hardware.name} against the CPU and takes the faster; --backend gpu takes it`;
}

function adviceFor(d: Omit<GpuDiagnosis, 'advice' | 'auto'>, env: NodeJS.ProcessEnv): string[] {
  const advice: string[] = [];
  const missing = d.libraries.filter((l) => !l.at).map((l) => l.apt);
  if (missing.length) advice.push(`install the missing libraries: sudo apt-get install ${missing.join(' ')}`);
  if (d.nvidiaDriver && !d.vulkanIcds.some((f) => f.includes('nvidia')) && !env.VK_ICD_FILENAMES) {
    advice.push(
      'the NVIDIA driver has no Vulkan ICD here (nvidia_icd.json): install its Vulkan part, or set VK_ICD_FILENAMES',
    );
  }
  const capabilities = env.NVIDIA_DRIVER_CAPABILITIES;
  if (capabilities && !/all|graphics/.test(capabilities)) {
    advice.push(`NVIDIA_DRIVER_CAPABILITIES=${capabilities} mounts no Vulkan library in the container: add graphics`);
  }
  if (env.DISPLAY) advice.push('DISPLAY is set (X forwarding over SSH?): unset DISPLAY so that no X server is tried');
  if (!d.paths.some((p) => p.adapter))
    advice.push('Dawn flags can be tried with SIA_AE_DAWN_FLAGS=backend=vulkan,verbose=1');
  return advice;
}

export async function diagnoseGpu(env = process.env): Promise<GpuDiagnosis> {
  const paths: PathCheck[] = [];
  // One path after the other: Dawn's instances are not made to start side by side.
  for (const dawnPath of DAWN_PATHS) paths.push(await checkPath(dawnPath));
  const icds = ICD_DIRS.filter((dir) => existsSync(dir));
  const found = {
    libraries: checkLibraries(env),
    paths,
    nvidiaDriver: existsSync('/proc/driver/nvidia/version') ? '/proc/driver/nvidia/version' : undefined,
    vulkanIcds: icds.flatMap((dir) => readdirSync(dir).map((file) => path.join(dir, file))),
  };
  return { ...found, auto: autoVerdict(paths), advice: adviceFor(found, env) };
}
