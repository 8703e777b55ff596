/** The font autoencoder against its contract: every default seed learns every glyph to at most 1 wrong pixel. */
import { describe, expect, it } from 'vitest';
import { loadFont, selectGlyphs } from '../source/data/font.js';
import { DivergedError } from '../source/errors.js';
import { FastCpuBackend } from '../source/math/fast-cpu.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { FONT_DEFAULTS, fontTraining } from '../source/options/font.js';
import { trainFont, type GlyphDone, type GlyphEvent } from '../source/train/font.js';

const backend = new FastCpuBackend();

function options(overrides: Partial<typeof FONT_DEFAULTS> = {}) {
  return fontTraining({ ...FONT_DEFAULTS, ...overrides });
}

function run(events: Iterable<GlyphEvent>): GlyphDone {
  let done: GlyphDone | undefined;
  for (const event of events) if (event.type === 'done') done = event;
  return done!;
}

describe('font autoencoder', () => {
  it('reaches at most 1 wrong pixel per glyph with the defaults on seeds 1..10', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const done = run(trainFont(backend, loadFont(), options({ seed })));
      expect(done.reachedTarget, `seed ${seed}`).toBe(true);
      expect(done.last.maxPixelError).toBeLessThanOrEqual(1);
    }
  });

  it('gives identical numbers for the same seed, and different ones for another seed', () => {
    const a = run(trainFont(backend, loadFont(), options({ seed: 4 }))).last;
    const b = run(trainFont(backend, loadFont(), options({ seed: 4 }))).last;
    const c = run(trainFont(backend, loadFont(), options({ seed: 5 }))).last;
    expect([b.epoch, b.loss, Array.from(b.latent)]).toEqual([a.epoch, a.loss, Array.from(a.latent)]);
    expect(c.loss).not.toBe(a.loss);
  });

  it('trains with minibatches too, and on a subset', () => {
    const glyphs = selectGlyphs(loadFont(), 'aben');
    const done = run(trainFont(backend, glyphs, options({ batch: 2, target: 0 })));
    expect(done.reachedTarget).toBe(true);
    expect(done.last.perGlyph).toEqual([0, 0, 0, 0]);
  });

  it('reports the weights it evaluated: re-encoding the glyphs gives the reported codes', () => {
    const done = run(trainFont(backend, loadFont(), options()));
    const all = new Float32Array(32 * 35);
    loadFont().forEach((g, i) => all.set(g.pixels, i * 35));
    expect(Array.from(done.model.encode(all, 32))).toEqual(Array.from(done.last.latent));
  });

  it('learns the same on the reference kernels', () => {
    const done = run(trainFont(new ReferenceBackend(), loadFont(), options({ seed: 2 })));
    expect(done.reachedTarget).toBe(true);
  });

  it('stops with advice when the loss diverges', () => {
    expect(() => run(trainFont(backend, loadFont(), options({ lr: 1e30, activation: 'relu', epochs: 50 })))).toThrow(
      DivergedError,
    );
  });
});
