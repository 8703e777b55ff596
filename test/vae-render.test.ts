/** The VAE's pictures as text: digits in half blocks, the class scatter in braille, and the PCA behind it. */
import { describe, expect, it } from 'vitest';
import { IMAGE_PIXELS, loadDataset } from '../source/data/mnist.js';
import { Rng } from '../source/random.js';
import { toAscii } from '../source/render/ascii.js';
import { halfBlockLines } from '../source/render/halfblock.js';
import { digitLines, generatedLines, latentScatterLines, reconstructionLines } from '../source/render/vae.js';
import { projectTwo } from '../source/train/pca.js';
import type { VaeView } from '../source/train/vae-view.js';

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const mnist = loadDataset('mnist');
const digit = (i: number) => mnist.test.images.slice(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS);

/** Three clusters of points around known centres, one per class. */
function clusters(dim: number, perClass: number): { codes: Float32Array; labels: Uint8Array } {
  const rng = new Rng(21);
  const centres = [
    [-2, -1],
    [2, -1],
    [0, 2],
  ];
  const codes = new Float32Array(3 * perClass * dim),
    labels = new Uint8Array(3 * perClass);
  for (let i = 0; i < 3 * perClass; i++) {
    const label = i % 3;
    labels[i] = label;
    for (let d = 0; d < dim; d++)
      codes[i * dim + d] = (d < 2 ? centres[label][d] : 0) + 0.4 * rng.normal() * (d < 2 ? 1 : 0.1);
  }
  return { codes, labels };
}

describe('half-block digits', () => {
  it('draws a 28x28 digit in 28 columns by 14 lines', () => {
    const lines = halfBlockLines(digit(0), 28, 28);
    expect(lines).toHaveLength(14);
    expect(lines.every((line) => line.length === 28)).toBe(true);
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('draws a half-size digit (2x2 blocks averaged) in 14 columns by 7 lines', () => {
    const lines = halfBlockLines(digit(1), 28, 28, { scale: 2, threshold: 0.3 });
    expect(lines).toHaveLength(7);
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('draws a faint digit in grey levels: a stroke peaking at 0.5 shows, fainter than a full one', () => {
    const faint = digit(0).map((v) => v * 0.5);
    const full = digitLines(digit(0), 0).join('');
    const half = digitLines(faint, 0).join('');
    expect(half.replace(/ /g, '').length).toBeGreaterThan(0.8 * full.replace(/ /g, '').length);
    expect(half).not.toContain('█');
    expect(half).toMatch(/[░▒]/);
    expect(toAscii(half)).toMatch(/^[ .:+#]+$/);
  });

  it('puts each original beside its reconstruction, with the class', () => {
    const view: VaeView = {
      latent: 2,
      codes: new Float32Array(4),
      labels: mnist.test.labels.slice(0, 2),
      originals: mnist.test.images.slice(0, 2 * IMAGE_PIXELS),
      reconstructions: mnist.test.images.slice(2 * IMAGE_PIXELS, 4 * IMAGE_PIXELS),
      generated: mnist.test.images.slice(0, 4 * IMAGE_PIXELS),
      gridSize: 2,
    };
    const lines = reconstructionLines(view, 80);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).toMatchSnapshot();
    expect(generatedLines(view, 80).join('\n')).toMatchSnapshot();
  });
});

describe('latent scatter', () => {
  it('without colour, tells the classes apart by number: each cell shows its most common class', () => {
    const { codes, labels } = clusters(2, 30);
    const view = { latent: 2, codes, labels } as VaeView;
    const layout = { width: 40, height: 10 };
    const coloured = latentScatterLines(view, ['0', '1', '2'], { ...layout, color: true });
    expect(coloured.join('\n')).toContain('\x1b[');
    expect(stripAnsi(coloured.join('\n'))).toContain('■ 0');
    const plain = latentScatterLines(view, ['0', '1', '2'], { ...layout, color: false });
    const plot = plain.slice(1, 10).map((line) => line.slice(line.search(/[┤│]/) + 1));
    // The three clusters: every class shows, as numbers only (no dots, no colour squares).
    for (const cls of ['0', '1', '2']) expect(plot.join('')).toContain(cls);
    expect(plot.join('')).toMatch(/^[012 ]+$/);
    expect(plain.join(' ').replace(/\s+/g, ' ')).toContain('each number: the class of most codes in its cell');
    expect(plain.join('\n')).not.toContain('■');
  });

  it('labels the classes and adds a legend (2-D codes as they are)', () => {
    const { codes, labels } = clusters(2, 40);
    const view = { latent: 2, codes, labels } as VaeView;
    expect(
      latentScatterLines(view, ['zero', 'one', 'two'], { width: 40, height: 10, color: false }).join('\n'),
    ).toMatchSnapshot();
  });

  it('draws codes of more than two dimensions on their first two principal components', () => {
    const { codes, labels } = clusters(5, 40);
    const view = { latent: 5, codes, labels } as VaeView;
    const lines = latentScatterLines(view, mnist.classNames.slice(0, 3), { width: 40, height: 10, color: true });
    expect(lines[0]).toMatch(/principal components/);
    expect(lines.map(stripAnsi).join('\n')).toMatchSnapshot();
  });
});

describe('PCA', () => {
  it('finds the directions of largest variance', () => {
    const rng = new Rng(22);
    const count = 500;
    // Spread 3 along (1, 1, 0)/√2, 1 along (0, 0, 1), nearly nothing along (1, -1, 0)/√2.
    const codes = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) {
      const a = 3 * rng.normal(),
        b = rng.normal(),
        c = 0.01 * rng.normal();
      codes.set([(a + c) / Math.SQRT2, (a - c) / Math.SQRT2, b], i * 3);
    }
    const plane = projectTwo(codes, count, 3);
    const variance = (axis: number) =>
      Array.from({ length: count }, (_, i) => plane[2 * i + axis] ** 2).reduce((s, x) => s + x, 0) / count;
    expect(variance(0)).toBeGreaterThan(7.5);
    expect(variance(0)).toBeLessThan(10.5);
    expect(variance(1)).toBeGreaterThan(0.8);
    expect(variance(1)).toBeLessThan(1.2);
  });
});
