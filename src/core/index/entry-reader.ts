import { keepIn, lastEntry, positionsIn, readBigramEntry } from './bigram-entry.js';

/**
 * Reads entries of one bigram's blobs by where they start in the blobs laid end to end (DecodedBigrams'
 * `heads`, BigramCursor's `head`): random access to a document's positions once its entry was found.
 */
export class EntryReader {
  private readonly bases: Int32Array;
  private from = 0;
  private to = 0;
  private shift = 0;

  constructor(private readonly blobs: readonly Uint8Array[]) {
    this.bases = new Int32Array(blobs.length + 1);
    blobs.forEach((b, i) => (this.bases[i + 1] = this.bases[i]! + b.length));
  }

  /** An upper bound on the positions of the entry at `head`. */
  span(head: number): number {
    this.seek(head);
    return this.to - this.from;
  }

  /** The positions of the entry at `head`, into `into` from index 0; returns how many. */
  positions(head: number, into: Int32Array): number {
    const data = this.seek(head);
    return positionsIn(data, this.from, this.to, into, 0, this.shift);
  }

  /** See keepIn: for the entry at `head`. */
  keep(head: number, starts: Int32Array, n: number, offset: number): number {
    const data = this.seek(head);
    return keepIn(data, this.from, this.to, this.shift, starts, n, offset);
  }

  /** The blob holding `head`, with from/to set to its entry's positions. */
  private seek(head: number): Uint8Array {
    let b = 0;
    while (this.bases[b + 1]! <= head) b++;
    const data = this.blobs[b]!;
    readBigramEntry(data, head - this.bases[b]!);
    this.from = lastEntry.from;
    this.to = lastEntry.to;
    this.shift = lastEntry.shift;
    return data;
  }
}
