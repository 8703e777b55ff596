/** Latent-space geometry: the box the codes occupy, grids over it, and straight paths between codes. */

export interface LatentBounds {
  min: number[];
  max: number[];
}

/** The smallest box holding every code (codes laid out one after another, `size` values each). */
export function latentBounds(codes: Float32Array, size: number): LatentBounds {
  const min = new Array<number>(size).fill(Infinity),
    max = new Array<number>(size).fill(-Infinity);
  for (let i = 0; i < codes.length; i++) {
    const d = i % size;
    min[d] = Math.min(min[d], codes[i]);
    max[d] = Math.max(max[d], codes[i]);
  }
  return { min, max };
}

/** n×n points over a 2-D box, row by row from the top (largest z1) and left to right (smallest z0). */
export function latentGrid({ min, max }: LatentBounds, n: number): number[][] {
  const at = (d: number, t: number) => min[d] + ((max[d] - min[d]) * t) / (n - 1);
  const points: number[][] = [];
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) points.push([at(0, col), at(1, n - 1 - row)]);
  return points;
}

/** `steps` points from a to b, both ends included. */
export function interpolate(a: number[], b: number[], steps: number): number[][] {
  return Array.from({ length: steps }, (_, i) => a.map((v, d) => v + ((b[d] - v) * i) / (steps - 1)));
}
