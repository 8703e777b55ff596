/** `sia-ae glyphs`: the font's glyphs as ASCII art. */
import { GLYPH_COLS, GLYPH_ROWS, loadFont, selectGlyphs, type Glyph } from '../data/font.js';
import { UsageError } from '../errors.js';
import { glyphLines, wrapBlocks } from '../render/glyph.js';
import { writeJsonLine } from '../report/json.js';
import { rejectUnknown, type RawSettings } from '../config.js';
import type { Command, CommandContext } from './command.js';
import { GLYPHS, GLYPHS_OPTIONS } from '../options/glyphs.js';
import { optionsHelp } from '../options/help.js';
import { flagsOf, parseTable } from '../options/table.js';

async function runGlyphs(settings: RawSettings, context: CommandContext): Promise<number> {
  rejectUnknown(settings, Object.keys(GLYPHS_OPTIONS), 'glyphs');
  const { chars } = parseTable(GLYPHS_OPTIONS, settings);
  let glyphs: Glyph[];
  try {
    glyphs = selectGlyphs(loadFont(), chars);
  } catch (error) {
    throw new UsageError(`--chars: ${(error as Error).message}`);
  }
  if (context.output === 'json') {
    for (const g of glyphs) writeJsonLine(context.stdout, { char: g.char, code: g.code, pixels: Array.from(g.pixels) });
    return 0;
  }
  const blocks = glyphs.map((g) => ({ lines: glyphLines(g.pixels, GLYPH_ROWS, GLYPH_COLS), caption: g.char }));
  context.stdout.write(`${wrapBlocks(blocks, context.columns, 3).join('\n')}\n`);
  return 0;
}

export const glyphsCommand: Command = {
  name: 'glyphs',
  summary: "print the font's glyphs as ASCII art",
  flags: flagsOf(GLYPHS_OPTIONS),
  help: `
  Usage: sia-ae glyphs [--chars CHARS] [--json]

  Prints the glyphs of the 7x5 font (fixtures/font.h) as ASCII art,
  '#' on and '.' off.

  Options
${optionsHelp(GLYPHS_OPTIONS, GLYPHS)}

  Examples
    sia-ae glyphs
    sia-ae glyphs --chars abc
`,
  run: runGlyphs,
};
