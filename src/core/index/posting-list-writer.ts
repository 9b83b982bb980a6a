import { IN_HEADING, IN_PAID, SHORT_UNIGRAM, bigramLength, entryHead, shortPosition } from './posting-format.js';
import { IN_HEADING_ZONE, IN_TITLE_ZONE } from './index-text.js';
import { type VarintWriter, varintSize } from './varint.js';

/*
 * The posting list encoder: writes a segment's lists in the wire format (see posting-format.ts). Each loop is a
 * function of its own (see segment-builder.ts on why).
 */

/** An entry's head; a list's first gap counts from slot -1, padded when the segment is to be placed later. */
export function writeHead(writer: VarintWriter, slot: number, last: number, short: boolean, pad: boolean): void {
  if (last < 0 && pad) writer.writePadded(entryHead(slot + 1, short));
  else writer.write(entryHead(slot - last, short));
}

/**
 * Writes one character's list from its entries `order[from .. to)` (slots ascending), entry e being
 * `slots[e]`, its unigram value `values[e]`, free count `free[e]` and occurrences in headings
 * `headings[e]`; returns the last slot.
 */
export function writeUnigramList(
  writer: VarintWriter,
  order: Int32Array,
  from: number,
  to: number,
  slots: Int32Array,
  values: Int32Array,
  free: Int32Array,
  headings: Int32Array,
  pad: boolean,
): number {
  let last = -1;
  for (let e = from; e < to; e++) {
    const entry = order[e]!;
    const slot = slots[entry]!;
    const value = values[entry]!;
    const short = value === SHORT_UNIGRAM;
    writeHead(writer, slot, last, short, pad);
    last = slot;
    if (short) continue;
    writer.write(value);
    if (value & IN_PAID) writer.write(free[entry]!);
    if (value & IN_HEADING) writer.write(headings[entry]!);
  }
  return last;
}

/**
 * Writes one bigram's list from its occurrences `[from, to)` (slot, then position order; `logged` holds
 * position · 4 + zone); returns its entries.
 */
export function writeBigramList(
  writer: VarintWriter,
  slots: Int32Array,
  logged: Int32Array,
  from: number,
  to: number,
  pad: boolean,
): number {
  let last = -1;
  let entries = 0;
  let e = from;
  while (e < to) {
    const slot = slots[e]!;
    let end = e + 1;
    while (end < to && slots[end] === slot) end++;
    const short = end - e === 1;
    writeHead(writer, slot, last, short, pad);
    // A short entry's one position says whether it lies in a heading; a long entry's zone counts say how many do.
    if (short) writer.write(shortPosition(logged[e]! >>> 2, (logged[e]! & 3) === IN_HEADING_ZONE));
    else writeLongEntry(writer, logged, e, end);
    last = slot;
    entries++;
    e = end;
  }
  return entries;
}

/** A long entry after its head: its positions' byte length and zone counts, then its positions (gaps from 0). */
export function writeLongEntry(writer: VarintWriter, logged: Int32Array, from: number, to: number): void {
  writeLongEntryHead(writer, logged, from, to);
  let prev = 0;
  for (let k = from; k < to; k++) {
    const pos = logged[k]! >>> 2;
    writer.write(pos - prev);
    prev = pos;
  }
}

/** A long entry's positions' byte length (so a reader can step over them) and its occurrences by zone. */
export function writeLongEntryHead(writer: VarintWriter, logged: Int32Array, from: number, to: number): void {
  let bytes = 0;
  let before = 0;
  let titles = 0;
  let headings = 0;
  for (let k = from; k < to; k++) {
    const at = logged[k]!;
    const pos = at >>> 2;
    bytes += varintSize(pos - before);
    before = pos;
    if ((at & 3) === IN_TITLE_ZONE) titles++;
    else if ((at & 3) === IN_HEADING_ZONE) headings++;
  }
  const zoned = titles + headings > 0;
  writer.write(bigramLength(bytes, zoned));
  if (zoned) {
    writer.write(titles);
    writer.write(headings);
  }
}
