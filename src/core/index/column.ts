/** A growable Int32 column: the builder's occurrence and entry logs. */
export class Column {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = v;
  }

  /** Room for `more` values past the length (so a loop can store into `data` without a check each). */
  reserve(more: number): void {
    if (this.length + more <= this.data.length) return;
    const next = new Int32Array(Math.max(this.length + more, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}
