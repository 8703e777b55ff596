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

/** A layer with its activations' buffers, of `maxRows` rows (a pass may use fewer). */
export interface DeviceLayer extends DeviceDense {
  output: GPUBuffer;
  gradPre: GPUBuffer;
  gradInput: GPUBuffer;
}

export function deviceLayer(kernels: Kernels, dense: Dense, store: ParameterStore, maxRows: number): DeviceLayer {
  return {
    ...placed(dense, store),
    output: kernels.buffer(maxRows * dense.outputs),
    gradPre: kernels.buffer(maxRows * dense.outputs),
    gradInput: kernels.buffer(maxRows * dense.inputs),
  };
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

/** nn/mlp.ts's forward: each layer reads the one below's output, the first `input`. */
export function mlpForward(
  kernels: Kernels,
  params: GPUBuffer,
  layers: DeviceLayer[],
  input: GPUBuffer,
  rows: number,
): Dispatch[] {
  return chain(layers, input).flatMap(([layer, from]) =>
    denseForward(kernels, params, layer, [from, layer.output], rows),
  );
}

export interface MlpBackwardOptions {
  /** The gradient at the output is ∂L/∂z, already in the last layer's gradPre (BCE through its sigmoid). */
  gradIsPreActivation: boolean;
  /** The MLP's input needs a gradient (a VAE's z does; data does not). */
  needInputGrad: boolean;
}

/** nn/mlp.ts's backward, last layer first, from `gradOut`, the gradient at the MLP's output. */
export function mlpBackward(
  kernels: Kernels,
  buffers: GPUBuffer[],
  layers: DeviceLayer[],
  [input, gradOut]: GPUBuffer[],
  rows: number,
  { gradIsPreActivation, needInputGrad }: MlpBackwardOptions,
): Dispatch[] {
  const steps: Dispatch[] = [];
  const links = chain(layers, input);
  for (let i = layers.length - 1; i >= 0; i--) {
    const [layer, from] = links[i];
    const { dense, output, gradPre } = layer;
    const top = i === layers.length - 1;
    if (!top || !gradIsPreActivation) {
      const upper = top ? gradOut : layers[i + 1].gradInput;
      steps.push(kernels.activationBackward(dense.activation, output, upper, gradPre, rows * dense.outputs));
    }
    const gradInput = i > 0 || needInputGrad ? layer.gradInput : undefined;
    steps.push(...denseBackward(kernels, buffers, layer, { input: from, gradPre, gradInput }, rows));
  }
  return steps;
}

/** Each layer with the buffer it reads: the MLP's input, then the layer below's output. */
function chain(layers: DeviceLayer[], input: GPUBuffer): Array<[DeviceLayer, GPUBuffer]> {
  return layers.map((layer, i) => [layer, i === 0 ? input : layers[i - 1].output]);
}
