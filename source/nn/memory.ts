/**
 * The memory a run needs, estimated before anything is allocated, so that a model too big to fit is refused
 * with both numbers instead of failing mid-allocation ("WebAssembly memory exhausted": the wasm backend grows
 * one shared memory up to 4 GiB, which also holds its scratch space and the worker threads' stacks).
 */
import { UsageError } from '../errors.js';
import { Mlp } from './mlp.js';
import { Vae, type VaeShape } from './vae.js';

/** The most a run may need: half of what the wasm backend can address at all. */
export const MEMORY_LIMIT_BYTES = 2 * 2 ** 30;

const FLOAT_BYTES = 4;

/** What decides a model's memory: its parameters, and the widths of every layer a row of a batch goes through. */
export interface ModelSize {
  parameters: number;
  widths: number[];
}

export function autoencoderSize(layers: number[]): ModelSize {
  const decoder = [...layers].reverse();
  return { parameters: Mlp.parameterCount(layers) + Mlp.parameterCount(decoder), widths: [...layers, ...decoder] };
}

export function vaeSize(shape: VaeShape): ModelSize {
  const { input, hidden, latent } = shape;
  return {
    parameters: Vae.parameterCount(shape),
    widths: [input, ...hidden, 2 * latent, latent, ...[...hidden].reverse(), input],
  };
}

/**
 * Bytes for the parameters with their gradients and two optimizer moments, and for `rows` rows of a batch:
 * each layer keeps its output, the gradient before the activation and the gradient of its input.
 */
export function estimateBytes(model: ModelSize, rows: number): number {
  const rowFloats = model.widths.reduce((sum, width) => sum + width, 0);
  return FLOAT_BYTES * (4 * model.parameters + 3 * rows * rowFloats);
}

/** Refuses a model that would need more than the limit; `what` names it as the user gave it (flags or a file). */
export function checkMemory(what: string, model: ModelSize, rows: number): void {
  const bytes = estimateBytes(model, rows);
  if (bytes > MEMORY_LIMIT_BYTES) {
    throw new UsageError(
      `${what} needs about ${formatBytes(bytes)} of memory, more than the ${formatBytes(MEMORY_LIMIT_BYTES)} limit`,
    );
  }
}

function formatBytes(bytes: number): string {
  const gib = bytes / 2 ** 30;
  return gib >= 10 ? `${Math.round(gib)} GiB` : `${Number(gib.toFixed(1))} GiB`;
}
