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

/** What a sweep's workers train on: --backend as each worker starts it, and its name and reason for the output. */
export interface SweepBackend {
  choice: BackendChoice;
  name: string;
  reason: string;
}

export function backendFromSettings(settings: RawSettings, workload: Workload): BackendSelection {
  return startable(() => selectBackend(backendChoice(settings), workload));
}

/** --backend webgpu: the device, opened (a usage error when it cannot open); else undefined. */
export async function deviceFromSettings(settings: RawSettings): Promise<DeviceSelection | undefined> {
  if (backendChoice(settings) !== 'webgpu') return undefined;
  try {
    return await selectDevice();
  } catch (error) {
    throw usageError(error);
  }
}

/** Started here once, and stopped: a backend that cannot start is a usage error before any worker runs. */
export function sweepBackendFromSettings(settings: RawSettings): SweepBackend {
  const choice = backendChoice(settings);
  const { backend, reason } = startable(() => selectSweepBackend(choice));
  backend.dispose();
  return { choice, name: backend.name, reason };
}

function backendChoice(settings: RawSettings): BackendChoice {
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
