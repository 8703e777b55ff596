/** `--export DIR`, taken by every trainer: the flag, its help line, and its check before training starts. */
import { parseString, setting, type RawSettings } from '../config.js';
import { checkExportDirectory } from '../export/directory.js';
import type { FlagSpec } from './command.js';

export const EXPORT_FLAGS: Record<string, FlagSpec> = {
  export: { type: 'string' },
};

export const EXPORT_HELP = `    --export DIR        write figures (SVG), tables (CSV, Markdown), result.json
                        and report.md to DIR (replacing an earlier export)`;

/** The export directory, checked now so that a bad one fails before training, not after it. */
export function parseExportDirectory(settings: RawSettings): string | undefined {
  const dir = setting(settings, 'export', undefined, parseString);
  if (dir !== undefined) checkExportDirectory(dir);
  return dir;
}

/** The line plain output ends with after an export. */
export function exportedLine(dir: string, files: string[]): string {
  return `exported ${files.length} files to ${dir} (start with report.md)\n`;
}
