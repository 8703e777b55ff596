/**
 * A series that may grow for hours in bounded memory: once `capacity` values are held it keeps every other one
 * and from then on takes one value in two (then four, ...), so what is kept always spans the whole run, evenly
 * spaced. Appending is O(1) amortised; a chart squeezes the values into its width anyway, so evenly thinned
 * history draws the same curve. The latest value always shows. The screens' charts and the export's per-epoch
 * rows keep their histories in it.
 */
export class Thinned<T> {
  private readonly kept: T[] = [];
  private stride = 1;
  /** Values pushed so far: the kept ones are those pushed at multiples of the stride. */
  private pushed = 0;
  private latest: T | undefined;

  constructor(private readonly capacity = 4096) {}

  push(value: T): void {
    this.latest = value;
    if (this.pushed++ % this.stride !== 0) return;
    this.latest = undefined;
    this.kept.push(value);
    if (this.kept.length >= this.capacity) {
      for (let i = 0; i < this.kept.length / 2; i++) this.kept[i] = this.kept[2 * i];
      this.kept.length = Math.ceil(this.kept.length / 2);
      this.stride *= 2;
      this.latest = value; // the value just pushed sat at an odd place and was thinned out
    }
  }

  /** A copy of the kept values, oldest first, ending with the latest value pushed. */
  values(): T[] {
    return this.latest === undefined ? this.kept.slice() : [...this.kept, this.latest];
  }
}
