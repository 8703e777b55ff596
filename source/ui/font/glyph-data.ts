/** The training glyphs and their latent codes in the shapes the renderers take. */
import type { ScatterPoint } from '../../render/braille.js';
import type { GridItem } from '../../render/bitmap-grid.js';
import type { GlyphEpoch } from '../../train/font.js';
import type { FontRunInfo } from './info.js';

/** Each glyph's original beside its reconstruction, captioned with the character and its wrong pixels. */
export function glyphItems(info: FontRunInfo, last: GlyphEpoch): GridItem[] {
  return info.glyphs.map((glyph, i) => {
    const size = glyph.pixels.length;
    return {
      bitmaps: [
        { pixels: glyph.pixels },
        { pixels: last.outputs.subarray(i * size, (i + 1) * size), target: glyph.pixels },
      ],
      caption: `${glyph.char} ${last.perGlyph[i]}`,
    };
  });
}

/** Each glyph at its latent code (the first two dimensions; a 1-D code sits on y = 0). */
export function latentPoints(info: FontRunInfo, last: GlyphEpoch): ScatterPoint[] {
  const size = info.model.latentSize;
  return info.glyphs.map((glyph, i) => ({
    x: last.latent[i * size],
    y: size > 1 ? last.latent[i * size + 1] : 0,
    label: glyph.char,
  }));
}
