import { defineConfig } from 'vitest/config';

// npm run test:package: test/package.e2e.ts packs, installs and runs the package as users get it (minutes).
export default defineConfig({
  test: {
    include: ['test/package.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
