/** Resolves --backend into a running backend, turning "cannot start" into a clear usage error. */
import { UsageError } from '../errors.js';
import { GpuUnavailableError } from '../math/gpujs.js';
import { BACKEND_CHOICES, selectBackend, type BackendSelection, type Workload } from '../math/select.js';
import { parseChoice, setting, type RawSettings } from '../config.js';

export function backendFromSettings(settings: RawSettings, workload: Workload): BackendSelection {
  const choice = setting(settings, 'backend', 'auto' as const, (key, value) => parseChoice(key, value, BACKEND_CHOICES));
  try {
    return selectBackend(choice, workload);
  } catch (error) {
    if (error instanceof GpuUnavailableError) throw new UsageError(`${error.message} (use --backend cpu)`);
    throw error;
  }
}
