/**
 * Keeps docs/CONTRACTS.md honest: each field table it marks `<!-- fields: ID -->` must list exactly the keys the
 * matching --json line has (a `?` field may be absent). Tiny runs of the real CLI, started side by side.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines } from './helpers/cli.js';

const BIN = fileURLToPath(new URL('../bin/sia-ae.js', import.meta.url));
const DOC = readFileSync(new URL('../docs/CONTRACTS.md', import.meta.url), 'utf8');

interface FieldList {
  required: string[];
  optional: string[];
}

/** The field tables of the doc: the first cell of each row below a marker, `name?` for an optional field. */
function fieldTables(doc: string): Map<string, FieldList> {
  const tables = new Map<string, FieldList>();
  for (const match of doc.matchAll(/<!-- fields: (\S+) -->\n((?:\|.*\n)+)/g)) {
    const names = [...match[2].matchAll(/^\| `([^`]+)` \|/gm)].map((row) => row[1]);
    tables.set(match[1], {
      required: names.filter((name) => !name.endsWith('?')),
      optional: names.filter((name) => name.endsWith('?')).map((name) => name.slice(0, -1)),
    });
  }
  return tables;
}

const TABLES = fieldTables(DOC);

function expectFields(line: Record<string, unknown>, id: string): void {
  const table = TABLES.get(id);
  expect(table, `docs/CONTRACTS.md has no field table "${id}"`).toBeDefined();
  const keys = Object.keys(line);
  const unlisted = keys.filter((key) => !table!.required.includes(key) && !table!.optional.includes(key));
  expect(unlisted, `${id}: fields the doc does not list`).toEqual([]);
  expect(
    table!.required.filter((key) => !keys.includes(key)),
    `${id}: listed fields the line lacks`,
  ).toEqual([]);
}

interface Run {
  status: number | null;
  lines: Array<Record<string, any>>;
}

/**
 * Runs the CLI without blocking, so that the runs overlap. `stopAfterFirstLine` sends one SIGTERM once a line is
 * out (only one: a second one while the run saves means "exit at once").
 */
function runJson(args: string[], { stopAfterFirstLine = false } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stopAfterFirstLine && stdout.includes('\n') && !child.killed) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, lines: jsonLines(stdout) }));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-contracts-'));
const file = (name: string) => path.join(dir, name);
const runs: Record<string, Run> = {};

beforeAll(async () => {
  const font = async () => {
    runs.font = await runJson([
      'font',
      '--epochs',
      '3',
      '--log-every',
      '1',
      '--backend',
      'cpu-js',
      '--save',
      file('font.json'),
    ]);
    [runs.generate, runs.export] = await Promise.all([
      runJson(['generate', '--model', file('font.json'), '--z', '0,0']),
      runJson(['export', '--model', file('font.json'), file('export')]),
    ]);
  };
  const others = {
    denoise: ['denoise', '--epochs', '2', '--backend', 'cpu-js'],
    denoiseSweep: [
      'denoise',
      '--sweep',
      '--epochs',
      '2',
      '--seeds',
      '2',
      '--workers',
      '2',
      '--architectures',
      '35-25-12-12',
      '--mutation-prob',
      '0.1',
      '--max-noise',
      '0.3',
    ],
    fontSweep: ['font', '--sweep', '--latent', '2', '--subsets', 'aben', '--epochs', '2', '--workers', '1'],
    vae: [
      'vae',
      '--train-size',
      '256',
      '--validation',
      '100',
      '--epochs',
      '1',
      '--optimizer',
      'both',
      '--layers',
      '32',
      '--backend',
      'cpu',
    ],
  };
  const endless = ['font', '--target', '0', '--epochs', '1000000', '--log-every', '1', '--backend', 'cpu-js'];
  const stopped = async () => {
    runs.stopped = await runJson([...endless, '--save', file('stopped.json')], { stopAfterFirstLine: true });
  };
  const stoppedSweep = async () => {
    const sweep = ['--sweep', '--latent', '2', '--workers', '1'];
    runs.stoppedSweep = await runJson([...endless, ...sweep], { stopAfterFirstLine: true });
  };
  await Promise.all([
    font(),
    stopped(),
    stoppedSweep(),
    ...Object.entries(others).map(async ([name, args]) => {
      runs[name] = await runJson(args);
    }),
  ]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const epochs = (run: Run) => run.lines.slice(0, -1);
const result = (run: Run) => run.lines.at(-1)!;

describe('docs/CONTRACTS.md field tables match the --json lines', () => {
  it('font: epoch lines and the result line', () => {
    expect(runs.font.status).toBe(0);
    expect(epochs(runs.font)).toHaveLength(4);
    for (const line of epochs(runs.font)) expectFields(line, 'font/epoch');
    expectFields(result(runs.font), 'font/result');
  });

  it('font --sweep: job epoch lines, the result and its rows', () => {
    expect(runs.fontSweep.status).toBe(0);
    for (const line of epochs(runs.fontSweep)) expectFields(line, 'sweep/epoch');
    expectFields(result(runs.fontSweep), 'font-sweep/result');
    for (const row of result(runs.fontSweep).rows) expectFields(row, 'font-sweep/row');
  });

  it('denoise: epoch lines as font, the result and its row', () => {
    expect(runs.denoise.status).toBe(0);
    for (const line of epochs(runs.denoise)) expectFields(line, 'font/epoch');
    expectFields(result(runs.denoise), 'denoise/result');
    expectFields(result(runs.denoise).rows[0], 'denoise/row');
  });

  it('denoise --sweep: job epoch lines, the result, its rows (with …Std over seeds) and generalisation', () => {
    expect(runs.denoiseSweep.status).toBe(0);
    for (const line of epochs(runs.denoiseSweep)) expectFields(line, 'sweep/epoch');
    const line = result(runs.denoiseSweep);
    expectFields(line, 'denoise-sweep/result');
    for (const row of line.rows) expectFields(row, 'denoise/row');
    expect(line.rows[0]).toHaveProperty('meanAbsErrorStd');
    for (const model of line.generalisation) expectFields(model, 'denoise-sweep/generalisation');
  });

  it('vae --optimizer both: epoch lines per optimizer, the result holding one vae result per optimizer', () => {
    expect(runs.vae.status).toBe(0);
    expect(epochs(runs.vae).map((line) => line.optimizer)).toEqual(['adam', 'rmsprop']);
    for (const line of epochs(runs.vae)) expectFields(line, 'vae/epoch');
    const line = result(runs.vae);
    expectFields(line, 'vae-both/result');
    for (const run of line.runs) expectFields({ event: 'result', ...run }, 'vae/result');
  });

  it('a stopped run ends with the stopped line and exit status 130', () => {
    expect(runs.stopped.status).toBe(130);
    const line = result(runs.stopped);
    expectFields(line, 'font/stopped');
    expect(line).toMatchObject({ event: 'stopped', reason: 'SIGTERM', saved: file('stopped.json') });
  });

  it('a stopped sweep writes no stopped or result line and exits with 130', () => {
    expect(runs.stoppedSweep.status).toBe(130);
    expect(runs.stoppedSweep.lines.map((line) => line.event)).not.toContain('stopped');
    expect(runs.stoppedSweep.lines.map((line) => line.event)).not.toContain('result');
  });

  it('generate and export: one result line each', () => {
    expect([runs.generate.status, runs.export.status]).toEqual([0, 0]);
    expect(runs.generate.lines).toHaveLength(1);
    expectFields(result(runs.generate), 'generate/result');
    expectFields(result(runs.export), 'export/result');
  });

  it('has no field table these runs leave unchecked', () => {
    expect([...TABLES.keys()].sort()).toEqual([
      'denoise-sweep/generalisation',
      'denoise-sweep/result',
      'denoise/result',
      'denoise/row',
      'export/result',
      'font-sweep/result',
      'font-sweep/row',
      'font/epoch',
      'font/result',
      'font/stopped',
      'generate/result',
      'sweep/epoch',
      'vae-both/result',
      'vae/epoch',
      'vae/result',
    ]);
  });
});
