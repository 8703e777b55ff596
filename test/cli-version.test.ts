/** `sia-ae --version` / `-v`: the package's version, alone on stdout, whatever else the line holds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version as string;

describe('sia-ae --version', () => {
  for (const args of [['--version'], ['-v'], ['vae', '--version']]) {
    it(`${args.join(' ')} prints the package version`, () => {
      const { status, stdout, stderr } = runCli(args);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toBe(`${VERSION}\n`);
    });
  }
});
