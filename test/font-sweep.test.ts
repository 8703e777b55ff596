/** `sia-ae font --sweep` through the real program: one row per grid point, aggregated over seeds. */
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './helpers/cli.js';

describe('sia-ae font --sweep', () => {
  it('latent sizes x subsets, with wrong pixels, epochs to target and the share of seeds that reach it', () => {
    const run = runCli(['font', '--sweep', '--latent', '2,3', '--subsets', 'full,aben', '--seeds', '2', '--json']);
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    const result = lines[lines.length - 1];
    expect(lines.slice(0, -1).every((l) => l.event === 'epoch' && l.job >= 1 && l.job <= 8)).toBe(true);
    expect(result.experiment).toBe('font-sweep');
    expect(result.rows.map((r: Record<string, unknown>) => `${r.latent} ${r.subset} ${r.lr} ${r.seeds}`)).toEqual([
      '2 full 0.02 2',
      '2 aben 0.02 2',
      '3 full 0.02 2',
      '3 aben 0.02 2',
    ]);
    // The defaults reach the target (max 1 wrong pixel) on every seed with a latent size of 2 or more.
    for (const row of result.rows) {
      expect(row.reachedShare).toBe(1);
      expect(row.maxPixelError).toBeLessThanOrEqual(1);
      expect(row.epochsToTarget).toBeGreaterThan(0);
    }
  });
});
