/** The optimizer variants against hand-computed steps, and all of them descending a quadratic. */
import { describe, expect, it } from 'vitest';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { OPTIMIZERS, Optimizer, optimizerSettings } from '../source/nn/optim.js';
import { ParameterStore } from '../source/nn/parameters.js';

const backend = new FastCpuBackend();

function storeWith(values: number[]): ParameterStore {
  const store = new ParameterStore(backend, values.length);
  store.values.set(values);
  return store;
}

describe('Optimizer', () => {
  it("Adam's first step moves each parameter by lr against the sign of its gradient", () => {
    const store = storeWith([1, -2]);
    store.grads.set([0.3, -5]);
    new Optimizer(backend, store, optimizerSettings('adam', 0.1)).step();
    expect(store.values[0]).toBeCloseTo(0.9, 5);
    expect(store.values[1]).toBeCloseTo(-1.9, 5);
  });

  it('momentum accumulates velocity: v = 0.9 v + g, p -= lr v', () => {
    const store = storeWith([0]);
    const optimizer = new Optimizer(backend, store, optimizerSettings('momentum', 0.5));
    store.grads.set([1]);
    optimizer.step();
    optimizer.step();
    expect(store.values[0]).toBeCloseTo(-(0.5 * 1 + 0.5 * 1.9), 5);
  });

  it('RMSProp divides by the root of the running mean square (PyTorch: alpha 0.99, no bias correction)', () => {
    const store = storeWith([1]);
    store.grads.set([2]);
    new Optimizer(backend, store, optimizerSettings('rmsprop', 0.01)).step();
    const v = 0.01 * 4;
    expect(store.values[0]).toBeCloseTo(1 - (0.01 * 2) / (Math.sqrt(v) + 1e-8), 5);
  });

  it('SGD steps by lr times the gradient', () => {
    const store = storeWith([1]);
    store.grads.set([3]);
    new Optimizer(backend, store, optimizerSettings('sgd', 0.1)).step();
    expect(store.values[0]).toBeCloseTo(0.7, 6);
  });

  for (const name of OPTIMIZERS) {
    it(`${name} minimises (p - 3)^2`, () => {
      const store = storeWith([0]);
      const optimizer = new Optimizer(
        backend,
        store,
        optimizerSettings(name, name === 'sgd' || name === 'momentum' ? 0.05 : 0.1),
      );
      for (let i = 0; i < 500; i++) {
        store.grads[0] = 2 * (store.values[0] - 3);
        optimizer.step();
      }
      expect(store.values[0]).toBeCloseTo(3, 1);
    });
  }
});
