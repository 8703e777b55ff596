/**
 * Text for a terminal whose locale is not UTF-8 (LANG=C): every character the renderers use, mapped to one ASCII
 * character of the same width, so layouts stay as they are. Shades follow the grey ramps of charset.ts; braille
 * cells become ` `, `.` or `:` by how many dots they hold; anything else outside ASCII becomes `?`.
 */
import { SHADE_RAMPS } from './charset.js';

const SINGLE: Record<string, string> = {
  ...Object.fromEntries([...SHADE_RAMPS.unicode].map((shade, i) => [shade, SHADE_RAMPS.ascii[i]])),
  '▀': '"',
  '▄': ',',
  '▁': '_',
  '▂': '_',
  '▃': '.',
  '▅': '-',
  '▆': '=',
  '▇': '*',
  '─': '-',
  '┈': '.',
  '│': '|',
  '┊': ':',
  '┼': '+',
  '┤': '|',
  '╶': '-',
  '╴': '-',
  '╭': '.',
  '╮': '.',
  '╰': "'",
  '╯': "'",
  '·': '-',
  '…': '~',
  '●': '*',
  '‖': '"',
  '✓': 'v',
  '✗': 'x',
  '■': '#',
  '↑': '^',
  '↓': 'v',
  '→': '>',
  '←': '<',
  '×': 'x',
  '−': '-',
  '–': '-',
  '±': '+',
  '≤': '<',
  '²': '2',
  '½': '/',
};

const BRAILLE_FIRST = 0x2800,
  BRAILLE_LAST = 0x28ff;
/** No dots, one or two, three or more. */
const BRAILLE_BY_DOTS = [' ', '.', '.', ':'];

function asciiChar(char: string): string {
  const mapped = SINGLE[char];
  if (mapped !== undefined) return mapped;
  const code = char.codePointAt(0)!;
  if (code >= BRAILLE_FIRST && code <= BRAILLE_LAST)
    return BRAILLE_BY_DOTS[Math.min(3, dotCount(code - BRAILLE_FIRST))];
  return '?';
}

const dotCount = (bits: number) => [...bits.toString(2)].filter((bit) => bit === '1').length;

/** The text with every non-ASCII character replaced (escape codes are ASCII and pass through). */
export function toAscii(text: string): string {
  return text.replace(/[^\x00-\x7F]/gu, asciiChar);
}
