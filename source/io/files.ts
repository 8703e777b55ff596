/**
 * What a path must be before sia-ae reads or writes it. Output paths are checked before training starts, so a
 * typo fails in a second and not after an hour of training; input files are read only when they are regular
 * files of a sane size, so that `--config /dev/zero` cannot eat the memory nor `--model FIFO` block forever.
 *
 * A symlinked output path is followed: its target is written (atomically) and the link stays a link.
 */
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

export const MiB = 1024 * 1024;

/** The path that writing `file` really replaces: a symlink's target, so that the link stays a link. */
export function outputTarget(file: string, name = file): string {
  if (!lstatOrUndefined(file)?.isSymbolicLink()) return path.resolve(file);
  try {
    return realpathSync(file);
  } catch {
    throw new UsageError(
      `${name}: is a symlink to ${readlinkSync(file)}, which does not exist; remove the link or create its target`,
    );
  }
}

/**
 * Throws a UsageError unless a file can be written at `file`: its folder exists and is writable, and nothing but
 * a regular file (or nothing) is there. A symlink is followed and its target checked. `name` is how the message
 * names the path ("--save x.json").
 */
export function checkOutputFile(file: string, name: string): void {
  const target = outputTarget(file, name);
  const followed = target === path.resolve(file) ? '' : ` (a symlink to ${target})`;
  const existing = statOrUndefined(target);
  if (existing && !existing.isFile())
    throw new UsageError(`${name}${followed}: is ${kindOf(existing)}, not a file; name a file to write`);
  checkWritableFolder(path.dirname(target), name);
}

/** Throws a UsageError unless `folder` is a folder this process may create files in. */
export function checkWritableFolder(folder: string, name: string): void {
  if (!statOrUndefined(folder)?.isDirectory()) throw new UsageError(`${name}: the directory ${folder} does not exist`);
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${name}: cannot write in ${folder} (${code === 'EROFS' ? 'read-only file system' : 'permission denied'})`,
    );
  }
}

export interface ReadLimits {
  /** How messages name the file: "config file", "model file". */
  what: string;
  /** Larger files are refused (bytes). */
  limit: number;
}

/**
 * The text of `file`, read only if it is a regular file of at most `limit` bytes; anything else is a UsageError.
 * Opened without blocking and checked on the open descriptor, so a FIFO is refused at once and a file swapped
 * between the check and the read cannot slip through.
 */
export function readRegularFile(file: string, { what, limit }: ReadLimits): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UsageError(
      `cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UsageError(`${what} ${file} is ${kindOf(stats)}, not a file`);
    if (stats.size > limit)
      throw new UsageError(
        `${what} ${file} is ${mebibytes(stats.size)}, more than the ${mebibytes(limit)} sia-ae reads`,
      );
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mebibytes = (bytes: number) =>
  bytes < MiB ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / MiB).toFixed(1)} MiB`;

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
