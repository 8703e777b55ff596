/**
 * `denoise --sweep` on a terminal: the sweep screen on the alternate screen while the pool runs. Quitting while
 * jobs run is an interruption (the pool stops its workers and the program exits 130, as Ctrl-C does); once the
 * sweep is done the screen stays until q, and the command then writes the tables on the terminal.
 */
import { render } from 'ink';
import { interruptions } from '../../io/interrupt.js';
import type { JobResult } from '../../sweep/jobs.js';
import type { PoolOptions } from '../../sweep/pool.js';
import { CLEAR_SCREEN, enterAlternateScreen } from '../terminal.js';
import { SweepDashboard, type SweepInfo } from './dashboard.js';
import { SweepFeed } from './feed.js';

export interface SweepScreen {
  /** The pool's callbacks; `outcome` says in a few words how a finished job did. */
  pool: (outcome: (index: number, result: JobResult) => string) => PoolOptions;
  feed: SweepFeed;
  /** Shows the end and waits for q (at once without a keyboard); the terminal is restored after. */
  finish(results: string[]): Promise<void>;
  /** Closes the screen now (the sweep failed or was stopped). */
  close(): Promise<void>;
}

export function openSweepScreen(
  stdout: NodeJS.WriteStream,
  info: SweepInfo,
  labels: string[],
  stdin: NodeJS.ReadStream = process.stdin,
): SweepScreen {
  const feed = new SweepFeed(labels);
  const restore = enterAlternateScreen(stdout);
  const onQuit = () => {
    if (feed.frame().status !== 'finished') interruptions.interrupt('q');
  };
  const app = render(<SweepDashboard info={info} feed={feed} onQuit={onQuit} color={stdout.hasColors?.() ?? false} />, {
    stdout,
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const unsubscribe = interruptions.subscribe(() => app.unmount());
  const redrawAll = () => {
    app.clear();
    stdout.write(CLEAR_SCREEN);
  };
  stdout.on('resize', redrawAll);
  const closed: Promise<void> = app
    .waitUntilExit()
    .then(() => {})
    .finally(() => {
      stdout.off('resize', redrawAll);
      unsubscribe();
      restore();
    });
  return {
    feed,
    pool: (outcome) => ({
      onStart: feed.start,
      onProgress: feed.progress,
      onDone: (index, result) => feed.done(index, outcome(index, result)),
    }),
    finish(results) {
      feed.showResults(results);
      feed.finish('finished');
      if (!stdin.isTTY) app.unmount();
      return closed;
    },
    close() {
      app.unmount();
      return closed;
    },
  };
}
