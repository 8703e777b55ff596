// node scripts/import-cycles.mjs [folder]: lists the import circles among the TypeScript modules under folder
// (default source/). A circle is a strongly connected group of files, type-only imports included, because a
// type import ties the layers together as much as a value import does. Exits 1 when any circle is found.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Static imports and re-exports, and dynamic import('./x.js') calls, which tie modules together just the same.
const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm;

function sourceFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, name))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && !file.includes('/assembly/'));
}

function importsOf(file, known) {
  const matches = [...readFileSync(file, 'utf8').matchAll(IMPORT)];
  const stems = matches.map((match) => resolve(dirname(file), match[1] ?? match[2]).replace(/\.js$/, ''));
  return stems.flatMap((stem) => [`${stem}.ts`, `${stem}.tsx`].filter((f) => known.has(f)));
}

// Tarjan's algorithm: each returned group is a set of files that all reach one another.
function stronglyConnected(graph) {
  const index = new Map(),
    low = new Map(),
    stack = [],
    onStack = new Set(),
    groups = [];
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const group = [];
    for (let member = null; member !== node; ) {
      member = stack.pop();
      onStack.delete(member);
      group.push(member);
    }
    groups.push(group);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups.filter((group) => group.length > 1);
}

const folder = resolve(process.argv[2] ?? 'source');
const files = sourceFiles(folder).map((file) => resolve(file));
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
const circles = stronglyConnected(graph);
for (const circle of circles) {
  const names = circle.map((file) => relative(folder, file)).sort();
  console.log(`circle of ${circle.length} files:\n  ${names.join('\n  ')}`);
}
console.log(`${circles.length} import circle(s) under ${relative(process.cwd(), folder) || '.'}`);
process.exitCode = circles.length > 0 ? 1 : 0;
