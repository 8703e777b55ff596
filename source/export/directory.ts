/**
 * An export directory holds the files of one export and the manifest that lists them. A new export writes each
 * file atomically into the directory and replaces or removes only files an earlier export wrote (its manifest
 * lists them): an export never deletes a file it did not write. A directory holding anything else is refused
 * before training, naming the file, so that a mistyped `--export ~` cannot touch a directory of someone's files.
 *
 * The order of writing leaves, after a failure at any point, a directory the next export accepts: first a
 * manifest listing the earlier and the new files, then the files, then the earlier files the new export no
 * longer has are removed, and last the new export's own manifest.
 *
 * A symlink to a directory is followed: the files go into its target and the link stays.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { temporaryOf, writeFileAtomic } from '../io/atomic.js';
import { checkWritableFolder, MiB, outputTarget, readRegularFile } from '../io/files.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_FORMAT = 'sia-ae-export';

export interface ExportFile {
  /** Name inside the directory (no subdirectories). */
  name: string;
  data: string | Uint8Array;
}

/** Paths the run reads or writes besides the export (`{"--save": "model.json"}`), which must lie outside it. */
export type OtherPaths = Record<string, string | undefined>;

/**
 * Throws a UsageError unless `dir` can become an export directory: checked before training starts, and again
 * before writing. `name` is how the message names it (the flag, or the argument).
 */
export function checkExportDirectory(dir: string, name = `--export ${dir}`, others: OtherPaths = {}): void {
  const target = outputTarget(dir, name);
  for (const [flag, file] of Object.entries(others)) {
    if (file !== undefined && isInside(realPath(file), target)) {
      throw new UsageError(
        `${name}: ${flag} ${file} lies inside the export directory, whose files the export replaces; keep it elsewhere`,
      );
    }
  }
  if (!existsSync(target)) return checkWritableFolder(path.dirname(target), name);
  if (!statSync(target).isDirectory()) throw new UsageError(`${name}: is a file, not a directory`);
  checkWritableFolder(target, name);
  const entries = readdirSync(target);
  const owned = exportedFiles(target);
  if (!owned) {
    if (entries.length > 0)
      throw new UsageError(`${name}: the directory holds other files (not a sia-ae export); name a new or empty one`);
    return;
  }
  const foreign = entries.find((entry) => !isOwned(entry, owned));
  if (foreign)
    throw new UsageError(
      `${name}: holds ${foreign}, which no sia-ae export wrote; move it away or name another directory`,
    );
}

/** Writes `files` (the manifest among them) into `dir`, replacing the earlier export's files. */
export function writeExportDirectory(dir: string, files: ExportFile[]): void {
  checkExportDirectory(dir, dir);
  const target = outputTarget(dir);
  mkdirSync(target, { recursive: true });
  const earlier = exportedFiles(target) ?? [];
  const content = files.filter((f) => f.name !== MANIFEST);
  const names = content.map((f) => f.name);
  // In progress: this manifest owns every file either export has, so a failure leaves nothing unowned.
  const inProgress = { format: MANIFEST_FORMAT, files: [...new Set([...earlier, ...names])] };
  writeFileAtomic(path.join(target, MANIFEST), `${JSON.stringify(inProgress, null, 2)}\n`);
  for (const file of content) writeFileAtomic(path.join(target, file.name), file.data);
  for (const name of earlier) if (!names.includes(name)) rmSync(path.join(target, name), { force: true });
  // Last, the export's own manifest (one of `files`): it owns just the files written now.
  for (const file of files.filter((f) => f.name === MANIFEST)) writeFileAtomic(path.join(target, MANIFEST), file.data);
}

/** The files the manifest in `dir` lists, or undefined when `dir` holds no sia-ae export. */
function exportedFiles(dir: string): string[] | undefined {
  let manifest: { format?: unknown; files?: unknown };
  try {
    manifest = JSON.parse(readRegularFile(path.join(dir, MANIFEST), { what: 'export manifest', limit: MiB }));
  } catch {
    return undefined;
  }
  const files = manifest?.files;
  if (manifest?.format !== MANIFEST_FORMAT || !Array.isArray(files)) return undefined;
  // Names only: a manifest naming ../something must not make the export remove a file outside the directory.
  return files.every((f) => typeof f === 'string' && f === path.basename(f) && f !== '..' && f !== '.')
    ? files
    : undefined;
}

/** The manifest, a file it lists, or the temporary file of one of those (a run killed while writing it). */
function isOwned(entry: string, files: string[]): boolean {
  const own = (name: string) => name === MANIFEST || files.includes(name);
  const temporary = temporaryOf(entry);
  return own(entry) || (temporary !== undefined && own(temporary.base));
}

function isInside(file: string, dir: string): boolean {
  return file.startsWith(dir + path.sep);
}

/** The path with every symlink resolved, for the part of it that exists. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const parent = path.dirname(path.resolve(file));
    return parent === path.resolve(file) ? parent : path.join(realPath(parent), path.basename(file));
  }
}
