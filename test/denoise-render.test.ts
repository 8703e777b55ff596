/** Snapshots of the denoising study's text: the summary table (one seed and several) and the triplet panel. */
import { describe, expect, it } from 'vitest';
import { loadFont } from '../source/data/font.js';
import { Rng } from '../source/random.js';
import { courseTable, denoiseTable, ERROR_UNITS, generalisationTable, tripletPanel } from '../source/render/denoise.js';
import { fontSweepTable } from '../source/render/font-sweep.js';
import { meanStd } from '../source/sweep/stats.js';
import { firstCopies, noisyCopies } from '../source/train/denoise-score.js';

const mutation = (mutationProb: number, maxNoise: number) => ({ model: 'mutation' as const, mutationProb, maxNoise });
const fits = (text: string) => text.split('\n').every((line) => line.length <= 80);

describe('denoise summary table', () => {
  const one = (v: number) => meanStd([v]);
  it('one seed', () => {
    const text = denoiseTable([
      {
        architecture: '35-25-9-12-4',
        noise: mutation(0.1, 0.3),
        inputWrongPixels: one(0),
        wrongPixels: one(0.03),
        inputMeanAbsError: one(0.0148),
        meanAbsError: one(0.0012),
      },
      {
        architecture: '35-25-12-12',
        noise: mutation(0.3, 0.5),
        inputWrongPixels: one(0),
        wrongPixels: one(0.44),
        inputMeanAbsError: one(0.0763),
        meanAbsError: one(0.0192),
      },
    ]);
    expect(fits(text)).toBe(true);
    expect(text).toMatchSnapshot();
  });

  it('several seeds: a ± line under each row', () => {
    const text = denoiseTable([
      {
        architecture: '35-25-12-12',
        noise: { model: 'salt-pepper', p: 0.1 },
        inputWrongPixels: meanStd([3.4, 3.6]),
        wrongPixels: meanStd([0.3, 0.5]),
        inputMeanAbsError: meanStd([0.097, 0.103]),
        meanAbsError: meanStd([0.02, 0.03]),
      },
    ]);
    expect(fits(text)).toBe(true);
    expect(text).toMatchSnapshot();
  });

  it("the course's shape: Mut. prob, Max noise, Error, then our columns, with each error's unit", () => {
    const row = (maxNoise: number, error: number, inputPixels: number[]) => ({
      architecture: '35-25-12-12',
      noise: mutation(0.3, maxNoise),
      inputWrongPixels: meanStd(inputPixels),
      wrongPixels: meanStd([0.1, 0.3]),
      inputMeanAbsError: meanStd([maxNoise / 6, maxNoise / 6]),
      meanAbsError: meanStd([error, error + 0.002]),
    });
    const text = courseTable([row(0.5, 0.01, [0, 0]), row(0.8, 0.017, [3.8, 4])]);
    expect(text.split('\n')[0].split(/ {2,}/)).toEqual([
      'Mut. prob',
      'Max noise',
      'Error',
      'wrong px',
      'input error',
      'input wrong px',
    ]);
    expect(ERROR_UNITS).toMatch(/Error: mean absolute error per pixel.*\nwrong px: wrong pixels per glyph/s);
    expect(fits(`${ERROR_UNITS}\n${text}`)).toBe(true);
    expect(text).toMatchSnapshot();
  });

  it('generalisation matrix and the font sweep table', () => {
    const levels = [mutation(0.1, 0.3), mutation(0.3, 0.5)];
    expect(
      generalisationTable(levels, [
        { label: 'p=0.1 max=0.3', meanAbsError: [0.0012, 0.0112] },
        { label: 'plain', meanAbsError: [0.0113, 0.0985] },
      ]),
    ).toMatchSnapshot();
    expect(
      fontSweepTable([
        {
          latent: 1,
          subset: 'full',
          lr: 0.02,
          maxPixelError: meanStd([4, 7]),
          meanPixelError: meanStd([0.5, 0.6]),
          reached: 0,
          seeds: 2,
        },
        {
          latent: 2,
          subset: 'aben',
          lr: 0.02,
          maxPixelError: meanStd([1, 1]),
          meanPixelError: meanStd([0.5, 0.5]),
          epochsToTarget: meanStd([23, 25]),
          reached: 2,
          seeds: 2,
        },
      ]),
    ).toMatchSnapshot();
  });
});

describe('triplet panel', () => {
  it('clean / noisy / denoised per glyph with in and out scores, inside 80 columns', () => {
    const glyphs = loadFont().slice(1, 9);
    const { clean, noisy } = noisyCopies(glyphs, { model: 'salt-pepper', p: 0.1 }, 2, new Rng(4));
    // A stand-in "denoiser" that halves the noise, so both scores are known without training.
    const output = clean.map((c, i) => (c + noisy[i]) / 2 + (noisy[i] !== c ? 0.05 * Math.sign(noisy[i] - c) : 0));
    const text = tripletPanel(glyphs, firstCopies(clean, noisy, output, 2, 35), 80).join('\n');
    expect(fits(text)).toBe(true);
    expect(text).toMatchSnapshot();
  });
});
