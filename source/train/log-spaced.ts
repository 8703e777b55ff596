/**
 * Items kept at log-spaced steps in bounded memory: every step at first, then each step about `ratio` times the
 * one before, so that the early steps, where most changes, are kept densely and a long run's later ones sparsely.
 * Once `capacity` items are held every other one goes and the ratio squares: what is kept stays log-spaced over
 * the whole run, however long. The replay keeps its snapshots of a run in it.
 */
export class LogSpaced<T> {
  private kept: T[] = [];
  /** The first step not yet due. */
  private next = 0;

  constructor(
    private readonly capacity = 64,
    private ratio = 1.15,
  ) {}

  /** Keeps `item` when step `step` is due (steps must increase). */
  offer(step: number, item: T): void {
    if (step < this.next) return;
    this.kept.push(item);
    if (this.kept.length > this.capacity) {
      this.kept = this.kept.filter((_, i) => i % 2 === 0);
      this.ratio *= this.ratio;
    }
    this.next = Math.max(step + 1, Math.ceil(step * this.ratio));
  }

  /** The kept items, oldest first. */
  values(): T[] {
    return this.kept.slice();
  }
}
