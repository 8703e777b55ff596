/**
 * The kernels the host's WasmBackend calls. Pointers are byte offsets into the imported shared memory; the
 * module keeps no state in that memory (no data segments, no allocator), so every thread instantiates it over
 * the same memory and the host owns all allocation above heapBase().
 */
export {
  matmul, matmulScratchBytes, matmulTileRows, matmulTileColumns, matmulSharedBytes, matmulPackShared, matmulShares,
} from './matmul';
export { biasActivate, activationBackward, columnSums } from './elementwise';
export { optimizerUpdate } from './optimizer';

export function heapBase(): usize {
  return __heap_base;
}
