/** Training time as the user sees it: running while training runs, stopped while paused and once done. */
export class Stopwatch {
  private total = 0;
  private since: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(): void {
    this.since ??= this.now();
  }

  stop(): void {
    if (this.since === undefined) return;
    this.total += this.now() - this.since;
    this.since = undefined;
  }

  elapsedMs(): number {
    return this.total + (this.since === undefined ? 0 : this.now() - this.since);
  }
}

/** Events per second over the last `windowMs`, from samples taken whenever the screen draws. */
export class RateMeter {
  private samples: Array<{ ms: number; count: number }> = [];

  constructor(private readonly windowMs = 2000) {}

  sample(ms: number, count: number): number {
    this.samples.push({ ms, count });
    while (this.samples.length > 2 && ms - this.samples[1].ms >= this.windowMs) this.samples.shift();
    const first = this.samples[0];
    return ms > first.ms ? ((count - first.count) * 1000) / (ms - first.ms) : 0;
  }
}
