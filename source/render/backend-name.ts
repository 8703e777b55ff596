/**
 * What a backend is, in words a student reads in a header ("CPU, WebAssembly, 2 threads"), from the short name
 * that --backend takes and the JSON lines report ("wasm-simd-2t"). Unknown names are shown as they are.
 */
const NAMED: Record<string, string> = {
  reference: 'CPU, plain JavaScript (reference)',
  'cpu-js': 'CPU, JavaScript',
};

/** gpu.js modes that run on the CPU; the others run on the GPU. */
const GPUJS_ON_CPU = new Set(['webasm', 'cpu']);

export function backendDisplayName(name: string): string {
  if (NAMED[name]) return NAMED[name];
  if (name.startsWith('gpu.js:')) {
    const mode = name.slice('gpu.js:'.length);
    return `${GPUJS_ON_CPU.has(mode) ? 'CPU' : 'GPU'}, gpu.js ${mode}`;
  }
  if (name.startsWith('wasm')) {
    const threads = Number(/-(\d+)t$/.exec(name)?.[1] ?? 1);
    return `CPU, WebAssembly, ${threads} thread${threads === 1 ? '' : 's'}`;
  }
  return name;
}
