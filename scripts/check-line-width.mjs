#!/usr/bin/env node
/**
 * `npm run lint`'s last step: no source line over 120 characters. Biome wraps code at that width (biome.json's
 * lineWidth) but never breaks a string or a comment, so those are caught here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MAX_WIDTH = 120;
const FOLDERS = ['source', 'test', 'bench', 'scripts', 'bin'];
const SOURCE_FILE = /\.(ts|tsx|js|mjs)$/;

function sourceFiles() {
  const nested = FOLDERS.flatMap((folder) =>
    readdirSync(folder, { recursive: true }).map((name) => path.join(folder, name)),
  );
  return [...readdirSync('.'), ...nested].filter((file) => SOURCE_FILE.test(file));
}

const tooLong = sourceFiles().flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      const width = [...line].length;
      return width > MAX_WIDTH ? [`${file}:${i + 1}: ${width} characters (at most ${MAX_WIDTH})`] : [];
    }),
);
for (const line of tooLong) console.error(line);
process.exitCode = tooLong.length > 0 ? 1 : 0;
