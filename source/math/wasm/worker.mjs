// One matmul thread: instantiates the kernels over the shared memory, then sleeps on its control block until
// the main thread posts a job (a new sequence number), claims and computes shares of it until none is left
// (matmulShares), and posts the sequence back as done.
// Plain JavaScript, so that it starts the same under tsx, vitest and node without a TypeScript loader.
import { workerData } from 'node:worker_threads';

const { module, memory, block, layout, spinMs } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const control = new Int32Array(memory.buffer, block, layout.length);

Atomics.store(control, layout.state, layout.ready);
Atomics.notify(control, layout.state);
for (let seen = 0; ; ) {
  // Poll briefly before sleeping: in training the next big matmul often follows within microseconds, and
  // waking from Atomics.wait costs tens of them.
  const spinUntil = performance.now() + spinMs;
  while (Atomics.load(control, layout.sequence) === seen && performance.now() < spinUntil);
  Atomics.wait(control, layout.sequence, seen);
  const sequence = Atomics.load(control, layout.sequence);
  if (sequence === layout.quit) break;
  try {
    kernels.matmulShares(...control.subarray(layout.args, layout.args + layout.argCount));
  } catch {
    Atomics.store(control, layout.state, layout.failed);
  }
  seen = sequence;
  Atomics.store(control, layout.done, sequence);
  Atomics.notify(control, layout.done);
}
