/** Saving (atomic, whole, through symlinks, never over a device) and reading input files (regular, bounded). */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  writeSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SaveError, UsageError } from '../source/errors.js';
import { writeFileAtomic, type WriteCall } from '../source/io/atomic.js';
import { checkOutputFile, readRegularFile } from '../source/io/files.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'sia-ae-save-'));
const noSpace = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });

/** A disk that takes `room` more bytes, a few at a time, and then fails as a full disk does. */
function diskWithRoom(room: number): WriteCall {
  let left = room;
  return (fd, bytes, offset, length) => {
    if (left === 0) throw noSpace();
    const count = Math.min(length, left, 1000);
    left -= count;
    return writeSync(fd, bytes, offset, count);
  };
}

describe('writeFileAtomic', () => {
  const good = 'x'.repeat(10_000);
  const bigger = 'y'.repeat(30_000);

  it('writes the rest when the system writes fewer bytes than asked', () => {
    const file = path.join(fresh(), 'model.json');
    writeFileAtomic(file, bigger, diskWithRoom(Infinity));
    expect(readFileSync(file, 'utf8')).toBe(bigger);
  });

  it('keeps the earlier file and removes the temporary one when the disk fills up mid-write', () => {
    const dir = fresh();
    const file = path.join(dir, 'model.json');
    writeFileSync(file, good);
    expect(() => writeFileAtomic(file, bigger, diskWithRoom(5000))).toThrow(SaveError);
    expect(() => writeFileAtomic(file, bigger, diskWithRoom(5000))).toThrow(
      `could not save ${file}: no space left on device (ENOSPC); the earlier ${file} is unchanged`,
    );
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect(readdirSync(dir)).toEqual(['model.json']);
  });

  it('keeps the permissions of the file it replaces', () => {
    const file = path.join(fresh(), 'secret.json');
    writeFileSync(file, good);
    chmodSync(file, 0o600);
    writeFileAtomic(file, bigger);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('removes the temporary files of a killed run, not those of a running one', () => {
    const dir = fresh();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = `.model.json.${gone}.tmp`,
      live = `.model.json.${process.ppid}.tmp`,
      other = `.other.json.${gone}.tmp`;
    for (const name of [stale, live, other]) writeFileSync(path.join(dir, name), 'partial');
    writeFileAtomic(path.join(dir, 'model.json'), good);
    expect(readdirSync(dir).sort()).toEqual([live, other, 'model.json'].sort());
  });

  it('writes through a symlink: the target is replaced, the link stays a link', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'real.json'), good);
    symlinkSync('real.json', path.join(dir, 'link.json'));
    writeFileAtomic(path.join(dir, 'link.json'), bigger);
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real.json'), 'utf8')).toBe(bigger);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  it('refuses a device, a FIFO, a directory and a dangling symlink (UsageError), touching none', () => {
    const dir = fresh();
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    symlinkSync('missing.json', path.join(dir, 'dangling'));
    expect(() => writeFileAtomic('/dev/null', good)).toThrow(/\/dev\/null: is a device, not a file/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(() => writeFileAtomic(path.join(dir, 'fifo'), good)).toThrow(/is a FIFO/);
    expect(() => checkOutputFile(dir, '--save d')).toThrow('--save d: is a directory, not a file');
    expect(() => checkOutputFile(path.join(dir, 'dangling'), '--save l')).toThrow(
      /--save l: is a symlink to missing\.json, which does not exist/,
    );
    expect(() => checkOutputFile(path.join(dir, 'no', 'm.json'), '--save m')).toThrow(
      /--save m: the directory .*no does not exist/,
    );
    expect(lstatSync(path.join(dir, 'fifo')).isFIFO()).toBe(true);
  });
});

describe('readRegularFile', () => {
  const limits = { what: 'config file', limit: 100 };

  it('reads a regular file within the limit', () => {
    const file = path.join(fresh(), 'c.json');
    writeFileSync(file, '{}');
    expect(readRegularFile(file, limits)).toBe('{}');
  });

  it('refuses a larger file naming both sizes, a device, a FIFO (without blocking) and a directory', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'big'), 'x'.repeat(2048));
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expect(() => readRegularFile(path.join(dir, 'big'), limits)).toThrow(
      /config file .*big is 2\.0 KiB, more than the 0\.1 KiB sia-ae reads/,
    );
    expect(() => readRegularFile('/dev/zero', limits)).toThrow('config file /dev/zero is a device, not a file');
    expect(() => readRegularFile(path.join(dir, 'fifo'), limits)).toThrow(/is a FIFO \(named pipe\), not a file/);
    expect(() => readRegularFile(dir, limits)).toThrow(UsageError);
  });
});
