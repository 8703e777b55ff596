/**
 * One optimizer, thin named variants (after tinygrad's optim.py). Every variant is the same update with other
 * constants (see UpdateRule in math/backend.ts), run as one kernel over the flat parameter buffer.
 */
import type { Backend, UpdateRule } from '../math/backend.js';
import type { ParameterStore } from './parameters.js';

export type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

/** An UpdateRule (math/backend.ts) whose bias corrections follow from the step count. */
export type OptimizerSettings = Omit<UpdateRule, 'correction1' | 'correction2'> & {
  /** Adam's bias correction of both moments. */
  biasCorrection: boolean;
};

/** PyTorch's defaults for each variant, so results compare with the reference runs. */
export function optimizerSettings(name: OptimizerName, lr: number): OptimizerSettings {
  const plain = { lr, beta1: 0, gain1: 1, beta2: 0, eps: 0, useSecondMoment: false, biasCorrection: false };
  switch (name) {
    case 'sgd':
      return plain;
    case 'momentum':
      return { ...plain, beta1: 0.9 };
    case 'rmsprop':
      return { ...plain, beta2: 0.99, eps: 1e-8, useSecondMoment: true };
    case 'adam':
      return { lr, beta1: 0.9, gain1: 0.1, beta2: 0.999, eps: 1e-8, useSecondMoment: true, biasCorrection: true };
  }
}

/** Adam's bias corrections [of m, of v] at optimizer step `step` (from 1); 1 for the variants without them. */
export function biasCorrections(s: OptimizerSettings, step: number): [number, number] {
  return s.biasCorrection ? [1 - s.beta1 ** step, 1 - s.beta2 ** step] : [1, 1];
}

/** The corrections of steps first..last as pairs, for a device that takes many steps per submit. */
export function correctionPairs(s: OptimizerSettings, first: number, last: number): Float32Array {
  const pairs = new Float32Array(Math.max(0, last - first + 1) * 2);
  for (let step = first; step <= last; step++) pairs.set(biasCorrections(s, step), (step - first) * 2);
  return pairs;
}

export class Optimizer {
  /** First and second moments, one entry per parameter. */
  readonly m: Float32Array;
  readonly v: Float32Array;
  /** Steps taken so far (Adam's bias correction depends on it). */
  steps = 0;

  constructor(
    private readonly backend: Backend,
    private readonly params: ParameterStore,
    readonly settings: OptimizerSettings,
  ) {
    this.m = backend.alloc(params.size);
    this.v = backend.alloc(params.size);
  }

  step(): void {
    this.steps++;
    const s = this.settings;
    const [correction1, correction2] = biasCorrections(s, this.steps);
    const rule: UpdateRule = {
      lr: s.lr,
      beta1: s.beta1,
      gain1: s.gain1,
      beta2: s.beta2,
      eps: s.eps,
      useSecondMoment: s.useSecondMoment,
      correction1,
      correction2,
    };
    this.backend.optimizerUpdate(this.params.values, this.params.grads, this.m, this.v, this.params.size, rule);
  }
}
