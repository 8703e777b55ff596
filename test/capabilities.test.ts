/**
 * Terminal capabilities from the environment (set explicitly here), the ASCII writing for non-UTF-8 locales,
 * and the real program under TERM=dumb and LC_ALL=C on a terminal.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { toAscii } from '../source/render/ascii.js';
import { asciiStream } from '../source/ui/ascii-stream.js';
import { terminalCapabilities } from '../source/ui/capabilities.js';
import { ENTER_ALTERNATE, hasScript, openAndQuit, onTerminal } from './helpers/pty.js';

const colours = { hasColors: () => true };

describe('terminal capabilities', () => {
  it('a UTF-8 locale (or none) gets Unicode; C, POSIX and Latin-1 get ASCII; LC_ALL wins over LANG', () => {
    expect(terminalCapabilities({ LANG: 'en_GB.UTF-8' }, colours).unicode).toBe(true);
    expect(terminalCapabilities({}, colours).unicode).toBe(true);
    expect(terminalCapabilities({ LANG: 'C' }, colours).unicode).toBe(false);
    expect(terminalCapabilities({ LC_ALL: 'POSIX' }, colours).unicode).toBe(false);
    expect(terminalCapabilities({ LANG: 'de_DE.ISO-8859-1' }, colours).unicode).toBe(false);
    expect(terminalCapabilities({ LANG: 'en_US.utf8', LC_ALL: 'C' }, colours).unicode).toBe(false);
    expect(terminalCapabilities({ LANG: 'C', LC_CTYPE: 'C.UTF-8' }, colours).unicode).toBe(true);
  });

  it('NO_COLOR (non-empty) and TERM=dumb turn colour off; TERM=dumb also the full screen', () => {
    expect(terminalCapabilities({}, colours)).toEqual({ unicode: true, color: true, fullScreen: true });
    expect(terminalCapabilities({ NO_COLOR: '1' }, colours).color).toBe(false);
    expect(terminalCapabilities({ NO_COLOR: '' }, colours).color).toBe(true);
    expect(terminalCapabilities({}, {}).color).toBe(false);
    expect(terminalCapabilities({ TERM: 'dumb' }, colours)).toEqual({ unicode: true, color: false, fullScreen: false });
  });
});

describe('ASCII writing', () => {
  it('maps what the screens draw to one ASCII character each, escape codes untouched', () => {
    const text = '\u001B[32m● training\u001B[39m · ░▒▓█ ▀▄ ┼─╮╰│ ⠀⠁⣿ …';
    const ascii = toAscii(text);
    expect(ascii).toBe('\u001B[32m* training\u001B[39m - .:+# ", +-.\'| .:: ~'.replace('.:: ', ' .: '));
    expect([...ascii].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(ascii.length).toBe(text.length);
  });

  it('a stream that writes ASCII and is otherwise the stream (size, isTTY)', () => {
    const written: string[] = [];
    const sink = Object.assign(
      new Writable({
        write(chunk, _, done) {
          written.push(String(chunk));
          done();
        },
      }),
      { columns: 72, isTTY: true },
    );
    const ascii = asciiStream(sink);
    ascii.write('█ ·');
    expect(written).toEqual(['# -']);
    expect(ascii.columns).toBe(72);
    expect(ascii.isTTY).toBe(true);
  });
});

describe.skipIf(!hasScript)('the program on a terminal with limited capabilities', () => {
  const CLI = ['node', 'bin/sia-ae.js'];

  it('TERM=dumb: plain lines instead of the full-screen dashboard', async () => {
    const { status, output } = await onTerminal([...CLI, 'font', '--backend', 'cpu', '--epochs', '20'], () => {}, {
      env: { TERM: 'dumb' },
    });
    expect(status).toBe(0);
    expect(output).not.toContain(ENTER_ALTERNATE);
    expect(output).toContain('after 20 epochs');
  });

  it('LC_ALL=C: the dashboard in ASCII only', async () => {
    const { output } = await openAndQuit([...CLI, 'font', '--backend', 'cpu', '--target', '0', '--epochs', '100000'], {
      env: { LC_ALL: 'C' },
    });
    expect(output).toContain(ENTER_ALTERNATE);
    expect(output).toContain('q quit');
    expect(output.match(/[^\x00-\x7F]/gu) ?? []).toEqual([]);
  });
});
