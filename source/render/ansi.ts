/**
 * Colour for rendered strings, as one function passed in: `noPaint` (NO_COLOR, tests) leaves text alone, so every
 * renderer must stay legible without colour; `ansiPaint` wraps text in SGR codes, which Ink passes through.
 */
const CODES = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  brightRed: 91,
  brightGreen: 92,
  brightYellow: 93,
  brightBlue: 94,
  brightMagenta: 95,
  brightCyan: 96,
  white: 97,
} as const;

export type Color = keyof typeof CODES;
export type Paint = (text: string, color: Color) => string;

export const noPaint: Paint = (text) => text;
export const ansiPaint: Paint = (text, color) => `\u001B[${CODES[color]}m${text}\u001B[39m`;

/** Ten colours that tell classes (digits, labels) apart. */
export const CLASS_COLORS: readonly Color[] = [
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'brightRed',
  'brightGreen',
  'brightBlue',
  'brightMagenta',
];

const SGR = /\u001B\[[\d;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(SGR, '');
}

/** Columns a rendered string takes: every character the renderers use is one column wide. */
export function visibleWidth(text: string): number {
  return stripAnsi(text).length;
}

export function padVisible(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}

/** Cuts a rendered string to `width` visible columns, keeping its colour codes (and closing any it cut into). */
export function clipVisible(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '',
    used = 0;
  for (const part of text.split(/(\u001B\[[\d;]*m)/)) {
    if (SGR_PART.test(part)) out += part;
    else {
      out += part.slice(0, Math.max(0, width - used));
      used += Math.min(part.length, Math.max(0, width - used));
    }
  }
  return `${out}\u001B[39m`;
}

const SGR_PART = /^\u001B\[[\d;]*m$/;
