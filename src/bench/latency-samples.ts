/** Latencies of one load run, in fractional milliseconds, and their percentiles by nearest rank. */
export class LatencySamples {
  private values = new Float64Array(1024);
  private count = 0;
  /** The samples in order, kept until the next sample: p50 and p99 of a run sort it once. */
  private sorted: Float64Array | null = null;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
    this.sorted = null;
  }

  get size(): number {
    return this.count;
  }

  /** The value at quantile `q` (0.99 for p99) by nearest rank; null before any sample. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    this.sorted ??= this.values.slice(0, this.count).sort();
    const sorted = this.sorted;
    const rank = Math.min(this.count, Math.max(1, Math.ceil(q * this.count)));
    return sorted[rank - 1]!;
  }
}
