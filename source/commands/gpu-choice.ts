/**
 * The GPU side of --backend for the runs that have a device trainer (font, one denoise run, vae): `gpu` takes the
 * WebGPU device trainer on a hardware adapter, or is a usage error saying why not; `auto` looks for an adapter only
 * where a GPU driver shows, never takes a software one, and races a few whole training steps of the device trainer
 * against the CPU trainer, taking the faster.
 */
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { type BackendSelection, type DeviceSelection, selectBesideDevice, selectDevice } from '../math/select.js';
import type { AdapterReport } from '../math/webgpu/device.js';

/** The two trainers' speeds over the same few steps of the run's own model, and what they count. */
export interface Race {
  device: number;
  cpu: number;
  /** "epochs/s over 100 epochs", "samples/s over 8 batches". */
  unit: string;
}

export interface AutoChoice {
  device: boolean;
  /** Which adapter auto saw, and why it chose what it chose. */
  reason: string;
}

/** auto's choice once it has seen an adapter (and, on hardware, raced it). */
export function chooseAuto(adapter: AdapterReport, cpuName: string, race?: Race): AutoChoice {
  const seen = `auto saw ${adapter.name}`;
  if (adapter.software) return { device: false, reason: `${seen}, a software adapter: ${cpuName} on the CPU` };
  if (!race) return { device: false, reason: `${seen}: ${cpuName} on the CPU` };
  const times = `${race.device.toFixed(0)} against ${race.cpu.toFixed(0)} ${race.unit}`;
  return race.device > race.cpu
    ? { device: true, reason: `${seen}: the device trainer is faster, ${times} on ${cpuName}` }
    : { device: false, reason: `${seen}: ${cpuName} on the CPU is faster, ${times} on the device` };
}

/** --backend gpu on this adapter: a usage error, naming what doctor says, unless it is hardware. */
export function requireHardware(adapter: AdapterReport, doctorSays: string): void {
  if (adapter.software) {
    throw new UsageError(
      `--backend gpu needs a hardware GPU; the only WebGPU adapter is ${adapter.name}, a software one` +
        ` (sia-ae doctor: ${doctorSays})`,
    );
  }
}

/**
 * Whether a GPU driver shows here, so that auto probes Dawn (which takes a second and prints warnings) only then:
 * the NVIDIA driver, a render node, or Dawn flags given.
 */
export function gpuDriverShows(env = process.env, exists = existsSync): boolean {
  return Boolean(env.SIA_AE_DAWN_FLAGS) || exists('/proc/driver/nvidia/version') || exists('/dev/dri/renderD128');
}

/** The selection a font run trains on: the device, or the CPU selection with auto's reason. */
export function chosen(
  choice: AutoChoice,
  device: DeviceSelection,
  cpu: BackendSelection,
): DeviceSelection | BackendSelection {
  if (choice.device) {
    cpu.backend.dispose();
    return { ...device, reason: choice.reason };
  }
  device.backend.dispose();
  return { backend: cpu.backend, reason: `${choice.reason} (${cpu.reason})` };
}

/**
 * auto's look at the GPU for a run: where a driver shows and an adapter opens, the device against the CPU backend
 * beside it (never gpu.js: math/select.ts), raced only on a hardware adapter, and refused with `unsupported` (what
 * the device trainer cannot train of this run). Undefined where no driver shows or no adapter opens.
 */
export async function autoOnDevice(
  driverShows: () => boolean,
  race: (device: DeviceSelection, cpu: BackendSelection) => Promise<Race>,
  unsupported?: string,
): Promise<DeviceSelection | BackendSelection | undefined> {
  if (!driverShows()) return undefined;
  let device: DeviceSelection;
  try {
    device = await selectDevice();
  } catch {
    return undefined;
  }
  const cpu = selectBesideDevice();
  const { adapter } = device.opened;
  const choice = unsupported
    ? { device: false, reason: `auto saw ${adapter.name}; the device trains ${unsupported}` }
    : chooseAuto(adapter, cpu.backend.name, adapter.software ? undefined : await race(device, cpu));
  return chosen(choice, device, cpu);
}
