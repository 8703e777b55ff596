/** The settings parser and the config file reader: every bad value is one UsageError, nothing is silently changed. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberList, readConfigFile, rejectCommandLineOnly, SEED_RULE } from '../source/config.js';
import { UsageError } from '../source/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sia-ae-config-'));

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no UsageError');
}

describe('numbers', () => {
  it('reads decimal notation only', () => {
    expect(parseNumber('lr', '1e-3')).toBe(0.001);
    expect(parseNumber('lr', ' -.5 ')).toBe(-0.5);
    expect(parseNumber('epochs', 12, { integer: true })).toBe(12);
    for (const text of ['0x10', '0b1', '0o7', 'Infinity', '-Infinity', '', ' ', '1e', '1,5', 'NaN']) {
      expect(usageError(() => parseNumber('epochs', text, { integer: true }))).toBe(
        `--epochs takes a whole number, got ${JSON.stringify(text)}`,
      );
    }
  });

  it('says a number beyond the double range is out of range', () => {
    expect(usageError(() => parseNumber('epochs', JSON.parse('1e999')))).toBe(
      '--epochs is out of range, got a number beyond 1e308',
    );
    expect(usageError(() => parseNumber('epochs', '1e999'))).toBe('--epochs is out of range, got 1e999');
  });

  it('takes seeds the Rng reads without wrapping', () => {
    expect(parseNumber('seed', '4294967295', SEED_RULE)).toBe(4294967295);
    expect(usageError(() => parseNumber('seed', '4294967297', SEED_RULE))).toBe(
      '--seed must be at most 4294967295, got 4294967297',
    );
  });

  it('refuses an empty list entry instead of dropping it', () => {
    expect(parseNumberList('layers', '35, 2')).toEqual([35, 2]);
    expect(usageError(() => parseNumberList('layers', '35,,2'))).toBe('--layers has an empty entry in "35,,2"');
    expect(usageError(() => parseNumberList('z', '1,2,'))).toBe('--z has an empty entry in "1,2,"');
    expect(usageError(() => parseNumberList('layers', ''))).toBe('--layers needs at least one value');
  });
});

describe('config files', () => {
  it('accept a UTF-8 byte-order mark', () => {
    const file = path.join(dir, 'bom.json');
    writeFileSync(file, '\uFEFF{"epochs": 3}');
    expect(readConfigFile(file)).toEqual({ epochs: 3 });
  });

  it('refuse settings only the command line takes', () => {
    expect(usageError(() => rejectCommandLineOnly({ json: true }, 'c.json'))).toBe(
      'config file c.json sets "json": output flags go on the command line (--json)',
    );
    expect(usageError(() => rejectCommandLineOnly({ config: 'x' }, 'c.json'))).toBe(
      'config file c.json sets "config": a config file cannot name another config file',
    );
    expect(() => rejectCommandLineOnly({ epochs: 3 }, 'c.json')).not.toThrow();
  });
});
