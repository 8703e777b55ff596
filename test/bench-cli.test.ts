/** `sia-ae bench` input checks (its timings are printed, never asserted). */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('sia-ae bench', () => {
  it('names its sections in --help', () => {
    const { status, stdout } = runCli(['bench', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/--only S +kernels \| font \| vae/);
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('rejects an unknown section with one line and exit status 2', () => {
    const { status, stdout, stderr } = runCli(['bench', '--only', 'disk']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/--only must be one of kernels, font, vae, gpu, got "disk"/);
  });
});
