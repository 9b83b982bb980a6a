import { MINHASH_BINS } from './fingerprint.js';

/**
 * What near-duplicate detection tests a stored document on before reading its text: its text length and
 * MinHash sketch, in flat columns by row (one row per document, in the order added): 8 bytes and one
 * sketch's 256 a document, with no object or buffer of its own (a Uint32Array per document took ~600 bytes).
 */
export class NearKeyTable {
  /** Text length by row; NaN when unknown (documents stored before lengths were kept). */
  private lengths = new Float64Array(1024);
  /** MINHASH_BINS words a row. */
  private sketches = new Uint32Array(1024 * MINHASH_BINS);
  /** 1 when the row's sketch is known (documents stored before sketches were kept have none until compared). */
  private sketched = new Uint8Array(1024);
  private rows = 0;

  get size(): number {
    return this.rows;
  }

  /** Adds a document's keys; returns its row. */
  add(length: number | null, sketch: Uint32Array | null): number {
    if (this.rows === this.lengths.length) this.grow();
    const row = this.rows++;
    this.lengths[row] = length ?? Number.NaN;
    if (sketch !== null) this.setSketch(row, sketch);
    return row;
  }

  /** The text length of `row`, or null when unknown. */
  length(row: number): number | null {
    const n = this.lengths[row]!;
    return Number.isNaN(n) ? null : n;
  }

  /** The sketch of `row` (a view into the table, valid until the next add), or null when unknown. */
  sketch(row: number): Uint32Array | null {
    return this.sketched[row] === 1 ? this.sketches.subarray(row * MINHASH_BINS, (row + 1) * MINHASH_BINS) : null;
  }

  setSketch(row: number, sketch: Uint32Array): void {
    if (sketch.length !== MINHASH_BINS)
      throw new Error(`near keys: a sketch has ${MINHASH_BINS} bins, not ${sketch.length}`);
    this.sketches.set(sketch, row * MINHASH_BINS);
    this.sketched[row] = 1;
  }

  /**
   * The same from a sketch's bytes as stored (its words in this machine's byte order, as a Uint32Array's
   * bytes are written): copied straight into the table, with no buffer made for them on the way.
   */
  setSketchBytes(row: number, bytes: Uint8Array): void {
    if (bytes.length !== MINHASH_BINS * 4)
      throw new Error(`near keys: a sketch has ${MINHASH_BINS * 4} bytes, not ${bytes.length}`);
    new Uint8Array(this.sketches.buffer, row * MINHASH_BINS * 4, MINHASH_BINS * 4).set(bytes);
    this.sketched[row] = 1;
  }

  private grow(): void {
    const capacity = this.lengths.length * 2;
    const lengths = new Float64Array(capacity);
    lengths.set(this.lengths);
    const sketches = new Uint32Array(capacity * MINHASH_BINS);
    sketches.set(this.sketches);
    const sketched = new Uint8Array(capacity);
    sketched.set(this.sketched);
    this.lengths = lengths;
    this.sketches = sketches;
    this.sketched = sketched;
  }
}
