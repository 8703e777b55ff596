/**
 * The package as users get it: `npm pack` (from a copy of the sources, so its prepack build cannot disturb a
 * test run using dist/), the tarball installed into a temporary prefix with its dependencies only, and the
 * installed `sia-ae` run from a folder holding a tsconfig.json of its own, through a pipe and on a terminal.
 *
 * npm run test:package (not part of npm test: the install takes minutes, because gpu.js's optional
 * headless-gl dependency compiles from source on every install into a fresh prefix; npm caches the download,
 * not the build). SIA_AE_PACKAGE_IGNORE_SCRIPTS=1 installs without dependencies' install scripts, in seconds:
 * the program must work then too, gl being optional.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_STATUS } from '../source/io/interrupt.js';
import { relaxedSimd } from '../source/math/wasm/relaxed-simd.js';
import { ENTER_ALTERNATE, KEY_BAR, hasScript, openAndQuit } from './helpers/pty.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What `npm pack` needs to build the package: the tarball's inputs, not the tests. */
const PACKAGE_INPUTS = [
  'package.json',
  'package-lock.json',
  'README.md',
  'tsconfig.json',
  'tsconfig.build.json',
  'bin',
  'fixtures',
  'scripts',
  'source',
];
const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const NPM_QUIET = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'];

const work = mkdtempSync(path.join(tmpdir(), 'sia-ae-package-'));
const prefix = path.join(work, 'prefix');
/** Where the user runs sia-ae: a project of their own, whose tsconfig.json says nothing useful to us. */
const userFolder = path.join(work, 'user');
const sia = path.join(prefix, 'bin', 'sia-ae');

function packTarball(): string {
  const copy = path.join(work, 'sources');
  for (const input of PACKAGE_INPUTS) cpSync(path.join(ROOT, input), path.join(copy, input), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir'); // the build tools
  const out = path.join(work, 'tarball');
  mkdirSync(out);
  execFileSync('npm', ['pack', '--pack-destination', out, '--loglevel', 'error'], {
    cwd: copy,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return path.join(out, readdirSync(out)[0]);
}

function installTarball(tarball: string): void {
  const scripts = process.env.SIA_AE_PACKAGE_IGNORE_SCRIPTS ? ['--ignore-scripts'] : [];
  execFileSync('npm', ['install', '--global', '--prefix', prefix, tarball, ...NPM_QUIET, ...scripts], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(sia, args, { cwd: userFolder, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  installTarball(packTarball());
  mkdirSync(userFolder);
  writeFileSync(
    path.join(userFolder, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { jsx: 'preserve', module: 'commonjs' } }),
  );
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true })); // the install is a few hundred megabytes

describe('the installed package', () => {
  it('holds the compiled program and the wasm kernels, and no TypeScript', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'sia-ae');
    const files = readdirSync(installed, { recursive: true, encoding: 'utf8' }).filter(
      (file) => !file.startsWith('node_modules'),
    );
    expect(files).toContain(path.join('dist', 'cli.js'));
    expect(files).toContain(path.join('dist', 'math', 'wasm', 'build', 'kernels.wasm'));
    expect(files).toContain(path.join('dist', 'math', 'wasm', 'build', 'kernels-fma.wasm'));
    expect(files.filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('prints its version and its help', () => {
    expect(run(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: sia-ae');
  });

  it('prints glyphs, and trains the font through a pipe', () => {
    expect(run(['glyphs', '--chars', 'a']).stdout).toContain('.###.');
    const font = run(['font', '--plain', '--epochs', '20']);
    expect(font.stderr).toBe('');
    expect(font.status).toBe(0);
    expect(font.stdout).toContain('after 20 epochs');
  });

  it.skipIf(!relaxedSimd)('finds and runs the fused kernels from dist/, on two threads', () => {
    const font = run(['font', '--json', '--epochs', '20', '--backend', 'wasm-simd-fma-2t']);
    expect(font.stderr).toBe('');
    expect(JSON.parse(font.stdout.trim().split('\n').pop()!)).toMatchObject({ backend: 'wasm-simd-fma-2t' });
  });

  it('runs a sweep on worker threads (compiled workers, no TypeScript loader)', () => {
    const sweep = run(['font', '--sweep', '--latent', '2', '--subsets', 'aben', '--epochs', '50', '--plain']);
    expect(sweep.stderr).toBe('');
    expect(sweep.status).toBe(0);
    expect(sweep.stdout).toMatch(/^ +2 +aben /m);
  });
});

const DASHBOARDS = [
  ['font', '--epochs', '1000000'],
  ['denoise', '--epochs', '1000000'],
  ['vae', '--train-size', '256', '--validation', '200', '--batch', '64', '--epochs', '1000'],
];

describe.skipIf(!hasScript)('the installed package on a terminal', () => {
  for (const args of DASHBOARDS) {
    it(`${args[0]} opens its dashboard, and q quits`, async () => {
      const { status, output } = await openAndQuit([sia, ...args], { cwd: userFolder, timeoutMs: 120_000 });
      expect(output).not.toContain('internal error');
      expect(output).toContain(ENTER_ALTERNATE);
      expect(output).toContain(KEY_BAR);
      expect(status).toBe(INTERRUPTED_STATUS); // q before the end: stopped, not killed
    });
  }
});
