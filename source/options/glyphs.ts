/** `sia-ae glyphs` options. */
import { text } from './kinds.js';
import { configOption, outputOptions } from './shared.js';

/** The --help section of its options. */
export const GLYPHS = 'glyphs';

export const GLYPHS_OPTIONS = {
  chars: text({
    placeholder: 'CHARS',
    group: GLYPHS,
    help: 'only these characters, e.g. aben (DEL names the last glyph)',
  }),
  ...outputOptions(GLYPHS, 'one line per glyph: {"char", "code", "pixels"}'),
  config: configOption(GLYPHS),
};
