/** Resolves --backend into a running backend, turning "cannot start" into a clear usage error. */
import { UsageError } from '../errors.js';
import { GpuUnavailableError } from '../math/gpujs.js';
import {
  BACKEND_CHOICES,
  selectBackend,
  selectDevice,
  selectSweepBackend,
  type BackendChoice,
  type DeviceSelection,
  type BackendSelection,
  type Workload,
} from '../math/select.js';
import { parseChoice, setting, type RawSettings } from '../config.js';
import { autoVerdict } from '../math/webgpu/doctor.js';
import { requireHardware } from './gpu-choice.js';

/** What a sweep's workers train on: --backend as each worker starts it, and its name and reason for the output. */
export interface SweepBackend {
  choice: BackendChoice;
  name: string;
  reason: string;
}

export function backendFromSettings(settings: RawSettings, workload: Workload): BackendSelection {
  return startable(() => selectBackend(backendChoice(settings), workload));
}

/**
 * --backend webgpu: the device, opened; --backend gpu: the same on a hardware adapter only. A usage error when it
 * cannot open (or is software, for gpu); undefined for the other choices.
 */
export async function deviceFromSettings(settings: RawSettings): Promise<DeviceSelection | undefined> {
  const choice = backendChoice(settings);
  if (choice !== 'webgpu' && choice !== 'gpu') return undefined;
  let device: DeviceSelection;
  try {
    device = await selectDevice();
  } catch (error) {
    throw usageError(error);
  }
  if (choice === 'gpu') hardwareOnly(device);
  return device;
}

function hardwareOnly(device: DeviceSelection): void {
  const { adapter } = device.opened;
  try {
    requireHardware(adapter, autoVerdict([{ flags: adapter.flags, adapter }]));
  } catch (error) {
    device.backend.dispose();
    throw error;
  }
}

/** Started here once, and stopped: a backend that cannot start is a usage error before any worker runs. */
export function sweepBackendFromSettings(settings: RawSettings): SweepBackend {
  const choice = backendChoice(settings);
  const { backend, reason } = startable(() => selectSweepBackend(choice));
  backend.dispose();
  return { choice, name: backend.name, reason };
}

export function backendChoice(settings: RawSettings): BackendChoice {
  return setting(settings, 'backend', 'auto' as const, (key, value) => parseChoice(key, value, BACKEND_CHOICES));
}

function startable(start: () => BackendSelection): BackendSelection {
  try {
    return start();
  } catch (error) {
    throw usageError(error);
  }
}

/** A backend that cannot start here is a usage error; anything else stays what it is. */
function usageError(error: unknown): unknown {
  return error instanceof GpuUnavailableError ? new UsageError(`${error.message} (use --backend cpu)`) : error;
}
