/**
 * The PyTorch comparison (bench/pytorch.ts) is a benchmark, not a test, and CI does not install PyTorch: what is
 * checked here is that it says so and succeeds where no python3 imports torch, rather than failing the run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function run(command: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
}

const hasPython = run('python3', ['--version']).status === 0;

describe('the PyTorch comparison without PyTorch', () => {
  it.skipIf(!hasPython)('the Python side answers that torch is missing, and exits 0', () => {
    // -S leaves out site-packages, where a torch that is installed would be found.
    const { status, stdout } = run('python3', ['-S', 'bench/pytorch-vae.py', 'unused']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ missing: expect.stringContaining('PyTorch is not installed') });
  });

  it('the driver says it skipped, and exits 0', () => {
    const { status, stdout } = run(process.execPath, ['--import', 'tsx', 'bench/pytorch.ts'], { PYTHON: 'false' });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^PyTorch comparison skipped: no python3 here imports torch \(false exited without/);
  });
});
