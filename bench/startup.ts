/**
 * How long sia-ae takes to start: the median of several runs of a bare `node -e 0`, `sia-ae --help`,
 * `sia-ae --version`, and the time until the font dashboard's first frame is on a terminal (a pty from
 * util-linux's `script`). A benchmark, not a test: the targets (--help within 6x node, the first frame within
 * 1 s) are printed beside the numbers, not asserted.
 *
 *   npm run bench:startup                                   this checkout (built first)
 *   npx tsx bench/startup.ts --runs 9 OTHER/bin/sia-ae.js .  side by side: each program runs from its own folder
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../source/math/median.js';

/** The font dashboard's key bar: the last line of its first frame. */
const FIRST_FRAME = /q quit/;
const FRAME_TIMEOUT_MS = 30_000;

interface Program {
  label: string;
  bin: string;
  /** Its package folder: a program that reads tsconfig.json from the working folder must run there. */
  cwd: string;
}

function programFrom(arg: string): Program {
  const bin = arg.endsWith('.js') ? path.resolve(arg) : path.resolve(arg, 'bin/sia-ae.js');
  const cwd = path.dirname(path.dirname(bin));
  return { label: path.basename(cwd), bin, cwd };
}

/** Milliseconds of one run to its exit, or NaN where it fails (an older sia-ae without --version). */
function timeOnce(args: string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  return result.status === 0 ? performance.now() - start : NaN;
}

function timeLine(what: string, ms: number, nodeMs: number): string {
  if (Number.isNaN(ms)) return `  ${what.padEnd(30)}  fails`;
  return `  ${what.padEnd(30)}${ms.toFixed(0).padStart(6)} ms  ${(ms / nodeMs).toFixed(1)}x node`;
}

/** Milliseconds from starting `sia-ae font` on a 100x30 pty until its first frame is drawn; then q quits it. */
function firstFrameOnce(program: Program, args: string[]): Promise<number> {
  const argv = [process.execPath, program.bin, 'font', ...args].map((arg) => JSON.stringify(arg)).join(' ');
  const command = `stty cols 100 rows 30; exec ${argv}`;
  const start = performance.now();
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: program.cwd,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let ms: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), FRAME_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (ms === undefined && FIRST_FRAME.test(output)) {
        ms = performance.now() - start;
        child.stdin.write('q');
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (ms === undefined)
        reject(new Error(`${program.label}: no dashboard frame within ${FRAME_TIMEOUT_MS} ms:\n${output.slice(-500)}`));
      else resolve(ms);
    });
  });
}

async function medianOf(runs: number, once: () => number | Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(await once());
  return median(times);
}

function parseArgs(argv: string[]): { runs: number; programs: Program[] } {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 7;
  const rest = runsAt >= 0 ? argv.filter((_, i) => i !== runsAt && i !== runsAt + 1) : argv;
  const here = fileURLToPath(new URL('..', import.meta.url));
  return { runs, programs: (rest.length ? rest : [here]).map(programFrom) };
}

const { runs, programs } = parseArgs(process.argv.slice(2));
const hasScript = spawnSync('script', ['--version']).status === 0;
const nodeMs = await medianOf(runs, () => timeOnce(['-e', '0'], process.cwd()));
console.log(`median of ${runs} runs; targets: --help within 6x node -e 0, the first frame within 1000 ms`);
console.log(`${'node -e 0'.padEnd(32)}${nodeMs.toFixed(0).padStart(6)} ms`);
for (const program of programs) {
  const helpMs = await medianOf(runs, () => timeOnce([program.bin, '--help'], program.cwd));
  const versionMs = await medianOf(runs, () => timeOnce([program.bin, '--version'], program.cwd));
  console.log(`${program.label}`);
  console.log(timeLine('sia-ae --help', helpMs, nodeMs));
  console.log(timeLine('sia-ae --version', versionMs, nodeMs));
  if (!hasScript) {
    console.log('  font first frame: no `script` here to make a pty');
    continue;
  }
  // The default --backend auto times gpu.js against the CPU before the dashboard opens; --backend cpu does not.
  for (const args of [[], ['--backend', 'cpu']]) {
    const frameMs = await medianOf(runs, () => firstFrameOnce(program, args));
    console.log(`  ${['font first frame', ...args].join(' ').padEnd(30)}${frameMs.toFixed(0).padStart(6)} ms`);
  }
}
