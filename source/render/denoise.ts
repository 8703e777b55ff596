/**
 * The denoising study as text: the clean / noisy / denoised panel per glyph, the summary table of a noise
 * sweep (one row per architecture and noise setting), and the generalisation matrix (each model at every
 * noise setting). Pure functions of their inputs, for the plain reporter and the dashboard alike.
 */
import { GLYPH_COLS, GLYPH_ROWS, type Glyph } from '../data/font.js';
import { describeNoise, noiseFields, type NoiseSpec } from '../data/noise.js';
import type { Stat } from '../sweep/stats.js';
import type { TripletSample } from '../train/denoise-score.js';
import { GLYPH_LEGEND, SHADE_LEGEND, glyphLines, shadeLines, wrapBlocks } from './glyph.js';
import { renderStatTable, type Cell } from './stat-table.js';
import { renderTable } from './table.js';

/** Two lines: what the three pictures are, and how each is drawn. */
export const TRIPLET_LEGEND = `clean | noisy | denoised (noisy in ${SHADE_LEGEND})\ndenoised: ${GLYPH_LEGEND}`;

/** Per glyph: the three pictures side by side, then "in" and "out" lines of wrong pixels and mean abs error. */
export function tripletPanel(glyphs: Glyph[], samples: TripletSample[], columns: number): string[] {
  const blocks = glyphs.map((g, i) => {
    const s = samples[i];
    const clean = glyphLines(g.pixels, GLYPH_ROWS, GLYPH_COLS);
    const noisy = shadeLines(s.noisy, GLYPH_ROWS, GLYPH_COLS);
    const denoised = glyphLines(s.output, GLYPH_ROWS, GLYPH_COLS, g.pixels);
    return {
      lines: [
        ...clean.map((row, r) => `${row} ${noisy[r]} ${denoised[r]}`),
        `in  ${String(s.inputWrongPixels).padStart(2)} px ${s.inputMeanAbsError.toFixed(3)}`,
        `out ${String(s.wrongPixels).padStart(2)} px ${s.meanAbsError.toFixed(3)}`,
      ],
      caption: g.char,
    };
  });
  return wrapBlocks(blocks, columns, 3);
}

/** A row of the summary table: means over seeds (with their spread when there were several). */
export interface DenoiseRowView {
  architecture: string;
  noise: NoiseSpec;
  inputWrongPixels: Stat;
  wrongPixels: Stat;
  inputMeanAbsError: Stat;
  meanAbsError: Stat;
}

const PARAMETER_HEADERS: Record<string, string> = {
  mutationProb: 'mut prob',
  maxNoise: 'max noise',
  p: 'p',
  sigma: 'sigma',
};

/** Columns: architecture, noise, its parameters, then wrong pixels and mean abs error of input and output. */
export function denoiseTable(rows: DenoiseRowView[]): string {
  const parameters = noiseParameters(rows);
  const header = [
    'architecture',
    'noise',
    ...parameters.map((k) => PARAMETER_HEADERS[k] ?? k),
    'in px',
    'out px',
    'in MAE',
    'out MAE',
  ];
  const cells = rows.map((row): Cell[] => {
    const fields = noiseFields(row.noise);
    return [
      row.architecture,
      row.noise.model,
      ...parameters.map((k) => String(fields[k])),
      { stat: row.inputWrongPixels, digits: 2 },
      { stat: row.wrongPixels, digits: 2 },
      { stat: row.inputMeanAbsError, digits: 4 },
      { stat: row.meanAbsError, digits: 4 },
    ];
  });
  return renderStatTable(header, cells);
}

/** What the course's tables call Error, and the wrong pixels beside it, with their units. */
export const ERROR_UNITS =
  'Error: mean absolute error per pixel (0..1), the output against the clean glyph;\n' +
  'wrong px: wrong pixels per glyph (0..35); input: the same of the noisy input';

const COURSE_HEADERS: Record<string, string> = {
  mutationProb: 'Mut. prob',
  maxNoise: 'Max noise',
  p: 'Flip prob',
  sigma: 'Sigma',
};

/**
 * One architecture's rows in the course's shape: the noise parameters, Error (the output's mean abs error),
 * then the output's wrong pixels and the noisy input's error and wrong pixels.
 */
export function courseTable(rows: DenoiseRowView[]): string {
  const parameters = noiseParameters(rows);
  const header = [
    ...parameters.map((k) => COURSE_HEADERS[k] ?? k),
    'Error',
    'wrong px',
    'input error',
    'input wrong px',
  ];
  const cells = rows.map((row): Cell[] => {
    const fields = noiseFields(row.noise);
    return [
      ...parameters.map((k) => String(fields[k])),
      { stat: row.meanAbsError, digits: 4 },
      { stat: row.wrongPixels, digits: 2 },
      { stat: row.inputMeanAbsError, digits: 4 },
      { stat: row.inputWrongPixels, digits: 2 },
    ];
  });
  return renderStatTable(header, cells);
}

/** The names of the rows' noise parameters (one noise model per table). */
function noiseParameters(rows: DenoiseRowView[]): string[] {
  return rows.length > 0 ? Object.keys(noiseFields(rows[0].noise)).filter((k) => k !== 'noise') : [];
}

/** Output mean abs error (means over seeds) of each model (rows) at each noise setting (columns). */
export function generalisationTable(
  levels: NoiseSpec[],
  models: Array<{ label: string; meanAbsError: number[] }>,
): string {
  const header = ['trained on', ...levels.map(shortLabel)];
  return renderTable(
    header,
    models.map((m) => [m.label, ...m.meanAbsError.map((v) => v.toFixed(4))]),
  );
}

/** "p=0.1 max=0.3": the noise setting without the model name (one model per sweep). */
export function shortLabel(spec: NoiseSpec): string {
  return describeNoise(spec).replace(/^\S+ /, '');
}
