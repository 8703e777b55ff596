/**
 * One way through every run, as Gatsby's CLI reporter does it: a run is started (its events, its control, what a
 * save writes), then observe() hands it to the chosen output (the screen, plain lines or JSON lines), which
 * watches its events; at the end the output is given the run's result, or the stop and what the stop saved.
 * Commands are parse -> start -> observe.
 */
import { interruptions, INTERRUPTED_STATUS } from '../io/interrupt.js';
import { drive, type EventStream, type RunControl } from '../train/drive.js';
import type { RunContext } from './context.js';

/** A started run: training as an event stream, and what becomes of it at the end. */
export interface Run<E, R, S extends Stopped = Stopped> {
  readonly events: EventStream<E>;
  readonly control: RunControl;
  /** Sees every event before the output does: what the result is made of. */
  record(event: E): void;
  /** Whether the events ran to their end (else the run was stopped). */
  readonly finished: boolean;
  /** The run reached its end: saves with --save, exports with --export; the result (awaited: a device reads back). */
  finish(): R | Promise<R>;
  /** The run stopped before its end: saves what a stop saves. */
  stop(): S | Promise<S>;
  /** Lets go of the backend. */
  dispose(): void;
}

/** What a stopped run reports. */
export interface Stopped {
  /** Why it stopped: Ctrl-C, SIGTERM, … or q. */
  reason: string;
  /** The files the stop saved. */
  saved: string[];
}

type AnyRun = Run<unknown, unknown>;
type ResultOf<T> = T extends Run<unknown, infer R> ? Awaited<R> : never;
type StoppedOf<T> = T extends Run<unknown, unknown, infer S> ? Awaited<S> : never;

/** An output: how it watches the events, and how it shows the end. */
export interface Observer<T extends AnyRun> {
  /** Resolves when training has ended or stopped (and the screen, when the user has closed it). */
  watch(run: T): Promise<void>;
  result(result: ResultOf<T>): void;
  stopped(stopped: StoppedOf<T>): void;
}

/** The outputs an experiment offers; the screen loads on demand (React and Ink cost start-up time). */
export interface Outputs<T extends AnyRun> {
  screen(context: RunContext): Promise<Observer<T>>;
  plain(context: RunContext): Observer<T>;
  json(context: RunContext): Observer<T>;
}

/** Runs `run` to its end on the output the context chose; returns the exit status (0, or 130 when stopped). */
export async function observe<T extends AnyRun>(run: T, outputs: Outputs<T>, context: RunContext): Promise<number> {
  const observer = context.output === 'screen' ? await outputs.screen(context) : outputs[context.output](context);
  try {
    await observer.watch(run);
    if (!run.finished) {
      observer.stopped((await run.stop()) as StoppedOf<T>);
      return INTERRUPTED_STATUS;
    }
    observer.result((await run.finish()) as ResultOf<T>);
    return 0;
  } finally {
    run.dispose();
  }
}

/**
 * How plain and JSON outputs watch a run: every event to `onEvent` after the run's own record, until the end or
 * an interruption (a signal, a closed terminal or pipe: io/interrupt.ts) stops it at a step boundary.
 */
export async function watchEvents<E>(run: Run<E, unknown>, onEvent: (event: E) => void): Promise<void> {
  const unsubscribe = interruptions.subscribe(() => run.control.stop());
  try {
    await drive(
      run.events,
      (event) => {
        run.record(event);
        onEvent(event);
      },
      run.control,
    );
  } finally {
    unsubscribe();
  }
}

/** Why the run stopped, for its last line: the interruption, or q on a screen. */
export const stopReason = (): string => interruptions.reason ?? 'q';
