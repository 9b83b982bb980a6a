import { varintAt, varintEnd, varintSkip } from './varint.js';

/*
 * Reading one bigram entry (see posting-format.ts): its head, then its positions, counted or matched.
 *
 * What `readBigramEntry` read: the entry's slot gap, where its positions lie (data[from, to)), its zone
 * counts (a short entry's title count 0, its heading count its position's bit) and how far its positions'
 * varints are shifted (1 for a short entry, whose varint holds the heading bit; see positionsIn).
 * A module-level out-value, as varintEnd: hot loops allocate nothing. An object's fields and not exported
 * `let`s: other modules read its fields as cheaply as the module itself.
 */
export const lastEntry = { gap: 0, from: 0, to: 0, titles: 0, headings: 0, shift: 0 };

/** Reads the head of the bigram entry starting at `data[at]` into lastEntry; the entry ends at lastEntry.to. */
export function readBigramEntry(data: Uint8Array, at: number): void {
  const head = varintAt(data, at);
  lastEntry.gap = head >>> 1;
  lastEntry.titles = 0;
  if (head & 1) {
    // Short: its one position is a single varint, whose low bit (in its first byte) says whether it lies in
    // a heading.
    lastEntry.from = varintEnd;
    lastEntry.headings = data[lastEntry.from]! & 1;
    lastEntry.shift = 1;
    lastEntry.to = varintSkip(data, lastEntry.from);
    return;
  }
  lastEntry.headings = 0;
  lastEntry.shift = 0;
  const length = varintAt(data, varintEnd);
  let from = varintEnd;
  if (length & 1) {
    lastEntry.titles = varintAt(data, from);
    lastEntry.headings = varintAt(data, varintEnd);
    from = varintEnd;
  }
  lastEntry.from = from;
  lastEntry.to = from + (length >>> 1);
}

/**
 * Decodes one entry's positions, the varints in `data[from, to)` (gaps from 0, each shifted right by
 * `shift`: 1 for a short entry, see lastEntry), into `into` from index `at`; returns how many.
 */
export function positionsIn(
  data: Uint8Array,
  from: number,
  to: number,
  into: Int32Array,
  at: number,
  shift: number,
): number {
  let p = from;
  let n = at;
  let pos = 0;
  while (p < to) {
    pos += varintAt(data, p) >>> shift;
    p = varintEnd;
    into[n++] = pos;
  }
  return n - at;
}

/**
 * How many positions one entry holds: the varints in `data[from, to)` (every byte but a varint's last has
 * its high bit set).
 */
export function countIn(data: Uint8Array, from: number, to: number): number {
  let count = 0;
  // Every varint ends in the one byte under 0x80; counted without a branch per byte (the bytes are random).
  for (let p = from; p < to; p++) count += (data[p]! >>> 7) ^ 1;
  return count;
}

/**
 * Keeps, in place and in order, those of the ascending starts `starts[0, n)` for which the entry whose
 * positions are `data[from, to)` (shifted by `shift`, see positionsIn) holds `start + offset`; returns how
 * many remain. Positions are read only up to the last start's.
 */
export function keepIn(
  data: Uint8Array,
  from: number,
  to: number,
  shift: number,
  starts: Int32Array,
  n: number,
  offset: number,
): number {
  let p = from;
  let pos = 0;
  let kept = 0;
  let i = 0;
  let want = n > 0 ? starts[0]! + offset : 0;
  while (p < to && i < n) {
    pos += varintAt(data, p) >>> shift;
    p = varintEnd;
    while (want < pos && ++i < n) want = starts[i]! + offset;
    if (want === pos && i < n) {
      starts[kept++] = starts[i]!;
      if (++i < n) want = starts[i]! + offset;
    }
  }
  return kept;
}
