/**
 * What an experiment hands the exporter: its figures and tables, its configuration and its result (the very
 * object of its `--json` result line). `writeExport` turns that into the files of an export directory.
 *
 * A trainer plugs in with: `export: exportOption()` in its option table (options/shared.ts: the flag, its
 * help, and the directory checked before training), a HistoryRecorder fed from the
 * same events as its reporter, and after the result line
 * `writeExport(dir, { experiment, title, summary, config, result: line, figures, tables })`.
 * Figures come from render/svg (lineChartSvg or historyFigure, scatterSvg with `group` for classes,
 * pixelGridSvg for any rows x cols bitmaps, `png: true` for digit grids); tables from objectTable/keyValueTable.
 */
import { writeExportDirectory, MANIFEST, MANIFEST_FORMAT, type ExportFile } from './directory.js';
import { svgToPng } from './png.js';
import { reportMarkdown } from './report-markdown.js';
import { tableCsv, tableMarkdown } from './table.js';
import type { ExportBundle } from './contents.js';

export const EXPORT_VERSION = 1;

/** Every file of the export, in the order the manifest lists them. */
export function exportFiles(bundle: ExportBundle): ExportFile[] {
  const files: ExportFile[] = [
    { name: 'report.md', data: reportMarkdown(bundle) },
    { name: 'result.json', data: `${JSON.stringify(bundle.result, null, 2)}\n` },
    { name: 'config.json', data: `${JSON.stringify(bundle.config, null, 2)}\n` },
    ...bundle.figures.flatMap((f) => [
      { name: `${f.name}.svg`, data: f.svg },
      ...(f.png ? [{ name: `${f.name}.png`, data: svgToPng(f.svg) }] : []),
    ]),
    ...bundle.tables.flatMap((t) => [
      { name: `${t.name}.csv`, data: tableCsv(t) },
      { name: `${t.name}.md`, data: `## ${t.title}\n\n${tableMarkdown(t)}` },
    ]),
  ];
  const manifest = {
    format: MANIFEST_FORMAT,
    version: EXPORT_VERSION,
    experiment: bundle.experiment,
    files: files.map((f) => f.name),
  };
  return [...files, { name: MANIFEST, data: `${JSON.stringify(manifest, null, 2)}\n` }];
}

/** Writes the export into `dir` (replacing the files of an earlier export); returns the file names. */
export function writeExport(dir: string, bundle: ExportBundle): string[] {
  const files = exportFiles(bundle);
  writeExportDirectory(dir, files);
  return files.map((f) => f.name);
}
