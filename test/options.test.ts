/** Option tables (source/options/): one declaration per option makes the flags, defaults, parser and help. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../source/commands/index.js';
import { DENOISE_OPTIONS } from '../source/options/denoise.js';
import { FONT_COMMAND_OPTIONS, FONT_DEFAULTS, FONT_OPTIONS, parseFontConfig } from '../source/options/font.js';
import { choice, switchOption, whole } from '../source/options/kinds.js';
import { optionsHelp } from '../source/options/help.js';
import { checkScope, defaultsOf, flagsOf, parseTable } from '../source/options/table.js';

const TABLE = {
  epochs: whole(10, { min: 1 }, { group: 'g', help: 'most epochs' }),
  loss: choice(['bce', 'mse'], 'bce', { group: 'g', help: 'bce | mse' }),
  fast: switchOption({ group: 'g', help: 'go fast' }),
};

describe('an option table', () => {
  it('makes the flags, the defaults and the parser', () => {
    expect(flagsOf(TABLE)).toEqual({ epochs: { type: 'string' }, loss: { type: 'string' }, fast: { type: 'boolean' } });
    expect(defaultsOf(TABLE)).toEqual({ epochs: 10, loss: 'bce', fast: false });
    expect(parseTable(TABLE, { epochs: '12', fast: true })).toEqual({ epochs: 12, loss: 'bce', fast: true });
    expect(() => parseTable(TABLE, { epochs: '0' })).toThrow('--epochs must be at least 1, got 0');
    expect(() => parseTable(TABLE, { loss: 'l1' })).toThrow('--loss must be one of bce, mse, got "l1"');
  });

  it('makes the help lines, defaults in brackets', () => {
    expect(optionsHelp(TABLE, 'g').split('\n')).toEqual([
      '    --epochs N   most epochs [10]',
      '    --loss NAME  bce | mse [bce]',
      '    --fast       go fast',
    ]);
  });

  it('keeps a single run and a sweep apart', () => {
    expect(() => checkScope(FONT_COMMAND_OPTIONS, { seeds: 3 }, false)).toThrow('--seeds needs --sweep');
    const single = '--save applies to a single run, not --sweep';
    expect(() => checkScope(FONT_COMMAND_OPTIONS, { save: 'm.json' }, true)).toThrow(single);
    expect(() => checkScope(DENOISE_OPTIONS, { layers: '35,2' }, true)).toThrow('(use --architectures)');
  });

  it('gives font the defaults its training settings came from', () => {
    expect(parseFontConfig({})).toEqual(FONT_DEFAULTS);
    expect(Object.keys(FONT_DEFAULTS)).toEqual(Object.keys(FONT_OPTIONS));
    expect(() => parseFontConfig({ colour: 'red' })).toThrow('font does not take --colour (see sia-ae font --help)');
  });
});

describe('every command', () => {
  it('has a flag for each option its help lists, and help within 80 columns', () => {
    for (const command of COMMANDS) {
      for (const line of command.help.split('\n')) {
        expect(line.length, `${command.name}: ${line}`).toBeLessThanOrEqual(80);
      }
      for (const [, flag] of command.help.matchAll(/^ {4}--([a-z-]+)/gm)) {
        const key = flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
        expect(command.flags, `${command.name} --${flag}`).toHaveProperty(key);
      }
    }
  });
});
