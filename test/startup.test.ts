/**
 * What starting sia-ae loads: gpu.js (with headless-gl) and resvg's native binding cost a fifth of a second
 * before anything is shown, so they load only when a gpu.js backend or a PNG is asked for. Timings live in
 * bench/startup.ts (npm run bench:startup); this checks the cause, which does not depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/sia-ae.js', import.meta.url));
const HEAVY = ['gpu.js', '@resvg/resvg-js'];
// Loaded before the program: at exit, lists the packages of every CommonJS module loaded (gpu.js and resvg are
// CommonJS, so they are in require's cache however they were imported).
const LIST_LOADED = `data:text/javascript,${encodeURIComponent(`
import Module from 'node:module';
process.on('exit', () => process.stderr.write('loaded:' + JSON.stringify(Object.keys(Module._cache)) + '\\n'));`)}`;

function packagesLoaded(args: string[]): string[] {
  const { status, stderr } = spawnSync(process.execPath, ['--import', LIST_LOADED, BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(status).toBe(0);
  const files: string[] = JSON.parse(stderr.slice(stderr.lastIndexOf('loaded:') + 'loaded:'.length));
  return HEAVY.filter((name) => files.some((file) => file.includes(`/node_modules/${name}/`)));
}

describe('starting sia-ae', () => {
  for (const args of [
    ['--help'],
    ['--version'],
    ['glyphs', '--chars', 'a'],
    ['font', '--epochs', '1', '--backend', 'cpu'],
  ]) {
    it(`${args.join(' ')} loads neither gpu.js nor resvg`, () => {
      expect(packagesLoaded(args)).toEqual([]);
    });
  }

  it('a gpu.js backend still loads gpu.js', () => {
    expect(packagesLoaded(['font', '--epochs', '1', '--backend', 'webasm'])).toEqual(['gpu.js']);
  });
});
