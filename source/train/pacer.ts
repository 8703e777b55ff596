/**
 * --pace: training slowed to at most N epochs a second, for a class to watch it learn. Each event is due
 * 1/N s after the one before, or at once when it is already late: a pause or a slow epoch is never made up
 * for by a burst.
 */

/** Time as the pacer sees it; tests pass a fake one whose sleep moves its own clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class Pacer {
  /** When the next event may come (ms on the clock). */
  private due = Number.NEGATIVE_INFINITY;

  constructor(
    readonly perSecond: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when the next event may come. */
  async wait(): Promise<void> {
    const now = this.clock.now();
    if (this.due > now) await this.clock.sleep(this.due - now);
    this.due = Math.max(this.due, now) + 1000 / this.perSecond;
  }
}
