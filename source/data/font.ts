/**
 * The course's 7x5 bitmap font, parsed from fixtures/font.h as shipped (never retyped).
 * Glyph i is character 0x60 + i; row bit 0x10 is the leftmost column; pixel 1 = on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GLYPH_ROWS = 7;
export const GLYPH_COLS = 5;
export const GLYPH_PIXELS = GLYPH_ROWS * GLYPH_COLS;

export interface Glyph {
  /** The character as the user types it: "a", "{" … and "DEL" for 0x7f. */
  char: string;
  code: number;
  /** 35 pixels, row by row, 0 or 1. */
  pixels: Float32Array;
}

export const FONT_PATH = fileURLToPath(new URL('../../fixtures/font.h', import.meta.url));

export function charName(code: number): string {
  return code === 0x7f ? 'DEL' : String.fromCharCode(code);
}

/** Parses every `{0x.., …}` row of 7 hex numbers in a font.h source, in order. */
export function parseFont(source: string): Glyph[] {
  const rows = [...source.matchAll(/\{\s*((?:0x[0-9a-fA-F]+\s*,\s*){6}0x[0-9a-fA-F]+)\s*\}/g)];
  if (rows.length !== 32) throw new Error(`font.h: expected 32 glyphs of 7 rows, found ${rows.length}`);
  return rows.map((match, index) => {
    const bytes = match[1].split(',').map((hex) => parseInt(hex.trim(), 16));
    const pixels = new Float32Array(GLYPH_PIXELS);
    bytes.forEach((byte, row) => {
      for (let col = 0; col < GLYPH_COLS; col++) pixels[row * GLYPH_COLS + col] = (byte >> (GLYPH_COLS - 1 - col)) & 1;
    });
    return { char: charName(0x60 + index), code: 0x60 + index, pixels };
  });
}

let cached: Glyph[] | undefined;

export function loadFont(): Glyph[] {
  cached ??= parseFont(readFileSync(FONT_PATH, 'utf8'));
  return cached;
}

/**
 * The glyphs named by `chars` ("aben", "DEL" may appear as a word), in font order. Throws with the offending
 * characters when some are not in the font.
 */
export function selectGlyphs(glyphs: Glyph[], chars: string | undefined): Glyph[] {
  if (chars === undefined) return glyphs;
  const wanted = new Set<string>();
  const rest = chars.replace(/DEL/g, () => {
    wanted.add('DEL');
    return '';
  });
  for (const ch of rest) wanted.add(ch);
  const missing = [...wanted].filter((ch) => !glyphs.some((g) => g.char === ch));
  if (missing.length > 0) {
    throw new Error(
      `not in the font: ${missing.map((c) => JSON.stringify(c)).join(' ')} (the font has \` a-z { | } ~ DEL)`,
    );
  }
  if (wanted.size === 0) throw new Error('the subset is empty');
  return glyphs.filter((g) => wanted.has(g.char));
}
