/**
 * Output and input paths through the real CLI: a bad --save / checkpoint / --export path fails before training
 * (exit 2, nothing on stdout with --json), a full disk keeps the earlier model (exit 1, one line), an export
 * never deletes a file it did not write, and device or FIFO inputs fail at once instead of hanging.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'sia-ae-paths-'));
const isRoot = process.getuid?.() === 0;
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
});

/** A tmpfs of `size` (root only): `options` "ro" makes it read-only even for root. */
function tmpfs(name: string, size: string, options = ''): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? `,${options}` : ''}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** A directory nobody here may write in: root ignores permissions, so for root a read-only tmpfs. */
function readOnlyDir(name: string): string {
  if (isRoot) return tmpfs(name, '1m', 'ro');
  const dir = path.join(root, name);
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  return dir;
}

const model = path.join(root, 'model.json');
const quick = ['--epochs', '1', '--json'];

/** One line on stderr, exit 2, and nothing trained: no epoch line on stdout. */
function expectRefused(args: string[], message: RegExp, options = {}): void {
  const { status, stdout, stderr } = runCli(args, {}, options);
  expect(stderr).toMatch(message);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stdout).toBe('');
  expect(status).toBe(2);
}

describe('a bad output path is refused before training (exit 2)', () => {
  const tiny = ['vae', '--epochs', '5', '--train-size', '500', '--validation', '100', '--json'];
  const cases: Array<[string, () => string[], RegExp]> = [
    [
      'vae --save in a missing directory',
      () => [...tiny, '--save', path.join(root, 'nodir', 'v.json')],
      /--save .*v\.json: the directory .*nodir does not exist/,
    ],
    [
      'vae --save in a read-only directory',
      () => [...tiny, '--save', path.join(readOnlyDir('ro-save'), 'v.json')],
      /--save .*v\.json: cannot write in .*ro-save/,
    ],
    ['vae --save naming a directory', () => [...tiny, '--save', root], /--save .*: is a directory, not a file/],
    [
      'vae --optimizer both, FILE-adam.json a directory',
      () => {
        mkdirSync(path.join(root, 'both-adam.json'));
        return [...tiny, '--optimizer', 'both', '--save', path.join(root, 'both.json')];
      },
      /--save .*both-adam\.json: is a directory/,
    ],
    [
      'vae --export in a read-only directory',
      () => [...tiny, '--export', path.join(readOnlyDir('ro-export'), 'x')],
      /--export .*: cannot write in .*ro-export/,
    ],
    [
      'font --save onto /dev/null',
      () => ['font', ...quick, '--save', '/dev/null'],
      /--save \/dev\/null: is a device, not a file/,
    ],
  ];
  for (const [what, args, message] of cases) it(what, () => expectRefused(args(), message));

  it('leaves /dev/null a device', () => {
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('saving', () => {
  it('writes a symlinked --save path through the link', () => {
    symlinkSync('real-model.json', path.join(root, 'linked.json'));
    writeFileSync(path.join(root, 'real-model.json'), '');
    const { status } = runCli(['font', ...quick, '--save', path.join(root, 'linked.json')]);
    expect(status).toBe(0);
    expect(lstatSync(path.join(root, 'linked.json')).isSymbolicLink()).toBe(true);
    expect(runCli(['generate', '--model', path.join(root, 'real-model.json'), '--z', '0,0']).status).toBe(0);
  });

  it.skipIf(!isRoot)(
    'keeps the earlier model on a full disk: exit 1, one line, no temporary file (tmpfs, root only)',
    () => {
      const disk = tmpfs('full', '1m');
      const file = path.join(disk, 'model.json');
      expect(runCli(['font', ...quick, '--save', file]).status).toBe(0);
      const before = readFileSync(file);
      // Fill the rest of the disk, so the next save cannot fit.
      try {
        writeFileSync(path.join(disk, 'filler'), Buffer.alloc(1 << 20));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      }
      const { status, stderr } = runCli(['font', ...quick, '--save', file]);
      expect(stderr).toBe(
        `sia-ae: could not save ${file}: no space left on device (ENOSPC); the earlier ${file} is unchanged\n`,
      );
      expect(status).toBe(1);
      expect(readFileSync(file)).toEqual(before);
      expect(readdirSync(disk).sort()).toEqual(['filler', 'model.json']);
      expect(runCli(['generate', '--model', file, '--z', '0,0']).status).toBe(0);
    },
  );
});

describe('exports never delete what they did not write', () => {
  it("refuses an earlier export holding a file of the user's, naming it, and keeps it", () => {
    expect(runCli(['font', ...quick, '--save', model]).status).toBe(0);
    const dir = path.join(root, 'figures');
    expect(runCli(['export', '--model', model, dir]).status).toBe(0);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expectRefused(
      ['font', ...quick, '--export', dir],
      /--export .*figures: holds notes\.txt, which no sia-ae export wrote/,
    );
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses an input model inside the export directory, and keeps it', () => {
    const dir = path.join(root, 'own-input');
    expect(runCli(['export', '--model', model, dir]).status).toBe(0);
    copyFileSync(model, path.join(dir, 'model.json'));
    expectRefused(
      ['export', '--json', '--model', path.join(dir, 'model.json'), dir],
      /--model .*model\.json lies inside the export directory/,
    );
    expect(readdirSync(dir)).toContain('model.json');
  });

  it('refuses --save inside --export before training', () => {
    const dir = path.join(root, 'save-inside');
    mkdirSync(dir);
    expectRefused(
      ['font', ...quick, '--save', path.join(dir, 'model.json'), '--export', dir],
      /--save .*model\.json lies inside the export directory/,
    );
  });

  it('follows a symlinked export directory: the link stays, the files go to its target', () => {
    mkdirSync(path.join(root, 'real-figures'));
    symlinkSync('real-figures', path.join(root, 'link-figures'));
    expect(runCli(['export', '--model', model, path.join(root, 'link-figures')]).status).toBe(0);
    expect(lstatSync(path.join(root, 'link-figures')).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(root, 'real-figures'))).toContain('report.md');
  });
});

describe('inputs that are no regular file fail at once instead of hanging', () => {
  it('font --config /dev/zero', () => {
    expectRefused(['font', '--config', '/dev/zero', ...quick], /config file \/dev\/zero is a device, not a file/, {
      timeout: 30_000,
    });
  });

  it('generate --model FIFO', () => {
    const fifo = path.join(root, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expectRefused(
      ['generate', '--model', fifo, '--z', '0,0'],
      /model file .*fifo is a FIFO \(named pipe\), not a file/,
      { timeout: 30_000 },
    );
  });
});
