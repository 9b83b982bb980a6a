import { BigramCursor } from './bigram-cursor.js';
import { blobsLength } from './decode-scratch.js';
import { bigramLength, entryHead, shortPosition } from './posting-format.js';
import { VarintWriter, varintSize } from './varint.js';

/**
 * One bigram list, in the wire format, holding every occurrence of several bigrams: what a phrase walk
 * reads for "this character, then any of these marks" (see match-wildcard-term.ts). Two bigrams never
 * occur at one position, so each entry's occurrences and heading counts are the sum of its documents'
 * entries. Title counts are worked out from the positions (`titleEnd`: where a slot's title ends in its
 * index text), since a short entry has none. Lists are per slot, slots absolute: the union is one blob.
 * With `only` (slots, ascending), the union holds those slots' entries alone, sought by skip tables: a
 * phrase's other lists say where it can occur, and a union of common pairs is mostly elsewhere.
 */
export function unionOfBigrams(
  lists: ReadonlyArray<readonly Uint8Array[]>,
  titleEnd: (slot: number) => number,
  only: Int32Array | null = null,
): Uint8Array[] {
  const cursors = lists.filter((l) => l.length > 0).map((l) => new BigramCursor(l, only !== null));
  // Without `only` each cursor stands at its first entry; with it, each seeks the slots asked for.
  const live = only === null ? cursors.filter((c) => c.next()) : cursors;
  const writer = new VarintWriter(16 + lists.reduce((n, l) => n + blobsLength(l), 0));
  const entry = new EntryScratch();
  let last = -1;
  const take = (slot: number): void => {
    if (entry.n === 0) return;
    writeEntry(writer, slot, last, entry.sorted(), entry.headings, titleEnd(slot));
    last = slot;
  };
  if (only !== null) {
    for (let i = 0; i < only.length && live.length > 0; i++) {
      const slot = only[i]!;
      entry.clear();
      for (let k = 0; k < live.length;) {
        const c = live[k]!;
        if (c.slot < slot && !c.seek(slot)) {
          live.splice(k, 1);
          continue;
        }
        if (c.slot === slot) entry.add(c);
        k++;
      }
      take(slot);
    }
  } else {
    while (live.length > 0) {
      let slot = live[0]!.slot;
      for (let k = 1; k < live.length; k++) slot = Math.min(slot, live[k]!.slot);
      entry.clear();
      for (let k = 0; k < live.length;) {
        const c = live[k]!;
        if (c.slot !== slot) {
          k++;
          continue;
        }
        entry.add(c);
        if (c.next()) k++;
        else live.splice(k, 1);
      }
      take(slot);
    }
  }
  return last < 0 ? [] : [writer.bytes()];
}

/** One document's occurrences gathered from the cursors standing at its slot. */
class EntryScratch {
  n = 0;
  headings = 0;
  private parts = 0;
  private positions = new Int32Array(256);
  private read = new Int32Array(256);

  clear(): void {
    this.n = 0;
    this.headings = 0;
    this.parts = 0;
  }

  add(c: BigramCursor): void {
    if (this.read.length < c.span()) this.read = new Int32Array(c.span() * 2);
    const m = c.positions(this.read);
    if (this.positions.length < this.n + m) {
      const grown = new Int32Array((this.n + m) * 2);
      grown.set(this.positions.subarray(0, this.n));
      this.positions = grown;
    }
    this.positions.set(this.read.subarray(0, m), this.n);
    this.n += m;
    this.headings += c.headings;
    this.parts++;
  }

  /** The occurrences, ascending. */
  sorted(): Int32Array {
    const at = this.positions.subarray(0, this.n);
    return this.parts > 1 ? at.sort() : at;
  }
}

/** One entry of slot `slot` (the entry before it: `last`) with ascending occurrences `at`. */
function writeEntry(
  writer: VarintWriter,
  slot: number,
  last: number,
  at: Int32Array,
  headings: number,
  titleEnd: number,
): void {
  if (at.length === 1) {
    writer.write(entryHead(slot - last, true));
    writer.write(shortPosition(at[0]!, headings > 0));
    return;
  }
  writer.write(entryHead(slot - last, false));
  let bytes = 0;
  let titles = 0;
  for (let k = 0; k < at.length; k++) {
    bytes += varintSize(k === 0 ? at[0]! : at[k]! - at[k - 1]!);
    if (at[k]! < titleEnd) titles++;
  }
  const zoned = titles + headings > 0;
  writer.write(bigramLength(bytes, zoned));
  if (zoned) {
    writer.write(titles);
    writer.write(headings);
  }
  for (let k = 0; k < at.length; k++) writer.write(k === 0 ? at[0]! : at[k]! - at[k - 1]!);
}
