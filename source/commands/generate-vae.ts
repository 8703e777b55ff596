/** `sia-ae generate` for a VAE model: new digits from N(0, I) draws, a latent grid, or given points. */
import { IMAGE_COLS, IMAGE_PIXELS } from '../data/mnist.js';
import { UsageError } from '../errors.js';
import { createCpuBackend } from '../math/select.js';
import { Rng } from '../random.js';
import { loadVae } from '../nn/vae-file.js';
import { digitGridLines, digitRowLines, GRID_CAPTION } from '../render/vae.js';
import { writeJsonLine } from '../report/json.js';
import { gridPoints } from '../train/vae-view.js';
import { parseNumber, setting, type RawSettings } from '../config.js';
import { GENERATE_OPTIONS } from '../options/generate.js';
import { readOption } from '../options/table.js';
import type { CommandContext } from './command.js';
import { checkGridWidth } from './grid-width.js';
import { pointLabel, zPoints, type LatentPoint } from './latent-points.js';

export async function generateVae(settings: RawSettings, file: string, context: CommandContext): Promise<number> {
  if (settings.from !== undefined || settings.to !== undefined)
    throw new UsageError('--from/--to interpolate between font glyphs; for a VAE give points with --z');
  const backend = createCpuBackend();
  try {
    const model = loadVae(file, backend);
    const latent = model.shape.latent;
    const points = zPoints(settings, latent);
    const samples = readOption(GENERATE_OPTIONS, 'samples', settings) ?? 0;
    const rng = new Rng(readOption(GENERATE_OPTIONS, 'seed', settings));
    for (let i = 0; i < samples; i++)
      points.push({ label: `sample ${i + 1}`, z: Array.from({ length: latent }, () => rng.normal()) });
    // A grid of digits at most 16 wide fits a terminal (font glyphs: 32, the option's own rule).
    const n = setting(settings, 'grid', 0, (k, v) => parseNumber(k, v, { min: 2, max: 16, integer: true }));
    if (n > 0 && latent !== 2)
      throw new UsageError(`--grid needs a 2-D latent space; this model's is ${latent}-D (use --samples or --z)`);
    // Half-size digits when full size does not fit (digitGridLines).
    if (n > 0) checkGridWidth(n, IMAGE_COLS / 2, context);
    const gridAt = n > 0 ? gridPoints(n) : [];
    const grid = Array.from({ length: n * n }, (_, i) => gridAt.slice(2 * i, 2 * i + 2)).map((z) => ({
      label: pointLabel(z),
      z,
    }));
    if (points.length + grid.length === 0)
      throw new UsageError('say what to generate: --samples N, --grid N (2-D models) or --z POINT');

    const decode = (list: LatentPoint[]) => {
      const z = backend.alloc(list.length * latent);
      list.forEach((p, i) => z.set(p.z, i * latent));
      return list.length > 0 ? model.decode(z, list.length).slice() : new Float32Array(0);
    };
    const pointPixels = decode(points),
      gridPixels = decode(grid);
    if (context.output === 'json') {
      const digits = (list: LatentPoint[], pixels: Float32Array) =>
        list.map((p, i) => ({ ...p, pixels: Array.from(pixels.subarray(i * IMAGE_PIXELS, (i + 1) * IMAGE_PIXELS)) }));
      writeJsonLine(context.stdout, {
        event: 'result',
        experiment: 'generate',
        model: file,
        kind: 'vae',
        digits: [...digits(points, pointPixels), ...digits(grid, gridPixels)],
      });
      return 0;
    }
    const parts: string[][] = [];
    if (points.length > 0)
      parts.push(
        digitRowLines(
          pointPixels,
          context.columns,
          points.map((p) => p.label),
        ),
      );
    if (n > 0) parts.push([`${n}x${n} grid: ${GRID_CAPTION}`, '', ...digitGridLines(gridPixels, n, context.columns)]);
    context.stdout.write(`${parts.map((lines) => lines.join('\n')).join('\n\n')}\n`);
  } finally {
    backend.dispose();
  }
  return 0;
}
