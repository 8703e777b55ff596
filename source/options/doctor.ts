/** `sia-ae doctor` options. */
import { configOption, outputOptions } from './shared.js';

/** The --help section of its options. */
export const DOCTOR = 'doctor';

export const DOCTOR_OPTIONS = {
  ...outputOptions(DOCTOR, 'one JSON object: libraries, paths (adapters), nvidiaDriver, vulkanIcds, auto, advice'),
  config: configOption(DOCTOR),
};
