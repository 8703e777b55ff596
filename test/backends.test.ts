/**
 * Every kernel of every backend that starts here must match the reference within 1e-4 (relative), on random
 * shapes including odd ones (source/math/conformance.ts). A backend that cannot start shows up as a skipped
 * test naming the reason; with SIA_AE_REQUIRE_GL=1 (CI, under xvfb) the GL backend must start.
 */
import { describe, expect, it } from 'vitest';
import { conformanceCases, differenceFromReference } from '../source/math/conformance.js';
import { startBackends } from '../source/math/select.js';

const REQUIRED = process.env.SIA_AE_REQUIRE_GL === '1' ? ['gpu.js:headlessgl'] : [];

for (const { name, backend, reason } of startBackends().filter((s) => s.name !== 'reference')) {
  if (!backend) {
    it.skipIf(!REQUIRED.includes(name))(`${name} cannot start here: ${reason}`, () => {
      throw new Error(`${name} is required here but cannot start: ${reason}`);
    });
    continue;
  }
  describe(backend.name, () => {
    for (const testCase of conformanceCases()) {
      it(testCase.name, () => expect(differenceFromReference(backend, testCase)).toBeUndefined());
    }
  });
}
