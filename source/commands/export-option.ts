/** `--export DIR`, taken by every trainer: the flag, its help line, and its check before training starts. */
import { parseString, setting, type RawSettings } from '../config.js';
import { checkExportDirectory, type OtherPaths } from '../export/directory.js';
import type { FlagSpec } from './command.js';

export const EXPORT_FLAGS: Record<string, FlagSpec> = {
  export: { type: 'string' },
};

export const EXPORT_HELP = `    --export DIR        write figures (SVG), tables (CSV, Markdown), result.json
                        and report.md to DIR: new, empty or an earlier export
                        (whose files it replaces); a symlink's target is used`;

/** The export directory, checked now so that a bad one fails before training, not after it. */
export function parseExportDirectory(settings: RawSettings): string | undefined {
  const dir = setting(settings, 'export', undefined, parseString);
  // A model file the export would own (--save D/model.json --export D) is refused with the directory.
  const others: OtherPaths = { '--save': pathSetting(settings.save), '--load': pathSetting(settings.load) };
  if (dir !== undefined) checkExportDirectory(dir, undefined, others);
  return dir;
}

const pathSetting = (value: unknown) => (typeof value === 'string' ? value : undefined);
