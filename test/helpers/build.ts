/**
 * vitest globalSetup: compiles source/ into dist/ once per run, before any test file, so that the subprocess
 * tests run bin/sia-ae.js as users get it (compiled JavaScript) and current with the sources under test.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildProgram(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}
