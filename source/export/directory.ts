/**
 * The export directory is replaced whole or not at all: every file is written into a fresh sibling directory,
 * which is then swapped in (the old one renamed aside, the new one renamed in, the old one removed). A failure
 * at any point leaves the earlier export as it was.
 *
 * Only an empty directory or an earlier export (it holds our manifest) is ever replaced, so that a mistyped
 * `--export ~` cannot wipe a directory of someone's files.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_FORMAT = 'sia-ae-export';

export interface ExportFile {
  /** Name inside the directory (no subdirectories). */
  name: string;
  data: string | Uint8Array;
}

/**
 * Throws a UsageError unless `dir` can become an export directory: checked before training starts, and again
 * before writing. `name` is how the message names it (the flag, or the argument).
 */
export function checkExportDirectory(dir: string, name = `--export ${dir}`): void {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  if (!isDirectory(parent)) throw new UsageError(`${name}: the directory ${parent} does not exist`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new UsageError(`${name}: cannot write in ${parent} (permission denied)`);
  }
  if (!existsSync(target)) return;
  if (!isDirectory(target)) throw new UsageError(`${name}: is a file, not a directory`);
  if (readdirSync(target).length > 0 && !isEarlierExport(target)) {
    throw new UsageError(`${name}: the directory holds other files (not a sia-ae export); name a new or empty one`);
  }
}

/** Writes `files` as the whole content of `dir`, replacing an earlier export in one swap. */
export function writeDirectoryAtomically(dir: string, files: ExportFile[]): void {
  checkExportDirectory(dir, dir);
  const target = path.resolve(dir);
  const sibling = (what: string) => path.join(path.dirname(target), `.${path.basename(target)}.${what}-${process.pid}`);
  const fresh = sibling('new'), old = sibling('old');
  rmSync(fresh, { recursive: true, force: true }); // left by a crashed earlier run of the same pid
  mkdirSync(fresh);
  try {
    for (const file of files) writeFileAtomic(path.join(fresh, file.name), file.data);
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  const hadOld = existsSync(target);
  try {
    if (hadOld) renameSync(target, old);
    renameSync(fresh, target);
  } catch (error) {
    if (hadOld && !existsSync(target) && existsSync(old)) renameSync(old, target);
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isEarlierExport(dir: string): boolean {
  try {
    return JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'))?.format === MANIFEST_FORMAT;
  } catch {
    return false;
  }
}
