/**
 * Runs the backend conformance suite without vitest, for machines that only have Node (the lent GPU machine):
 * every backend that starts is compared with the reference on every case, then the font network's epoch time
 * is measured on each. `npx tsx bench/conformance.ts` (under `xvfb-run -a` for gpu.js's headless-gl mode).
 */
import { timeFontEpochs } from '../source/bench/font.js';
import { conformanceCases, differenceFromReference } from '../source/math/conformance.js';
import { startBackends } from '../source/math/select.js';

const cases = conformanceCases();
for (const { name, backend, reason } of startBackends()) {
  if (!backend) {
    console.log(`${name}: cannot start: ${reason}`);
    continue;
  }
  const failures = cases.flatMap((c) => {
    const difference = differenceFromReference(backend, c);
    return difference ? [`  ${c.name}: ${difference}`] : [];
  });
  const epoch = timeFontEpochs(backend, [35, 60, 40, 20, 2], 0.01, name === 'reference' ? 50 : 300);
  console.log(
    `${backend.name}: ${cases.length - failures.length}/${cases.length} cases match the reference;` +
      ` font 35-60-40-20-2 ${epoch.msPerEpoch.toFixed(3)} ms/epoch`,
  );
  for (const failure of failures) console.log(failure);
  backend.dispose();
}
