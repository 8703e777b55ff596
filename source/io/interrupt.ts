/**
 * Interruptions. Ctrl-C, SIGTERM, SIGHUP (a closed terminal, a dropped SSH connection) and a stdout that can no
 * longer be written (EIO from a closed terminal, EPIPE from a closed pipe) all end a run the same way: training
 * stops at the next step boundary, what a stop saves is saved (the VAE checkpoint; the model when --save is
 * given), and the program exits with INTERRUPTED_STATUS. No stack trace: a stop is not a failure.
 *
 * With no run listening (loading data, printing help) an interruption exits at once. A second Ctrl-C or SIGTERM
 * while a run is stopping exits at once too: saves are atomic, so the earlier file is still whole.
 */
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** The exit status of a run that stopped before its end, in every command (128 + SIGINT, as shells report). */
export const INTERRUPTED_STATUS = 130;

/** Thrown by work that has nothing to save when it is interrupted (a sweep); the CLI prints it and exits 130. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

type Listener = (reason: string) => void;

const REASONS: Record<string, string> = {
  SIGINT: 'Ctrl-C',
  SIGTERM: 'SIGTERM',
  SIGHUP: 'SIGHUP: the terminal closed',
  EIO: 'the terminal closed',
  EPIPE: 'the output pipe closed',
  q: 'q',
};

/** The signals that force an exit when they come again: a person or a supervisor insisting. */
const INSISTENT = new Set(['SIGINT', 'SIGTERM']);

export class Interruptions {
  /** Why the run was interrupted; undefined while it was not. */
  reason: string | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly exit: (status: number) => void = (status) => process.exit(status)) {}

  /** Calls `listener` once, on the first interruption (at once if there was one already); returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    if (this.reason !== undefined) {
      listener(this.reason);
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `cause`: a signal name or an errno code (EIO, EPIPE). */
  interrupt(cause: string): void {
    if (this.reason !== undefined) {
      if (INSISTENT.has(cause)) this.exit(INTERRUPTED_STATUS);
      return;
    }
    this.reason = REASONS[cause] ?? cause;
    if (this.listeners.size === 0) return this.exit(INTERRUPTED_STATUS);
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const listener of listeners) listener(this.reason);
  }
}

/** The process's interruptions: one per program, as the signals are. */
export const interruptions = new Interruptions();

/** Runs `work` with an AbortSignal that fires (with an InterruptedError) if the program is interrupted meanwhile. */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const unsubscribe = interruptions.subscribe((reason) => controller.abort(new InterruptedError(reason)));
  try {
    return await work(controller.signal);
  } finally {
    unsubscribe();
  }
}

/** Stream errors that mean the other end is gone, so that nothing more can be shown there. */
const LOST_OUTPUT = new Set(['EIO', 'EPIPE', 'ERR_STREAM_DESTROYED']);

/**
 * Routes the process's signals and its lost terminal into `interruptions`. Call once, before any work starts.
 * (Node resets SIGHUP to its default at start-up, so `nohup` cannot shield a Node program: the README shows
 * tmux and setsid instead. Listening for SIGHUP at least saves the run.)
 */
export function watchProcess(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => interruptions.interrupt(signal));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (!LOST_OUTPUT.has(error.code ?? '')) throw error;
      interruptions.interrupt(error.code === 'ERR_STREAM_DESTROYED' ? 'EIO' : error.code!);
    });
  }
  // A keyboard that vanished (the terminal closed under a dashboard) fails its next read with EIO.
  if (process.stdin.isTTY) process.stdin.on('error', () => interruptions.interrupt('EIO'));
  process.on('exit', letGoOfLostTerminal(terminalDescriptors()));
}

const terminalDescriptors = () => [0, 1, 2].filter((fd) => isatty(fd));

/**
 * At exit Node 20 puts the terminal's settings back, and aborts (a core dump, exit 134) when the terminal has
 * hung up, because that fails with EIO. A hung-up terminal no longer answers isatty(); closing its descriptors
 * makes Node skip them.
 */
function letGoOfLostTerminal(terminals: number[]): () => void {
  return () => {
    for (const fd of terminals) if (!isatty(fd)) closeSync(fd);
  };
}
