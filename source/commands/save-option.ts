/** `--save FILE`, checked when the settings are read, so that a bad path fails before training, not after it. */
import { parseString, setting, type RawSettings } from '../config.js';
import { checkOutputFile } from '../io/files.js';

export function parseSaveFile(settings: RawSettings): string | undefined {
  const file = setting(settings, 'save', undefined, parseString);
  if (file !== undefined) checkOutputFile(file, `--save ${file}`);
  return file;
}
