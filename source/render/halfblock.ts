/**
 * Grey images as half-block art: each character shows two pixels stacked (▀ top, ▄ bottom, █ both, space
 * neither), so a 28x28 digit is 28 columns by 14 lines and keeps its proportions in a terminal cell.
 */
const CELLS = [' ', '▀', '▄', '█'];

/** Pixels above `threshold` are lit. `scale` 2 averages 2x2 blocks first (half the size, for grids). */
export function halfBlockLines(pixels: ArrayLike<number>, rows: number, cols: number, { threshold = 0.5, scale = 1 } = {}): string[] {
  const height = Math.floor(rows / scale), width = Math.floor(cols / scale);
  const lit = (r: number, c: number) => {
    if (r >= height) return false;
    let sum = 0;
    for (let dr = 0; dr < scale; dr++) for (let dc = 0; dc < scale; dc++) sum += pixels[(r * scale + dr) * cols + c * scale + dc];
    return sum / (scale * scale) > threshold;
  };
  const lines: string[] = [];
  for (let r = 0; r < height; r += 2) {
    let line = '';
    for (let c = 0; c < width; c++) line += CELLS[(lit(r, c) ? 1 : 0) + (lit(r + 1, c) ? 2 : 0)];
    lines.push(line);
  }
  return lines;
}
