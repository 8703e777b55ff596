// One matmul thread: instantiates the kernels over the shared memory, then sleeps on its control block until
// the main thread posts a job (a new sequence number), runs it and posts the sequence back as done.
// Plain JavaScript, so that it starts the same under tsx, vitest and node without a TypeScript loader.
import { workerData } from 'node:worker_threads';

const { module, memory, block, layout } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const control = new Int32Array(memory.buffer, block, layout.length);

Atomics.store(control, layout.state, layout.ready);
Atomics.notify(control, layout.state);
for (let seen = 0; ;) {
  Atomics.wait(control, layout.sequence, seen);
  const sequence = Atomics.load(control, layout.sequence);
  if (sequence === layout.quit) break;
  try {
    kernels.matmul(...control.subarray(layout.args, layout.args + layout.argCount));
  } catch {
    Atomics.store(control, layout.state, layout.failed);
  }
  seen = sequence;
  Atomics.store(control, layout.done, sequence);
  Atomics.notify(control, layout.done);
}
