/**
 * What the dashboard costs training: epochs per second of the same run with the JSON reporter (into a null
 * stream) and with the dashboard drawing to a terminal-sized null stream. Runs alternate, and the cost is the
 * median of each pair's ratio, which holds up on a busy machine better than a ratio of medians. It drives real
 * `font` runs and their screen, so it sits with the commands, above the screens, not in bench/ below them.
 */
import { PassThrough, Writable } from 'node:stream';
import { startFontRun } from './font.js';
import { fontJsonLogger } from '../report/font.js';
import type { FontRun } from '../run/font.js';
import { drive } from '../train/drive.js';
import { median } from '../math/median.js';
import { loadFontScreen } from '../ui/load.js';

export interface ScreenCost {
  epochs: number;
  columns: number;
  rows: number;
  jsonEpochsPerSecond: number;
  screenEpochsPerSecond: number;
  /** The median of 1 - screen / json over the pairs: the share of throughput the dashboard takes. */
  cost: number;
}

/** A stream that looks like a terminal of the given size and throws everything away. */
export function nullTerminal(columns: number, rows: number): NodeJS.WriteStream {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  return Object.assign(sink, { isTTY: true, columns, rows, hasColors: () => true }) as unknown as NodeJS.WriteStream;
}

function settings(epochs: number) {
  // lr 0.0001 never reaches 0 wrong pixels within a few thousand epochs: every run trains `epochs` epochs.
  return { backend: 'cpu', epochs: String(epochs), target: '0', lr: '0.0001', exitOnDone: true };
}

async function jsonRun(epochs: number): Promise<number> {
  const run = startFontRun(settings(epochs));
  const logger = fontJsonLogger(nullTerminal(80, 24), 25);
  await drive(run.events, (event) => {
    run.record(event);
    logger.onEvent(event);
  });
  return epochsPerSecond(run);
}

async function screenRun(epochs: number, columns: number, rows: number): Promise<number> {
  const run = startFontRun(settings(epochs));
  const { showFontDashboard } = await loadFontScreen();
  await showFontDashboard(run, nullTerminal(columns, rows), {
    exitOnDone: true,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
  });
  return epochsPerSecond(run);
}

function epochsPerSecond(run: FontRun): number {
  run.dispose();
  if (!run.finished || !run.last) throw new Error('the benchmark run stopped early');
  return (run.last.epoch * 1000) / run.last.elapsedMs;
}

export async function timeScreenCost(epochs = 3000, repeats = 5, columns = 120, rows = 40): Promise<ScreenCost> {
  const json: number[] = [],
    screen: number[] = [];
  await jsonRun(300); // warm-up: the JIT, the module loads
  await screenRun(300, columns, rows);
  for (let r = 0; r < repeats; r++) {
    json.push(await jsonRun(epochs));
    screen.push(await screenRun(epochs, columns, rows));
  }
  const cost = median(json.map((j, r) => 1 - screen[r] / j));
  return { epochs, columns, rows, jsonEpochsPerSecond: median(json), screenEpochsPerSecond: median(screen), cost };
}
