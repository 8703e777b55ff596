/**
 * How much memory a long font dashboard run holds on to: the heap (after a full GC) and the RSS of one long run
 * with the dashboard drawing to a terminal-sized null stream, sampled as it trains and once more after it ends
 * (the run and its screen still referenced, as the command holds them until the user quits). A benchmark, not a
 * test: the target (at most 40 MB of growth however long the run) is printed beside the numbers, not asserted.
 *
 *   node --expose-gc --import tsx bench/memory.ts [--epochs 300000] [--columns 120] [--rows 40]
 */
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { nullTerminal } from '../source/commands/bench-screen.js';
import { startFontRun } from '../source/commands/font.js';
import { loadFontScreen } from '../source/ui/load.js';

const MB = 1024 * 1024;
const TARGET_MB = 40;
const SAMPLE_MS = 5000;

interface Sample {
  seconds: number;
  epoch: number;
  heapMb: number;
  rssMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function sample(started: number, epoch: number): Sample {
  gc!();
  const { heapUsed, rss } = process.memoryUsage();
  return { seconds: (performance.now() - started) / 1000, epoch, heapMb: heapUsed / MB, rssMb: rss / MB };
}

function line({ seconds, epoch, heapMb, rssMb }: Sample, what = ''): string {
  const mb = (value: number) => `${value.toFixed(1).padStart(7)} MB`;
  const time = `${seconds.toFixed(0).padStart(5)} s  epoch ${String(epoch).padStart(8)}`;
  return `${time}  heap ${mb(heapMb)}  rss ${mb(rssMb)}${what}`;
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with node --expose-gc');
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: '300000' },
      columns: { type: 'string', default: '120' },
      rows: { type: 'string', default: '40' },
    },
  });
  const [columns, rows] = [Number(values.columns), Number(values.rows)];
  const { showFontDashboard } = await loadFontScreen();
  // No hidden layer never reaches 0 wrong pixels: the run trains every epoch it is given.
  const run = startFontRun({ backend: 'cpu', epochs: values.epochs, target: '0', layers: '35,2', exitOnDone: true });
  const started = performance.now();
  const samples = [sample(started, 0)];
  console.log(`font dashboard at ${columns}x${rows}, ${values.epochs} epochs; heap after a full GC`);
  console.log(line(samples[0], '  (start)'));
  const timer = setInterval(() => {
    samples.push(sample(started, run.last?.epoch ?? 0));
    console.log(line(samples.at(-1)!));
  }, SAMPLE_MS);
  await showFontDashboard(run, nullTerminal(columns, rows), {
    exitOnDone: true,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
  });
  clearInterval(timer);
  const end = sample(started, run.last?.epoch ?? 0);
  console.log(line(end, '  (training ended, run still held)'));
  // The first sample after warm-up is the baseline: module loads and the JIT's code are not the run's growth.
  const base = samples[Math.min(1, samples.length - 1)];
  const growth = end.heapMb - base.heapMb;
  const perEpoch = ((end.heapMb - base.heapMb) * MB) / Math.max(1, end.epoch - base.epoch);
  console.log(
    `heap growth after ${base.seconds.toFixed(0)} s: ${growth.toFixed(1)} MB (${perEpoch.toFixed(1)} bytes/epoch);` +
      ` rss ${(end.rssMb - base.rssMb).toFixed(1)} MB; target at most ${TARGET_MB} MB`,
  );
  run.dispose();
}

await main();
