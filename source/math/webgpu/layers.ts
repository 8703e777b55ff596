/// <reference types="@webgpu/types" />
/**
 * nn/dense.ts's layer as device dispatches, forward and backward side by side, over the flat parameter and
 * gradient buffers: a layer is its Dense (sizes, activation) and where its weights and bias sit in those buffers.
 */
import type { Dense } from '../../nn/dense.js';
import type { ParameterStore } from '../../nn/parameters.js';
import type { Dispatch, Kernels } from './kernels.js';

export interface DeviceDense {
  dense: Dense;
  /** Element offsets into the flat parameter (and gradient) buffer. */
  weightsAt: number;
  biasAt: number;
}

/** Where nn/parameters.ts put the layer's views into the store's flat buffer. */
export function placed(dense: Dense, store: ParameterStore): DeviceDense {
  const base = store.values.byteOffset;
  return { dense, weightsAt: (dense.weights.byteOffset - base) / 4, biasAt: (dense.bias.byteOffset - base) / 4 };
}

/** output = act(input · W + b) for `rows` rows. */
export function denseForward(
  kernels: Kernels,
  params: GPUBuffer,
  { dense, weightsAt, biasAt }: DeviceDense,
  [input, output]: GPUBuffer[],
  rows: number,
): Dispatch[] {
  return [
    kernels.matmul([input, params, output], [rows, dense.outputs, dense.inputs], {}, [0, weightsAt, 0]),
    kernels.biasActivate(output, params, rows, dense.outputs, dense.activation, biasAt),
  ];
}

export interface BackwardBuffers {
  input: GPUBuffer;
  /** ∂L/∂z, the gradient before the activation. */
  gradPre: GPUBuffer;
  /** Where ∂L/∂input goes; none for a layer whose input is data. */
  gradInput?: GPUBuffer;
  /** Adds ∂L/∂input to what gradInput holds (two heads reading one layer). */
  accumulate?: boolean;
}

/** From ∂L/∂z: the weights' and bias's gradients into `grads`, and ∂L/∂input when asked. */
export function denseBackward(
  kernels: Kernels,
  [params, grads]: GPUBuffer[],
  { dense, weightsAt, biasAt }: DeviceDense,
  { input, gradPre, gradInput, accumulate = false }: BackwardBuffers,
  rows: number,
): Dispatch[] {
  const { inputs, outputs } = dense;
  const steps = [
    kernels.matmul([input, gradPre, grads], [inputs, outputs, rows], { transA: true }, [0, 0, weightsAt]),
    kernels.columnSums(gradPre, rows, outputs, grads, false, biasAt),
  ];
  if (gradInput) {
    const shape = [rows, inputs, outputs];
    steps.push(kernels.matmul([gradPre, params, gradInput], shape, { transB: true, accumulate }, [0, weightsAt, 0]));
  }
  return steps;
}
