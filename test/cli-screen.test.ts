/**
 * The real program as a subprocess: with stdout not a terminal it prints plain text; on a terminal (a pty from
 * util-linux's `script`) it opens the dashboard, quits on q, and leaves the terminal as it found it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INTERRUPTED_STATUS } from '../source/io/interrupt.js';
import { ENTER_ALTERNATE, hasScript, onTerminal as onPty } from './helpers/pty.js';

const CLI = ['bin/sia-ae.js'];
const LEAVE_ALTERNATE = '\u001B[?1049l',
  SHOW_CURSOR = '\u001B[?25h';

/** Runs the CLI on a 100x30 pty (helpers/pty.ts). */
const onTerminal = (args: string[], onOutput: Parameters<typeof onPty>[1]) =>
  onPty(['node', ...CLI, ...args], onOutput);

describe('sia-ae font without a terminal', () => {
  it('prints the plain reporter', () => {
    const out = execFileSync('node', [...CLI, 'font', '--epochs', '30', '--backend', 'cpu'], { encoding: 'utf8' });
    expect(out).toContain('epoch     0  loss');
    expect(out).toContain('after 30 epochs');
    expect(out).not.toContain('\u001B[');
  });

  it('takes --exit-on-done (ignored without a screen), and other commands are not handed switches left off', () => {
    expect(execFileSync('node', [...CLI, 'font', '--epochs', '3', '--exit-on-done'], { encoding: 'utf8' })).toContain(
      'after 3 epochs',
    );
    expect(execFileSync('node', [...CLI, 'glyphs', '--chars', 'a'], { encoding: 'utf8' })).toContain('.###.');
  });
});

describe.skipIf(!hasScript)('sia-ae font on a terminal', () => {
  it('opens the dashboard, and q quits with the terminal restored and a summary left on it', async () => {
    let typed = false;
    const { status, output } = await onTerminal(
      ['font', '--backend', 'cpu', '--target', '0', '--epochs', '1000000', '--lr', '0.0001'],
      (seen, type) => {
        if (!typed && /epoch\s+\d*[1-9]\d*\/1000000/.test(seen)) {
          typed = true;
          type('q');
        }
      },
    );
    expect(status).toBe(INTERRUPTED_STATUS); // q before the end stops the run, as Ctrl-C does
    expect(output).toContain(ENTER_ALTERNATE);
    const afterScreen = output.slice(output.lastIndexOf(LEAVE_ALTERNATE));
    expect(afterScreen).toContain(SHOW_CURSOR);
    expect(afterScreen).toMatch(/stopped at epoch \d+ \(q\)/);
  });

  it('--exit-on-done leaves by itself when training ends', async () => {
    const { status, output } = await onTerminal(['font', '--backend', 'cpu', '--exit-on-done'], () => {});
    expect(status).toBe(0);
    expect(output.slice(output.lastIndexOf(LEAVE_ALTERNATE))).toContain('reached the target');
  });
});

describe('sia-ae vae without a terminal', () => {
  it('prints the plain reporter', () => {
    const out = execFileSync(
      'node',
      [
        ...CLI,
        'vae',
        '--train-size',
        '256',
        '--validation',
        '200',
        '--batch',
        '64',
        '--layers',
        '32',
        '--epochs',
        '1',
        '--backend',
        'cpu-js',
      ],
      { encoding: 'utf8' },
    );
    expect(out).toMatch(/adam +epoch 1\/1 +train \d/);
    expect(out).toContain('generated:');
    expect(out).not.toContain('\u001B[?1049h');
  });
});
