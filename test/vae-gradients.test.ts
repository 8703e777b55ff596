/**
 * Finite-difference checks of the VAE's own math: the KL term, the reparameterisation trick, and the whole
 * model's gradient (both heads into the shared hidden layer). ε is drawn from a generator re-seeded for every
 * evaluation, so the sampled loss is a fixed function of the parameters. The hidden layers are ReLU: a step
 * that crosses a kink has no derivative to compare with, so those few parameters are skipped (and counted).
 */
import { describe, it } from 'vitest';
import { ReferenceBackend } from '../source/math/reference.js';
import { klDivergence, klGradient, reparameterise, reparameteriseBackward } from '../source/nn/gaussian.js';
import { Rng } from '../source/random.js';
import { Vae } from '../source/nn/vae.js';
import { expectGradientsMatch, random } from './helpers/finite-differences.js';

describe('Gaussian latent', () => {
  it('the KL term has the gradient of its value', () => {
    const rng = new Rng(11);
    const mu = random(rng, 10, -2, 2),
      logvar = random(rng, 10, -2, 1);
    const gradMu = new Float32Array(10),
      gradLogvar = new Float32Array(10);
    klGradient(mu, logvar, gradMu, gradLogvar, 10, 1);
    expectGradientsMatch(gradMu, () => klDivergence(mu, logvar, 10), mu);
    expectGradientsMatch(gradLogvar, () => klDivergence(mu, logvar, 10), logvar);
  });

  it('the reparameterisation passes ∂L/∂z on to mu and logvar', () => {
    const rng = new Rng(12);
    const n = 8;
    const mu = random(rng, n, -1, 1),
      logvar = random(rng, n, -2, 1),
      weights = random(rng, n);
    const eps = new Float32Array(n),
      z = new Float32Array(n);
    // L = Σ w·z, so ∂L/∂z = w.
    const loss = () => {
      reparameterise(mu, logvar, eps, z, n, new Rng(99));
      return z.reduce((sum, zi, i) => sum + weights[i] * zi, 0);
    };
    loss();
    const gradMu = new Float32Array(n),
      gradLogvar = new Float32Array(n);
    reparameteriseBackward(weights, eps, logvar, gradMu, gradLogvar, n);
    expectGradientsMatch(gradMu, loss, mu);
    expectGradientsMatch(gradLogvar, loss, logvar);
  });
});

describe('VAE', () => {
  it('backpropagates BCE + KL to every parameter, through both heads', () => {
    const model = new Vae(new ReferenceBackend(), { input: 6, hidden: [5], latent: 2 });
    model.initialise(new Rng(13));
    const rng = new Rng(14);
    const batch = 3;
    const x = random(rng, batch * 6, 0, 1);
    const loss = () => {
      const { reconstruction, kl } = model.forward(x, batch, new Rng(7));
      return (reconstruction + kl) / batch;
    };
    loss();
    model.backward();
    expectGradientsMatch(model.store.grads.slice(), loss, model.store.values, { skipKinks: true });
  });

  it('also with two hidden layers', () => {
    const model = new Vae(new ReferenceBackend(), { input: 5, hidden: [4, 3], latent: 3 });
    model.initialise(new Rng(15));
    const x = random(new Rng(16), 2 * 5, 0, 1);
    const loss = () => {
      const { reconstruction, kl } = model.forward(x, 2, new Rng(8));
      return (reconstruction + kl) / 2;
    };
    loss();
    model.backward();
    expectGradientsMatch(model.store.grads.slice(), loss, model.store.values, { skipKinks: true });
  });
});
