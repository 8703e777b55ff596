/**
 * Glyphs as plain ASCII art: '#' on, '.' off. A reconstruction drawn against its target marks wrong pixels so
 * that they show without colour: 'X' lit where it should be dark, 'o' dark where it should be lit.
 */
export const GLYPH_LEGEND = '# on   . off   X wrongly on   o wrongly off';

export function glyphLines(
  pixels: ArrayLike<number>,
  rows: number,
  cols: number,
  target?: ArrayLike<number>,
): string[] {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const on = pixels[r * cols + c] > 0.5;
      const wrong = target !== undefined && on !== target[r * cols + c] > 0.5;
      line += wrong ? (on ? 'X' : 'o') : on ? '#' : '.';
    }
    lines.push(line);
  }
  return lines;
}

/** Lays blocks of lines side by side, each padded to its own width, with a caption line under each. */
export function sideBySide(blocks: Array<{ lines: string[]; caption?: string }>, gap = 2): string[] {
  const widths = blocks.map((b) => Math.max(...b.lines.map((l) => l.length), (b.caption ?? '').length));
  const height = Math.max(...blocks.map((b) => b.lines.length));
  const hasCaptions = blocks.some((b) => b.caption !== undefined);
  const out: string[] = [];
  for (let r = 0; r < height + (hasCaptions ? 1 : 0); r++) {
    const cells = blocks.map((b, i) => (r < height ? (b.lines[r] ?? '') : (b.caption ?? '')).padEnd(widths[i]));
    out.push(cells.join(' '.repeat(gap)).trimEnd());
  }
  return out;
}

/** Splits blocks into rows that fit `width` columns, and joins the rows with a blank line between them. */
export function wrapBlocks(blocks: Array<{ lines: string[]; caption?: string }>, width: number, gap = 2): string[] {
  const out: string[] = [];
  let row: typeof blocks = [];
  let used = 0;
  for (const block of blocks) {
    const blockWidth = Math.max(...block.lines.map((l) => l.length), (block.caption ?? '').length);
    if (row.length > 0 && used + gap + blockWidth > width) {
      out.push(...sideBySide(row, gap), '');
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? gap : 0) + blockWidth;
    row.push(block);
  }
  if (row.length > 0) out.push(...sideBySide(row, gap));
  return out;
}

/** Grey levels from off to on: noise that stays on its side of 0.5 still shows. */
const SHADES = '.:-=+*#';
export const SHADE_LEGEND = `grey levels 0 to 1: ${SHADES.split('').join(' ')}`;

export function shadeLines(pixels: ArrayLike<number>, rows: number, cols: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++)
      line += SHADES[Math.round(Math.min(1, Math.max(0, pixels[r * cols + c])) * (SHADES.length - 1))];
    lines.push(line);
  }
  return lines;
}
