/**
 * A fully connected layer, y = act(x·W + b), with W stored inputs×outputs. Forward and backward sit side by
 * side; buffers are made once per batch size and reused, so a training step allocates nothing.
 */
import type { Activation, Backend } from '../math/backend.js';
import type { ParameterStore } from './parameters.js';

interface BatchBuffers {
  input?: Float32Array;
  output: Float32Array;
  gradPre: Float32Array;
  gradInput: Float32Array;
}

export class Dense {
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  private readonly weightGrads: Float32Array;
  private readonly biasGrads: Float32Array;
  private readonly buffers = new Map<number, BatchBuffers>();

  constructor(
    private readonly backend: Backend,
    store: ParameterStore,
    readonly inputs: number,
    readonly outputs: number,
    readonly activation: Activation,
  ) {
    ({ values: this.weights, grads: this.weightGrads } = store.take(inputs * outputs));
    ({ values: this.bias, grads: this.biasGrads } = store.take(outputs));
  }

  static parameterCount(inputs: number, outputs: number): number {
    return inputs * outputs + outputs;
  }

  /** y = act(x·W + b) for `batch` rows of x. The returned buffer is reused by the next call with this batch size. */
  forward(x: Float32Array, batch: number): Float32Array {
    const buffers = this.buffersFor(batch);
    const { output } = buffers;
    buffers.input = x;
    this.backend.matmul(x, this.weights, output, batch, this.outputs, this.inputs, false, false, false);
    this.backend.biasActivate(output, this.bias, batch, this.outputs, this.activation);
    return output;
  }

  /**
   * Given ∂L/∂y (or ∂L/∂z before the activation, when `gradIsPreActivation`), stores ∂L/∂W and ∂L/∂b and
   * returns ∂L/∂x (skipped for a first layer, whose input is data: `needInputGrad` false).
   * Uses the input and output of the last forward call with this batch size.
   */
  backward(
    grad: Float32Array,
    batch: number,
    { gradIsPreActivation = false, needInputGrad = true } = {},
  ): Float32Array {
    const { input, output, gradPre, gradInput } = this.buffersFor(batch);
    if (!input) throw new Error('Dense.backward called before forward');
    const gz = gradIsPreActivation ? grad : gradPre;
    if (!gradIsPreActivation)
      this.backend.activationBackward(this.activation, output, grad, gradPre, batch * this.outputs);
    this.backend.matmul(input, gz, this.weightGrads, this.inputs, this.outputs, batch, true, false, false);
    this.backend.columnSums(gz, batch, this.outputs, this.biasGrads, false);
    if (needInputGrad)
      this.backend.matmul(gz, this.weights, gradInput, batch, this.inputs, this.outputs, false, true, false);
    return gradInput;
  }

  private buffersFor(batch: number): BatchBuffers {
    let buffers = this.buffers.get(batch);
    if (!buffers) {
      buffers = {
        output: this.backend.alloc(batch * this.outputs),
        gradPre: this.backend.alloc(batch * this.outputs),
        gradInput: this.backend.alloc(batch * this.inputs),
      };
      this.buffers.set(batch, buffers);
    }
    return buffers;
  }
}
