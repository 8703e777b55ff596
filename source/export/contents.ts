/**
 * What an experiment hands the exporter (bundle.ts writes it, report-markdown.ts reads it): kept apart from
 * both so that neither imports the other for its shape.
 */
import type { Table } from './table.js';

export interface Figure {
  /** File name without extension: NAME.svg (and NAME.png). */
  name: string;
  title: string;
  /** One or two sentences under the figure in report.md: what it shows, how to read it. */
  caption?: string;
  svg: string;
  /** Also write NAME.png (digit grids, where a bitmap viewer is handier than a vector one). */
  png?: boolean;
}

export interface ExportBundle {
  /** "font", "denoise", "vae". */
  experiment: string;
  /** The report's heading, e.g. "Font autoencoder". */
  title: string;
  /** Bullet points at the top of the report: the outcome in a few lines. */
  summary: string[];
  /** The run's settings as used (defaults filled in). */
  config: Record<string, unknown>;
  /** The `--json` result line, exactly: written as result.json. */
  result: object;
  figures: Figure[];
  tables: Table[];
}
