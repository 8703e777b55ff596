/** `sia-ae generate`: decode latent points of a saved font model into new glyphs. */
import { GLYPH_COLS, GLYPH_PIXELS, GLYPH_ROWS, loadFont, selectGlyphs } from '../data/font.js';
import { UsageError } from '../errors.js';
import { createCpuBackend } from '../math/select.js';
import { readAutoencoder } from '../nn/autoencoder-file.js';
import type { Autoencoder } from '../nn/autoencoder.js';
import { glyphLines, sideBySide, wrapBlocks } from '../render/glyph.js';
import { writeJsonLine } from '../report/json.js';
import { interpolate, latentBounds, latentGrid, type LatentBounds } from '../train/latent.js';
import { modelFileKind } from '../nn/model-file.js';
import { VAE_KIND } from '../nn/vae-file.js';
import { parseString, rejectUnknown, type RawSettings } from '../config.js';
import type { Command, CommandContext } from './command.js';
import { GENERATE_OPTIONS, OUTPUT, WHAT } from '../options/generate.js';
import { optionsHelp } from '../options/help.js';
import { flagsOf, readOption } from '../options/table.js';
import { generateVae } from './generate-vae.js';
import { zPoints } from './latent-points.js';
import { checkGridWidth } from './grid-width.js';

interface Generated {
  label: string;
  z: number[];
  pixels: number[];
}

interface Request {
  /** --z and --from/--to points, each with a caption. */
  points: Array<{ label: string; z: number[] }>;
  /** A --grid request: n×n points over the box, drawn as one grid. */
  grid?: { n: number; bounds: LatentBounds };
}

/** The latent points the flags ask for. */
function requestedPoints(
  settings: RawSettings,
  model: Autoencoder,
  codeOf: (char: string) => number[],
  bounds: () => LatentBounds,
): Request {
  const points: Request['points'] = [];
  points.push(...zPoints(settings, model.latentSize));
  if (settings.from !== undefined || settings.to !== undefined) {
    const from = parseString('from', settings.from),
      to = parseString('to', settings.to);
    const steps = readOption(GENERATE_OPTIONS, 'steps', settings);
    interpolate(codeOf(from), codeOf(to), steps).forEach((z, i) =>
      points.push({ label: i === 0 ? from : i === steps - 1 ? to : `${i}/${steps - 1}`, z }),
    );
  }
  if (settings.grid !== undefined) {
    const n = readOption(GENERATE_OPTIONS, 'grid', settings)!;
    if (model.latentSize !== 2)
      throw new UsageError(`--grid needs a 2-D latent space; this model's is ${model.latentSize}-D (use --z)`);
    return { points, grid: { n, bounds: bounds() } };
  }
  if (points.length === 0)
    throw new UsageError('say what to generate: --z x,y (repeatable), --from a --to b [--steps N], or --grid N');
  return { points };
}

/** Decodes latent points into 35-pixel glyphs. */
function decodeAll(model: Autoencoder, points: Array<{ label: string; z: number[] }>): Generated[] {
  if (points.length === 0) return [];
  const decoded = model.decode(flatten(points.map((p) => Float32Array.from(p.z))), points.length);
  return points.map((p, i) => ({
    ...p,
    pixels: Array.from(decoded.subarray(i * GLYPH_PIXELS, (i + 1) * GLYPH_PIXELS)),
  }));
}

