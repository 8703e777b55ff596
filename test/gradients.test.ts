/**
 * Finite-difference checks: every layer, activation and loss computes the gradient that central differences
 * of its own forward pass give.
 */
import { describe, it } from 'vitest';
import { ACTIVATIONS, type Backend } from '../source/math/backend.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { Autoencoder } from '../source/nn/autoencoder.js';
import { Dense } from '../source/nn/dense.js';
import { LOSSES, lossGradient, lossValue } from '../source/nn/losses.js';
import { ParameterStore } from '../source/nn/parameters.js';
import { Rng } from '../source/random.js';
import { initWeights } from '../source/nn/init.js';
import { expectGradientsMatch, random } from './helpers/finite-differences.js';

const backend: Backend = new ReferenceBackend();

describe('Dense layer', () => {
  for (const act of ACTIVATIONS) {
    it(`backpropagates through ${act} to weights, bias and input`, () => {
      const rng = new Rng(3);
      const [batch, inputs, outputs] = [4, 5, 3];
      const store = new ParameterStore(backend, Dense.parameterCount(inputs, outputs));
      const layer = new Dense(backend, store, inputs, outputs, act);
      initWeights(layer.weights, inputs, outputs, act, rng);
      layer.bias.set(random(rng, outputs, -0.5, 0.5));
      const x = random(rng, batch * inputs);
      const weightsOfOutput = random(rng, batch * outputs); // L = Σ c·y: ∂L/∂y = c
      const loss = () => layer.forward(x, batch).reduce((sum, y, i) => sum + weightsOfOutput[i] * y, 0);
      loss();
      const gradInput = layer.backward(weightsOfOutput, batch).slice();
      const grads = store.grads.slice();
      expectGradientsMatch(grads, loss, store.values);
      expectGradientsMatch(gradInput, loss, x);
    });
  }
});

describe('losses', () => {
  for (const name of LOSSES) {
    for (const perSample of [false, true]) {
      it(`${name} (${perSample ? 'sum per sample' : 'mean'}) gradient matches its value`, () => {
        const rng = new Rng(5);
        const [batch, features] = [3, 4];
        const y = random(rng, batch * features, 0.05, 0.95);
        const target = Float32Array.from({ length: batch * features }, () => rng.int(2));
        const spec = { name, perSample };
        const grad = new Float32Array(batch * features);
        lossGradient(spec, y, target, grad, batch, features, false);
        expectGradientsMatch(grad, () => lossValue(spec, y, target, batch, features), y);
      });
    }
  }

  it('bce through a sigmoid gives the gradient with respect to the logits', () => {
    const rng = new Rng(6);
    const logits = random(rng, 8, -3, 3);
    const target = Float32Array.from({ length: 8 }, () => rng.int(2));
    const sigmoid = () => logits.map((z) => 1 / (1 + Math.exp(-z)));
    const spec = { name: 'bce' as const, perSample: false };
    const grad = new Float32Array(8);
    lossGradient(spec, sigmoid(), target, grad, 2, 4, true);
    expectGradientsMatch(grad, () => lossValue(spec, sigmoid(), target, 2, 4), logits);
  });
});

describe('autoencoder', () => {
  it('backpropagates the reconstruction loss to every parameter', () => {
    const rng = new Rng(9);
    const model = new Autoencoder(backend, {
      layers: [6, 4, 2],
      activation: 'tanh',
      latentActivation: 'identity',
      outputActivation: 'sigmoid',
    });
    model.initialise(rng);
    const batch = 3;
    const x = Float32Array.from({ length: batch * 6 }, () => rng.int(2));
    const spec = { name: 'bce' as const, perSample: false };
    const loss = () => lossValue(spec, model.forward(x, batch), x, batch, 6);
    const y = model.forward(x, batch);
    const grad = new Float32Array(batch * 6);
    lossGradient(spec, y, x, grad, batch, 6, true);
    model.backward(grad, batch, true);
    expectGradientsMatch(model.store.grads.slice(), loss, model.store.values);
  });
});
