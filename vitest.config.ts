import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    // One test file per core, not vitest's default of one fewer: the many subprocess tests leave their worker
    // waiting on a child, so on two cores the default (one file at a time) kept the second core idle.
    maxWorkers: availableParallelism(),
    // The subprocess tests run the compiled program (dist/): built once here, so it is never stale.
    globalSetup: ['test/helpers/build.ts'],
    // Snapshots live in snapshots/ (one file per test file), not beside the tests.
    resolveSnapshotPath: (testPath, extension) =>
      path.join(path.dirname(testPath), '..', 'snapshots', path.basename(testPath) + extension),
  },
});
