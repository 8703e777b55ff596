/**
 * The VAE reads MNIST before its dashboard can open: on a terminal it says so first. (In a pipe it says nothing:
 * vae-cli.test.ts checks that a --json run leaves stderr empty.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTER_ALTERNATE, hasScript, openAndQuit } from './helpers/pty.js';

const BIN = fileURLToPath(new URL('../bin/sia-ae.js', import.meta.url));
const TINY = ['--train-size', '256', '--validation', '200', '--batch', '64', '--layers', '32', '--backend', 'cpu-js'];

describe.skipIf(!hasScript)('sia-ae vae on a terminal', () => {
  it('says it is loading MNIST before the dashboard opens', async () => {
    // q stops the run early, which saves a checkpoint in the working folder: a folder of its own.
    const cwd = mkdtempSync(path.join(tmpdir(), 'sia-ae-vae-'));
    const { output } = await openAndQuit([process.execPath, BIN, 'vae', ...TINY, '--epochs', '1000'], { cwd });
    const loading = output.indexOf('loading MNIST (70,000 images)');
    expect(loading).toBeGreaterThanOrEqual(0);
    expect(loading).toBeLessThan(output.indexOf(ENTER_ALTERNATE));
  });
});
