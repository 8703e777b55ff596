/**
 * What the dashboard costs training: epochs per second of the same run with the JSON reporter (into a null
 * stream) and with the dashboard drawing to a terminal-sized null stream. Runs alternate, and the cost is the
 * median of each pair's ratio, which holds up on a busy machine better than a ratio of medians. It drives real
 * `font` runs and their screen, so it sits with the commands, above the screens, not in bench/ below them.
 */
import { PassThrough, Writable } from 'node:stream';
import { startFontRun, type FontRun } from './font.js';
import type { CommandContext } from './command.js';
import { fontJsonLogger } from '../report/font.js';
import { drive } from '../train/drive.js';
import type { FontDone } from '../train/font.js';
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
function nullTerminal(columns: number, rows: number): NodeJS.WriteStream {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  return Object.assign(sink, { isTTY: true, columns, rows, hasColors: () => true }) as unknown as NodeJS.WriteStream;
}

function settings(epochs: number) {
  // lr 0.0001 never reaches 0 wrong pixels within a few thousand epochs: every run trains `epochs` epochs.
  return { backend: 'cpu', epochs: String(epochs), target: '0', lr: '0.0001', exitOnDone: true };
}

async function jsonRun(epochs: number): Promise<number> {
  const run = startFontRun(settings(epochs));
  const logger = fontJsonLogger(nullTerminal(80, 24), run.config.logEvery);
  let done: FontDone | undefined;
  await drive(run.events, (event) => {
    logger.onEvent(event);
    if (event.type === 'done') done = event;
  });
  return epochsPerSecond(run, done);
}

async function screenRun(epochs: number, columns: number, rows: number): Promise<number> {
  const run = startFontRun(settings(epochs));
  const stdout = nullTerminal(columns, rows);
  const context: CommandContext = { stdout, stderr: stdout, output: 'screen', columns };
  const { showFontDashboard } = await loadFontScreen();
  const { done } = await showFontDashboard(run, context, undefined, new PassThrough() as unknown as NodeJS.ReadStream);
  return epochsPerSecond(run, done);
}

function epochsPerSecond(run: FontRun, done: FontDone | undefined): number {
  run.backend.dispose();
  if (!done) throw new Error('the benchmark run stopped early');
  return (done.last.epoch * 1000) / done.last.elapsedMs;
}

export async function timeScreenCost(epochs = 3000, repeats = 5, columns = 120, rows = 40): Promise<ScreenCost> {
  const json: number[] = [], screen: number[] = [];
  await jsonRun(300); // warm-up: the JIT, the module loads
  await screenRun(300, columns, rows);
  for (let r = 0; r < repeats; r++) {
    json.push(await jsonRun(epochs));
    screen.push(await screenRun(epochs, columns, rows));
  }
  const cost = median(json.map((j, r) => 1 - screen[r] / j));
  return { epochs, columns, rows, jsonEpochsPerSecond: median(json), screenEpochsPerSecond: median(screen), cost };
}
