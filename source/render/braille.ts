/**
 * A scatter plot in braille characters: each character is a 2x4 grid of dots, so a plot of W columns and
 * H lines has 2W x 4H dot positions. Points carry a group (a class); with colours each character takes the
 * colour of the group with the most points in it, and each group's mark is drawn at its median point.
 */
export interface ScatterPoint {
  x: number;
  y: number;
  group: number;
}

export interface ScatterOptions {
  width: number;
  height: number;
  /** An ANSI SGR colour per group (e.g. "38;5;196"); absent: no escape codes. */
  colors?: readonly string[];
  /** A character per group, drawn at the group's median point (labels on the plot). */
  marks?: readonly string[];
}

const BRAILLE_BASE = 0x2800;
/** Bit of the dot at (column 0..1, row 0..3) of a braille character. */
const DOT_BITS = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];

export const paint = (text: string, color?: string) => (color ? `\x1b[${color}m${text}\x1b[0m` : text);

/** Spreads [min, max] over `cells` positions (a degenerate range lands in the middle). */
function scale(values: number[], cells: number): (v: number) => number {
  const min = Math.min(...values), max = Math.max(...values);
  return (v) => (max > min ? Math.min(cells - 1, Math.floor(((v - min) / (max - min)) * cells)) : cells >> 1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

export function brailleScatter(points: readonly ScatterPoint[], { width, height, colors, marks }: ScatterOptions): string[] {
  const bits = new Uint8Array(width * height);
  const groups = 1 + Math.max(0, ...points.map((p) => p.group));
  const counts = new Uint32Array(width * height * groups);
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const dotX = scale(xs, 2 * width), dotY = scale(ys, 4 * height);
  for (const p of points) {
    const dx = dotX(p.x), dy = 4 * height - 1 - dotY(p.y); // y grows upwards
    const cell = (dy >> 2) * width + (dx >> 1);
    bits[cell] |= DOT_BITS[dx & 1][dy & 3];
    counts[cell * groups + p.group]++;
  }
  const labels = new Map<number, { text: string; group: number }>();
  for (let g = 0; g < groups && marks; g++) {
    const members = points.filter((p) => p.group === g);
    if (members.length === 0 || marks[g] === undefined) continue;
    const col = dotX(median(members.map((p) => p.x))) >> 1, row = (4 * height - 1 - dotY(median(members.map((p) => p.y)))) >> 2;
    labels.set(row * width + col, { text: marks[g], group: g });
  }
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    let line = '';
    for (let col = 0; col < width; col++) {
      const cell = row * width + col;
      const label = labels.get(cell);
      if (label) {
        line += paint(label.text, colors && `1;${colors[label.group]}`);
        continue;
      }
      const char = String.fromCharCode(BRAILLE_BASE + bits[cell]);
      line += bits[cell] && colors ? paint(char, colors[dominant(counts, cell, groups)]) : char;
    }
    lines.push(line);
  }
  return lines;
}

function dominant(counts: Uint32Array, cell: number, groups: number): number {
  let best = 0;
  for (let g = 1; g < groups; g++) if (counts[cell * groups + g] > counts[cell * groups + best]) best = g;
  return best;
}