function renderPlain(points: Generated[], grid: Generated[], request: Request, columns: number): string {
  const parts: string[] = [];
  if (points.length > 0) {
    parts.push(
      wrapBlocks(
        points.map((g) => ({ lines: glyphLines(g.pixels, GLYPH_ROWS, GLYPH_COLS), caption: g.label })),
        columns,
        3,
      ).join('\n'),
    );
  }
  if (request.grid) {
    const { n, bounds } = request.grid;
    // The top row is z1's largest value (latentGrid), as on a plot.
    const range = (d: number, from: number[], to: number[]) => `${from[d].toFixed(2)} .. ${to[d].toFixed(2)}`;
    const rows = Array.from({ length: n }, (_, r) =>
      sideBySide(
        grid.slice(r * n, (r + 1) * n).map((g) => ({ lines: glyphLines(g.pixels, GLYPH_ROWS, GLYPH_COLS) })),
        1,
      ).join('\n'),
    );
    parts.push(
      [
        `${n}x${n} grid: z0 ${range(0, bounds.min, bounds.max)} left to right,` +
          ` z1 ${range(1, bounds.max, bounds.min)} top to bottom`,
        '',
        rows.join('\n\n'),
      ].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

async function runGenerate(settings: RawSettings, context: CommandContext): Promise<number> {
  rejectUnknown(settings, Object.keys(GENERATE_OPTIONS), 'generate');
  const file = readOption(GENERATE_OPTIONS, 'model', settings);
  if (!file)
    throw new UsageError(
      'generate needs --model FILE (save one with: sia-ae font --save FILE or sia-ae vae --save FILE)',
    );
  if (modelFileKind(file) === VAE_KIND) return generateVae(settings, file, context);
  if (settings.samples !== undefined || settings.seed !== undefined)
    throw new UsageError(
      '--samples and --seed draw from a VAE; this is a font autoencoder (use --z, --from/--to or --grid)',
    );
  const backend = createCpuBackend();
  try {
    const { model, meta } = readAutoencoder(file, backend);
    const glyphs = selectGlyphs(loadFont(), meta.chars.join(''));
    const codes = model.encode(flatten(glyphs.map((g) => g.pixels)), glyphs.length).slice();
    const codeOf = (char: string) => {
      const index = glyphs.findIndex((g) => g.char === char);
      if (index < 0) throw new UsageError(`"${char}" is not among the model's glyphs (${meta.chars.join('')})`);
      return Array.from(codes.subarray(index * model.latentSize, (index + 1) * model.latentSize));
    };
    const request = requestedPoints(settings, model, codeOf, () => latentBounds(codes, model.latentSize));
    if (request.grid) checkGridWidth(request.grid.n, GLYPH_COLS, context);
    const points = decodeAll(model, request.points);
    const grid = request.grid
      ? decodeAll(
          model,
          latentGrid(request.grid.bounds, request.grid.n).map((z) => ({
            label: z.map((v) => v.toFixed(2)).join(','),
            z,
          })),
        )
      : [];
    if (context.output === 'json') {
      writeJsonLine(context.stdout, {
        event: 'result',
        experiment: 'generate',
        model: file,
        glyphs: [...points, ...grid],
      });
    } else {
      context.stdout.write(renderPlain(points, grid, request, context.columns));
    }
  } finally {
    backend.dispose();
  }
  return 0;
}

function flatten(rows: Float32Array[]): Float32Array {
  const out = new Float32Array(rows.reduce((n, r) => n + r.length, 0));
  let offset = 0;
  for (const row of rows) {
    out.set(row, offset);
    offset += row.length;
  }
  return out;
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'decode latent points of a saved model into new glyphs or digits',
  flags: flagsOf(GENERATE_OPTIONS),
  help: `
  Usage: sia-ae generate --model FILE [what to generate] [--json]

  Decodes points of the latent space of a saved model into new glyphs
  (\`sia-ae font --save FILE\`) or digits (\`sia-ae vae --save FILE\`).

  What to generate (any combination)
${optionsHelp(GENERATE_OPTIONS, WHAT)}

  Output
${optionsHelp(GENERATE_OPTIONS, OUTPUT)}

  Examples
    sia-ae font --save font-model.json
    sia-ae generate --model font-model.json --z 0,0 --z 1.5,-2
    sia-ae generate --model font-model.json --from a --to o --steps 6
    sia-ae generate --model font-model.json --grid 8
    sia-ae generate --model vae.json --samples 6
`,
  run: runGenerate,
};
