/**
 * A run that is interrupted (Ctrl-C, SIGTERM, SIGHUP, a closed terminal or pipe) stops at a step boundary,
 * saves what a stop saves, and exits with one status in every command and every output mode; no stack trace.
 * The terminal cases run on a real pseudo-terminal (test/helpers/pty.py) whose master side is closed, as a
 * dropped SSH connection closes it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Interruptions, INTERRUPTED_STATUS } from '../source/io/interrupt.js';
import { ReferenceBackend } from '../source/math/reference.js';
import { loadAutoencoder } from '../source/nn/autoencoder-file.js';
import { loadVaeCheckpoint } from '../source/nn/vae-file.js';

const BIN = fileURLToPath(new URL('../bin/sia-ae.js', import.meta.url));
const PTY = fileURLToPath(new URL('./helpers/pty.py', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A font run that would take minutes, so that it is surely interrupted mid-way. */
const LONG_FONT = ['--backend', 'cpu', '--target', '0', '--epochs', '1000000', '--lr', '0.0001', '--log-every', '10'];
const LONG_VAE = [
  '--train-size',
  '1000',
  '--validation',
  '200',
  '--batch',
  '50',
  '--layers',
  '32',
  '--backend',
  'cpu',
  '--epochs',
  '1000',
];

/** A person's terminal, not CI's: Ink draws only the last frame when it sees CI variables. */
const personEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'CI' && !key.startsWith('CI_')));

