/**
 * What a VAE run trains on, before it starts: --backend webgpu or gpu opens the device; auto, where a GPU driver
 * shows, opens one too and, on a hardware adapter, races a few batches of the run's own model and images on the
 * device trainer against the CPU trainer (commands/gpu-choice.ts's autoOnDevice); otherwise the CPU selection.
 */
import { sliceSet } from '../data/mnist.js';
import type { BackendSelection, DeviceSelection, Workload } from '../math/select.js';
import type { VaeTrainingOptions } from '../nn/vae-checkpoint.js';
import type { RawSettings } from '../config.js';
import { type VaeData, VaeTraining } from '../train/vae.js';
import { DeviceVaeTraining } from '../train/vae-device.js';
import { vaeSpeed } from '../train/vae-speed.js';
import { backendChoice, backendFromSettings, deviceFromSettings } from './backend-choice.js';
import { autoOnDevice, gpuDriverShows, type Race } from './gpu-choice.js';

/** Batches each trainer is timed over in auto's race, after the device's warm-up. */
const RACE_BATCHES = 8;

export async function vaeSelection(
  settings: RawSettings,
  options: VaeTrainingOptions,
  data: VaeData,
  driverShows = gpuDriverShows,
): Promise<DeviceSelection | BackendSelection> {
  const { batch, shape } = options;
  const workload: Workload = { m: batch, n: Math.max(...shape.hidden), k: shape.input };
  if (backendChoice(settings) !== 'auto') {
    return (await deviceFromSettings(settings)) ?? backendFromSettings(settings, workload);
  }
  const onDevice = (device: DeviceSelection, cpu: BackendSelection) => raceVae(device, cpu, options, data);
  return (await autoOnDevice(driverShows, onDevice)) ?? backendFromSettings(settings, workload);
}

/** Training samples/s of each trainer over the first batches of the run's images (fresh models of its shape). */
async function raceVae(
  device: DeviceSelection,
  cpu: BackendSelection,
  options: VaeTrainingOptions,
  data: VaeData,
): Promise<Race> {
  const images = Math.min(data.train.count, options.batch * RACE_BATCHES);
  const sample = { train: sliceSet(data.train, 0, images), test: sliceSet(data.test, 0, 1) };
  const timed = { ...options, epochs: 1 };
  const onDevice = () =>
    vaeSpeed(new DeviceVaeTraining(device.opened.device, device.backend, sample, timed, undefined, RACE_BATCHES));
  await onDevice(); // the device compiles its pipelines on the first
  return {
    device: await onDevice(),
    cpu: await vaeSpeed(new VaeTraining(cpu.backend, sample, timed)),
    unit: `samples/s over ${Math.ceil(images / options.batch)} batches`,
  };
}
