/**
 * Pumps a training event stream. Training is synchronous math; every `sliceMs` the pump yields to the event
 * loop so that the screen can draw and keys get answered while training runs. Pause, stop and the pace
 * (--pace) are honoured between events.
 */
import type { Pacer } from './pacer.js';

export class RunControl {
  paused = false;
  stopped = false;
  private wake: (() => void) | undefined;

  /** `pacer`: at most so many events a second (none: as fast as training goes). */
  constructor(readonly pacer?: Pacer) {}

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
  }

  toggle(): void {
    if (this.paused) this.resume();
    else this.pause();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Resolves when resumed or stopped. */
  whilePaused(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Training's events: computed on the spot (the CPU trainers), or awaited (the device trainer's readbacks). */
export type EventStream<E> = Iterator<E> | AsyncIterator<E>;

export async function drive<E>(
  events: EventStream<E>,
  onEvent: (event: E) => void,
  control = new RunControl(),
  sliceMs = 15,
): Promise<void> {
  let sliceStart = performance.now();
  while (!control.stopped) {
    if (control.paused) {
      await control.whilePaused();
      continue;
    }
    if (control.pacer) {
      await control.pacer.wait();
      if (control.stopped || control.paused) continue;
    }
    const pending = events.next();
    // Awaited only when it is a promise: a CPU trainer's event costs no extra turn of the microtask queue.
    const next = pending instanceof Promise ? await pending : pending;
    if (next.done) return;
    onEvent(next.value);
    if (performance.now() - sliceStart > sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  await events.return?.(undefined);
}
