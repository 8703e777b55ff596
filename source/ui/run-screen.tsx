/**
 * A dashboard on the alternate screen while training runs in slices beside it (drive() yields to the event loop
 * every few milliseconds, so keys are answered and frames drawn meanwhile). The screen stays until the user
 * quits, or closes when training ends with `exitOnDone` (or without a keyboard, where nobody could press q);
 * the terminal is restored either way. Every screen (font, VAE, denoise) runs through here.
 */
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { interruptions } from '../io/interrupt.js';
import type { Run, Stopped } from '../run/observe.js';
import { drive, type EventStream, type RunControl } from '../train/drive.js';
import { CLEAR_SCREEN, enterAlternateScreen } from './terminal.js';

export interface ScreenTraining<E> {
  events: EventStream<E>;
  /** Sees every event: the feed, and whatever the command keeps. */
  onEvent: (event: E) => void;
  control: RunControl;
  feed: { tell(notice: string): void; fail(): void };
  /** Runs when training reached its end (not when the user quit first); returns a notice for the screen, if any. */
  onFinished?: () => string | undefined;
  exitOnDone?: boolean;
}

/** Resolves when the screen has closed and training has stopped; throws what training threw. */
export async function runOnScreen<E>(
  stdout: NodeJS.WriteStream,
  dashboard: ReactElement,
  training: ScreenTraining<E>,
  stdin: NodeJS.ReadStream = process.stdin,
): Promise<void> {
  const { control, feed } = training;
  const restore = enterAlternateScreen(stdout);
  // A signal or a lost terminal closes the screen as q does; the command then saves what a stop saves. This
  // listens before the first frame: the terminal can be gone by the time Ink first touches it.
  let app: Instance | undefined;
  let interrupted = false;
  const unsubscribe = interruptions.subscribe(() => {
    interrupted = true;
    app?.unmount();
  });
  app = render(dashboard, { stdout, stdin, exitOnCtrlC: false, patchConsole: false });
  if (interrupted) app.unmount();
  const redrawAll = () => {
    app.clear();
    stdout.write(CLEAR_SCREEN);
  };
  stdout.on('resize', redrawAll);

  let failure: unknown;
  const running = drive(training.events, training.onEvent, control)
    .then(() => {
      if (control.stopped) return;
      const notice = training.onFinished?.();
      if (notice) feed.tell(notice);
      if (training.exitOnDone || !stdin.isTTY) app.unmount();
    })
    .catch((error: unknown) => {
      failure = error;
      feed.fail();
      app.unmount();
    });

  try {
    await app.waitUntilExit();
  } finally {
    control.stop();
    await running;
    stdout.off('resize', redrawAll);
    unsubscribe();
    restore();
  }
  if (failure) throw failure;
}

export interface ScreenOptions {
  /** Runs when training reached its end (not when the user quit first); returns a notice for the screen, if any. */
  onFinished?: () => string | undefined;
  exitOnDone?: boolean;
  /** The keyboard (process.stdin by default; the benchmark passes a silent one). */
  stdin?: NodeJS.ReadStream;
}

/** Trains `run` beside `dashboard`; every event goes to the run's own record, then to the screen's feed. */
export function watchOnScreen<E>(
  run: Run<E, unknown, Stopped>,
  stdout: NodeJS.WriteStream,
  dashboard: ReactElement,
  feed: ScreenTraining<E>['feed'] & { push(event: E): void },
  { stdin, ...options }: ScreenOptions = {},
): Promise<void> {
  const onEvent = (event: E) => {
    run.record(event);
    feed.push(event);
  };
  return runOnScreen(stdout, dashboard, { events: run.events, onEvent, control: run.control, feed, ...options }, stdin);
}
