import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_PATH, loadFont, parseFont, selectGlyphs } from '../source/data/font.js';

const pixelsOf = (char: string) => loadFont().find((g) => g.char === char)!.pixels;

describe('font.h', () => {
  it('holds 32 glyphs, ` to DEL, in order', () => {
    const glyphs = loadFont();
    expect(glyphs.map((g) => g.char).join(' ')).toBe(
      '` a b c d e f g h i j k l m n o p q r s t u v w x y z { | } ~ DEL',
    );
    expect(glyphs.every((g) => g.pixels.length === 35)).toBe(true);
  });

  it('reads bit 0x10 as the leftmost column', () => {
    // 'o' is {0x00, 0x00, 0x0e, 0x11, 0x11, 0x11, 0x0e}
    const rows = Array.from({ length: 7 }, (_, r) => Array.from(pixelsOf('o').subarray(r * 5, r * 5 + 5)).join(''));
    expect(rows).toEqual(['00000', '00000', '01110', '10001', '10001', '10001', '01110']);
  });

  it('DEL is fully lit and | has a gap in its middle row', () => {
    expect(Array.from(pixelsOf('DEL')).every((p) => p === 1)).toBe(true);
    expect(Array.from(pixelsOf('|').subarray(15, 20))).toEqual([0, 0, 0, 0, 0]);
  });

  it('rejects a file without 32 glyphs', () => {
    const source = readFileSync(FONT_PATH, 'utf8');
    expect(() => parseFont(source.replace(/\{0x1f, 0x1f[^}]*\}/, ''))).toThrow(/found 31/);
  });

  it('selects subsets in font order and names missing characters', () => {
    expect(selectGlyphs(loadFont(), 'nbea').map((g) => g.char)).toEqual(['a', 'b', 'e', 'n']);
    expect(selectGlyphs(loadFont(), 'aDEL').map((g) => g.char)).toEqual(['a', 'DEL']);
    expect(() => selectGlyphs(loadFont(), 'aB7')).toThrow(/"B" "7"/);
  });
});