interface Finished {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI on pipes; once stdout matches `ready`, `act` interrupts it (a signal, or closing the pipe). */
function runUntil(
  args: string[],
  ready: RegExp,
  act: (child: ReturnType<typeof spawn>) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Finished> {
  const child = spawn(process.execPath, [BIN, ...args], { env });
  let stdout = '',
    stderr = '',
    acted = false;
  child.stdout.on('data', (data) => {
    stdout += data;
    if (!acted && ready.test(stdout)) {
      acted = true;
      act(child);
    }
  });
  child.stderr.on('data', (data) => (stderr += data));
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
}

/** What `read` returns once it stops throwing (a file another process writes when it ends), within 30 s. */
async function eventually<T>(read: () => T): Promise<T> {
  for (let waited = 0; ; waited += 100) {
    try {
      return read();
    } catch (error) {
      if (waited > 30_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |internal error|Assertion failed/);

describe('Interruptions', () => {
  it('tells every listener once, with the reason', () => {
    const exits: number[] = [];
    const interruptions = new Interruptions((status) => exits.push(status));
    const heard: string[] = [];
    interruptions.subscribe((reason) => heard.push(`a ${reason}`));
    interruptions.subscribe((reason) => heard.push(`b ${reason}`));
    interruptions.interrupt('SIGTERM');
    interruptions.interrupt('EIO');
    expect(heard).toEqual(['a SIGTERM', 'b SIGTERM']);
    expect(exits).toEqual([]);
    interruptions.subscribe((reason) => heard.push(`late ${reason}`));
    expect(heard.at(-1)).toBe('late SIGTERM');
  });

  it('exits at once when nothing listens, or when Ctrl-C or SIGTERM comes again; a lost terminal never insists', () => {
    const exits: number[] = [];
    const idle = new Interruptions((status) => exits.push(status));
    idle.interrupt('SIGINT');
    expect(exits).toEqual([INTERRUPTED_STATUS]);

    const busy = new Interruptions((status) => exits.push(status));
    const unsubscribe = busy.subscribe(() => {});
    busy.interrupt('SIGHUP');
    busy.interrupt('EIO');
    busy.interrupt('SIGHUP');
    expect(exits).toHaveLength(1);
    busy.interrupt('SIGINT');
    expect(exits).toEqual([INTERRUPTED_STATUS, INTERRUPTED_STATUS]);
    unsubscribe();
  });
});

describe('an interrupted run without a terminal', () => {
  it('vae --json: SIGTERM saves the checkpoint and ends with a stopped line, status 130', async () => {
    const checkpoint = path.join(dir, 'term.json');
    const run = await runUntil(['vae', ...LONG_VAE, '--json', '--save', checkpoint], /"epoch":1,/, (child) =>
      child.kill('SIGTERM'),
    );
    expect(run.status).toBe(INTERRUPTED_STATUS);
    const last = JSON.parse(run.stdout.trimEnd().split('\n').at(-1)!);
    expect(last).toEqual({ event: 'stopped', reason: 'SIGTERM', checkpoints: [checkpoint] });
    expect(loadVaeCheckpoint(checkpoint).checkpoint.progress.epoch).toBeGreaterThanOrEqual(1);
    noStackTrace(run.stderr);
  });

  it('vae --plain: SIGHUP saves the checkpoint too', async () => {
    const checkpoint = path.join(dir, 'hup.json');
    const run = await runUntil(['vae', ...LONG_VAE, '--plain', '--save', checkpoint], /epoch 1\/1000/, (child) =>
      child.kill('SIGHUP'),
    );
    expect(run.status).toBe(INTERRUPTED_STATUS);
    expect(run.stdout).toMatch(/stopped; saved .*hup\.json/);
    expect(loadVaeCheckpoint(checkpoint).checkpoint.progress.epoch).toBeGreaterThanOrEqual(1);
    noStackTrace(run.stderr);
  });

  it('font --plain: Ctrl-C saves the model when --save is given', async () => {
    const model = path.join(dir, 'font-int.json');
    const run = await runUntil(['font', ...LONG_FONT, '--plain', '--save', model], /epoch +20 /, (child) =>
      child.kill('SIGINT'),
    );
    expect(run.status).toBe(INTERRUPTED_STATUS);
    expect(run.stdout).toMatch(/stopped at epoch \d+ \(Ctrl-C\): loss [\d.]+/);
    expect(run.stdout).toContain(`saved the model to ${model}`);
    expect(loadAutoencoder(model, new ReferenceBackend()).shape.layers).toEqual([35, 30, 2]);
    noStackTrace(run.stderr);
  });

  it('font: a closed output pipe (| head) stops the run and still saves the model', async () => {
    const model = path.join(dir, 'font-pipe.json');
    const run = await runUntil(['font', ...LONG_FONT, '--plain', '--save', model], /epoch +20 /, (child) =>
      child.stdout!.destroy(),
    );
    expect(run.status).toBe(INTERRUPTED_STATUS);
    expect(loadAutoencoder(model, new ReferenceBackend()).shape.layers).toEqual([35, 30, 2]);
    noStackTrace(run.stderr);
  });

  it('denoise --json: SIGTERM ends with a stopped line and the model', async () => {
    const model = path.join(dir, 'denoise-int.json');
    const run = await runUntil(
      ['denoise', '--backend', 'cpu', '--epochs', '1000000', '--log-every', '10', '--json', '--save', model],
      /"epoch":20,/,
      (child) => child.kill('SIGTERM'),
    );
    expect(run.status).toBe(INTERRUPTED_STATUS);
    const last = JSON.parse(run.stdout.trimEnd().split('\n').at(-1)!);
    expect(last).toMatchObject({ event: 'stopped', reason: 'SIGTERM', saved: model });
    expect(last.epoch).toBeGreaterThanOrEqual(20);
    expect(loadAutoencoder(model, new ReferenceBackend()).shape.layers[0]).toBe(35);
  });

  it('a sweep stops its workers and says so in one line', async () => {
    const run = await runUntil(
      ['font', '--sweep', '--latent', '2,3', '--workers', '2', '--backend', 'cpu', ...LONG_FONT.slice(2), '--plain'],
      /sweep: /,
      (child) => child.kill('SIGTERM'),
    );
    expect(run.status).toBe(INTERRUPTED_STATUS);
    expect(run.stderr.trim()).toBe('sia-ae: stopped (SIGTERM)');
  });
});

const hasPty = spawnSync('python3', ['-c', 'import pty']).status === 0;

/** Runs the CLI on a 100x30 pty and does `action` (see test/helpers/pty.py) once the output matches `ready`. */
function onPty(command: string, ready: string, action: string): Finished {
  const result = spawnSync('python3', [PTY, '100', '30', ready, action, '60', '--', 'bash', '-c', command], {
    encoding: 'utf8',
    env: personEnv(),
  });
  const { status, signal, output } = JSON.parse(result.stdout);
  return { status, signal, stdout: output, stderr: '' };
}

describe.skipIf(!hasPty)('a dashboard whose terminal closes (a dropped SSH connection)', () => {
  /** A frame showing that an epoch has finished (frames are paced: a given epoch may never be drawn). */
  const EPOCH_SHOWN = 'epoch ([2-9]|[1-9][0-9]+)/1000';
  const vae = (checkpoint: string, errors: string) =>
    `exec "${process.execPath}" "${BIN}" vae ${LONG_VAE.join(' ')} --save ${checkpoint} 2>${errors}`;

  it('the VAE saves its checkpoint and exits 130, with nothing on stderr but the cursor', () => {
    const checkpoint = path.join(dir, 'ssh.json'),
      errors = path.join(dir, 'ssh.err');
    const run = onPty(vae(checkpoint, errors), EPOCH_SHOWN, 'hangup');
    expect(run).toMatchObject({ status: INTERRUPTED_STATUS, signal: null });
    expect(loadVaeCheckpoint(checkpoint).checkpoint.progress.epoch).toBeGreaterThanOrEqual(1);
    noStackTrace(readFileSync(errors, 'utf8'));
  });

  it('when no SIGHUP comes, the failed writes (EIO) stop it the same way', async () => {
    // A background job of the terminal's session (bash -m) gets no SIGHUP when the terminal closes; its next
    // write fails with EIO. Its stdin is not the terminal, so that the background job may run at all.
    const checkpoint = path.join(dir, 'eio.json'),
      errors = path.join(dir, 'eio.err'),
      statusFile = path.join(dir, 'eio.status');
    const program = vae(checkpoint, errors).replace(/^exec /, '');
    onPty(`set -m; (${program} </dev/null; echo $? >${statusFile}) & wait`, EPOCH_SHOWN, 'hangup');
    const status = await eventually(() => readFileSync(statusFile, 'utf8'));
    expect(Number(status)).toBe(INTERRUPTED_STATUS);
    expect(loadVaeCheckpoint(checkpoint).checkpoint.progress.epoch).toBeGreaterThanOrEqual(1);
    noStackTrace(readFileSync(errors, 'utf8'));
  });

  it('SIGTERM closes the font dashboard, restores the terminal and saves the model', () => {
    const model = path.join(dir, 'screen-term.json');
    const run = onPty(
      `exec "${process.execPath}" "${BIN}" font ${LONG_FONT.join(' ')} --save ${model}`,
      'epoch\\s+\\d*[1-9]\\d*/1000000',
      'signal:TERM',
    );
    expect(run.status).toBe(INTERRUPTED_STATUS);
    const afterScreen = run.stdout.slice(run.stdout.lastIndexOf('\u001B[?1049l'));
    expect(afterScreen).toMatch(/stopped at epoch \d+ \(SIGTERM\)/);
    expect(loadAutoencoder(model, new ReferenceBackend()).shape.layers).toEqual([35, 30, 2]);
  });
});
