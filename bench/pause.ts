/**
 * How soon the font dashboard shows what `p` did: the milliseconds from the key to the first frame whose header
 * says "‖ paused" (and, pressed again, "● training"), on a terminal-sized stream with a keyboard, while a long
 * run trains. Medians of several presses. A benchmark, not a test: the target (within 100 ms) is printed beside
 * the numbers, not asserted.
 *
 *   npx tsx bench/pause.ts [--presses 7] [--columns 120] [--rows 40]
 */
import { PassThrough, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { startFontRun } from '../source/commands/font.js';
import { median } from '../source/math/median.js';
import { stripAnsi } from '../source/render/ansi.js';
import { loadFontScreen } from '../source/ui/load.js';

const TARGET_MS = 100;
/** Time for the run to settle (and the frame pacing to learn what a frame costs) before each press. */
const SETTLE_MS = 1500;

/** A terminal of the given size that tells `onFrame` the text of every frame written to it. */
function watchedTerminal(columns: number, rows: number, onFrame: (text: string) => void): NodeJS.WriteStream {
  const sink = new Writable({
    write: (chunk, _encoding, done) => {
      onFrame(stripAnsi(String(chunk)));
      done();
    },
  });
  return Object.assign(sink, { isTTY: true, columns, rows, hasColors: () => true }) as unknown as NodeJS.WriteStream;
}

/** A keyboard Ink can read keys from: a stream that claims to be a terminal in raw mode. */
function keyboard(): NodeJS.ReadStream & PassThrough {
  const keys = new PassThrough();
  return Object.assign(keys, { isTTY: true, setRawMode: () => keys, ref: () => keys, unref: () => keys }) as never;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      presses: { type: 'string', default: '7' },
      columns: { type: 'string', default: '120' },
      rows: { type: 'string', default: '40' },
    },
  });
  let waitingFor: { text: string; since: number; done: (ms: number) => void } | undefined;
  const stdout = watchedTerminal(Number(values.columns), Number(values.rows), (frame) => {
    if (waitingFor && frame.includes(waitingFor.text)) {
      waitingFor.done(performance.now() - waitingFor.since);
      waitingFor = undefined;
    }
  });
  const stdin = keyboard();
  const press = (text: string) =>
    new Promise<number>((done) => {
      waitingFor = { text, since: performance.now(), done };
      stdin.write('p');
    });
  const { showFontDashboard } = await loadFontScreen();
  const run = startFontRun({ backend: 'cpu', epochs: '100000000', target: '0', layers: '35,2' });
  const screen = showFontDashboard(run, stdout, { exitOnDone: true, stdin });
  const paused: number[] = [],
    resumed: number[] = [];
  for (let i = 0; i < Number(values.presses); i++) {
    await sleep(SETTLE_MS);
    paused.push(await press('‖ paused'));
    await sleep(SETTLE_MS / 3);
    resumed.push(await press('● training'));
  }
  stdin.write('q');
  await screen;
  run.dispose();
  const ms = (all: number[]) => `median ${median(all).toFixed(0)} ms (${all.map((t) => t.toFixed(0)).join(', ')})`;
  console.log(
    `font dashboard at ${values.columns}x${values.rows}: p to the frame that shows it, target ${TARGET_MS} ms`,
  );
  console.log(`  paused    ${ms(paused)}`);
  console.log(`  resumed   ${ms(resumed)}`);
}

await main();
