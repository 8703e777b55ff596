/**
 * The first two principal components of a set of codes, for drawing a latent space of more than two
 * dimensions on a plane: covariance, then power iteration with deflation (the matrices are latent x latent,
 * tiny, so this is exact enough and deterministic).
 */

/** Projects `count` codes of `dim` values onto their first two principal components: [x0, y0, x1, y1, ...]. */
export function projectTwo(codes: ArrayLike<number>, count: number, dim: number): Float64Array {
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i++) for (let d = 0; d < dim; d++) mean[d] += codes[i * dim + d] / count;
  const cov = new Float64Array(dim * dim);
  for (let i = 0; i < count; i++) {
    for (let a = 0; a < dim; a++) {
      const da = codes[i * dim + a] - mean[a];
      for (let b = 0; b < dim; b++) cov[a * dim + b] += (da * (codes[i * dim + b] - mean[b])) / count;
    }
  }
  const first = topEigenvector(cov, dim);
  const lambda = rayleigh(cov, first, dim);
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a * dim + b] -= lambda * first[a] * first[b];
  const second = topEigenvector(cov, dim);
  const out = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dim; d++) {
      const centred = codes[i * dim + d] - mean[d];
      out[2 * i] += centred * first[d];
      out[2 * i + 1] += centred * second[d];
    }
  }
  return out;
}

function multiply(matrix: Float64Array, vector: Float64Array, dim: number): Float64Array {
  const out = new Float64Array(dim);
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) out[a] += matrix[a * dim + b] * vector[b];
  return out;
}

function rayleigh(matrix: Float64Array, vector: Float64Array, dim: number): number {
  return multiply(matrix, vector, dim).reduce((sum, x, d) => sum + x * vector[d], 0);
}

/** Power iteration from a fixed start; the sign is fixed so that the largest component is positive. */
function topEigenvector(matrix: Float64Array, dim: number, iterations = 200): Float64Array {
  let vector = Float64Array.from({ length: dim }, (_, d) => 1 / (d + 1));
  for (let k = 0; k < iterations; k++) {
    const next = multiply(matrix, vector, dim);
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    vector = next.map((x) => x / norm);
  }
  const largest = vector.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
  return largest < 0 ? vector.map((x) => -x) : vector;
}
