// npm run build: source/ -> dist/, the JavaScript the sia-ae command runs. dist/ is emptied first so that a
// renamed or deleted source leaves nothing stale behind to be packed; the files tsc does not emit (the two wasm
// builds of the kernels and their plain-JavaScript matmul thread) are copied beside the modules that locate them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = ['math/wasm/build/kernels.wasm', 'math/wasm/build/kernels-fma.wasm', 'math/wasm/worker.mjs'];

function compile() {
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed (status ${result.status ?? result.signal})`);
}

function copyAssets() {
  for (const asset of ASSETS) {
    const from = join(ROOT, 'source', asset);
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm run build:wasm first`);
    const to = join(ROOT, 'dist', asset);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
}

try {
  compile();
  copyAssets();
} catch (error) {
  process.stderr.write(`build: ${error.message}\n`);
  process.exitCode = 1;
}
