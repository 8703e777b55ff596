/**
 * Atomic writes: the data goes to a temporary file beside the target, is written whole and flushed, then renamed
 * over it, and the folder is flushed so that the rename lasts. Any failure (a full disk is the usual one) removes
 * the temporary file and leaves the earlier file as it was: a SaveError saying so.
 *
 * A symlink is written through (its target is replaced, the link stays); a folder, device or FIFO is refused.
 * The earlier file's permissions carry over. Temporary files of a killed run (`.NAME.PID.tmp`, PID no longer
 * running) are removed by the next save to the same path.
 */
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { SaveError } from '../errors.js';
import { checkOutputFile, outputTarget } from './files.js';

/** The write(2) call: tests pass one that writes short or fails, as a full disk does. */
export type WriteCall = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

export function writeFileAtomic(file: string, data: string | Uint8Array, write: WriteCall = writeSync): void {
  checkOutputFile(file, file);
  const target = outputTarget(file);
  const folder = path.dirname(target);
  removeStaleTemporaries(folder, path.basename(target));
  const temporary = path.join(folder, temporaryName(path.basename(target), process.pid));
  const earlierMode = modeOf(target);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeAll(fd, typeof data === 'string' ? Buffer.from(data) : data, write);
      if (earlierMode !== undefined) fchmodSync(fd, earlierMode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw saveError(file, error as NodeJS.ErrnoException, earlierMode !== undefined);
  }
  syncFolder(folder);
}

const temporaryName = (base: string, pid: number) => `.${base}.${pid}.tmp`;

/** write(2) may write fewer bytes than asked (a nearly full disk): write the rest until all are written. */
function writeAll(fd: number, bytes: Uint8Array, write: WriteCall): void {
  for (let written = 0; written < bytes.length; ) {
    const count = write(fd, bytes, written, bytes.length - written);
    if (count <= 0) throw Object.assign(new Error('the file system took no more bytes'), { code: 'EIO' });
    written += count;
  }
}

/** The file a temporary file `.BASE.PID.tmp` was going to become, and the process writing it. */
export function temporaryOf(name: string): { base: string; pid: number } | undefined {
  const match = /^\.(.+)\.(\d+)\.tmp$/.exec(name);
  return match ? { base: match[1], pid: Number(match[2]) } : undefined;
}

/** Temporary files for `base` in `folder` whose process is gone: left by a run killed mid-save. */
function removeStaleTemporaries(folder: string, base: string): void {
  for (const name of readdirSync(folder)) {
    const temporary = temporaryOf(name);
    if (temporary?.base === base && !isRunning(temporary.pid)) rmSync(path.join(folder, name), { force: true });
  }
}

/** Clean-up after a failure: its own error (ENAMETOOLONG when the file was never made) must not hide the cause. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing to remove, or nothing more to be done
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: running, as another user
  }
}

function modeOf(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Makes the rename durable. The new file is in place by now, so a folder that cannot be fsynced (some file
 * systems refuse) does not make the save a failure. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // the save itself succeeded
  }
}

function saveError(file: string, error: NodeJS.ErrnoException, hadEarlier: boolean): SaveError {
  const described = error.errno !== undefined ? getSystemErrorMap().get(error.errno)?.[1] : undefined;
  const reason = error.code ? `${described ?? error.message} (${error.code})` : error.message;
  return new SaveError(
    `could not save ${file}: ${reason}; ${hadEarlier ? `the earlier ${file} is unchanged` : 'nothing was written'}`,
    { cause: error },
  );
}
