import { SLOT_PAST_END, firstKept } from './bigram-cursor.js';
import { countIn, lastEntry, positionsIn, readBigramEntry } from './bigram-entry.js';
import { DecodeScratch, blobsLength } from './decode-scratch.js';
import { NO_SKIPS, farthestUnder, pairAfter, skipsOf } from './skip-table.js';
import { varintAt } from './varint.js';

/**
 * How much of a bigram list to decode: slots only; counts with title/heading counts and first positions;
 * all positions.
 */
export type BigramDetail = 'presence' | 'zones' | 'positions';

/**
 * A bigram list decoded: slots ascending, occurrences per slot (1 for `presence`); with `zones`, the
 * occurrences in headings, those in the title (long entries only: a short entry's one position says
 * whether it lies there) and each entry's first position; with `positions`, slot i's in
 * `positions[posStart[i] .. posStart[i+1])`.
 */
export interface DecodedBigrams {
  length: number;
  slots: Int32Array;
  counts: Int32Array;
  inTitle: Int32Array | null;
  inHeadings: Int32Array | null;
  first: Int32Array | null;
  /** With `zones`: where entry i starts, as an offset into the blobs laid end to end (see EntryReader). */
  heads: Int32Array | null;
  posStart: Int32Array | null;
  positions: Int32Array | null;
}

/**
 * Decodes the blobs (one per segment, in slot order) of one bigram to the `detail` asked for (positions
 * are stepped over by their length unless asked for); with `keep`, only the entries of slots it marks 1.
 * The result's arrays are views into `scratch` (fresh arrays without one).
 */
export function decodeBigrams(
  blobs: readonly Uint8Array[],
  detail: BigramDetail,
  scratch?: DecodeScratch,
  keep: Uint8Array | null = null,
): DecodedBigrams {
  // Every entry takes two bytes or more (head and a position) and every position one or more.
  const bytes = 16 + blobsLength(blobs);
  const withPositions = detail === 'positions';
  const withZones = detail === 'zones';
  const into = (scratch ?? new DecodeScratch()).reserve(
    bytes >> 1,
    withPositions ? bytes : 0,
    scratch ? undefined : Infinity,
  );
  const { slots, counts, inTitle, inHeadings, first, heads, positions } = into;
  const posStart = withPositions ? into.posStart : null;
  let n = 0;
  let np = 0;
  let base = 0;
  // With `keep`: the first slot it marks past the entries left out so far, where they jump to (see skipsOf).
  let nextKept = -1;
  decoding: for (const data of blobs) {
    let p = 0;
    const end = data.length;
    let slot = -1;
    const skips = keep !== null ? skipsOf(data) : NO_SKIPS;
    let k = 0;
    while (p < end) {
      if (withZones) heads[n] = base + p;
      readBigramEntry(data, p);
      slot += lastEntry.gap;
      if (keep !== null && keep[slot] !== 1) {
        p = lastEntry.to;
        if (slot > nextKept && (nextKept = firstKept(keep, slot + 1)) === SLOT_PAST_END) break decoding;
        k = pairAfter(skips, k, p);
        const j = farthestUnder(skips, k, nextKept);
        if (j >= 0) {
          slot = skips[j]!;
          p = skips[j + 1]!;
          k = j + 2;
        }
        continue;
      }
      slots[n] = slot;
      p = lastEntry.from;
      const stop = lastEntry.to;
      if (posStart !== null) {
        posStart[n] = np;
        np += positionsIn(data, p, stop, positions, np, lastEntry.shift);
        p = stop;
        counts[n] = np - posStart[n]!;
      } else if (withZones) {
        inTitle[n] = lastEntry.titles;
        inHeadings[n] = lastEntry.headings;
        first[n] = varintAt(data, p) >>> lastEntry.shift;
        counts[n] = countIn(data, p, stop);
        p = stop;
      } else {
        counts[n] = 1;
        p = stop;
      }
      n++;
    }
    base += end;
  }
  if (posStart) posStart[n] = np;
  return {
    length: n,
    slots: slots.subarray(0, n),
    counts: counts.subarray(0, n),
    inTitle: withZones ? inTitle.subarray(0, n) : null,
    inHeadings: withZones ? inHeadings.subarray(0, n) : null,
    first: withZones ? first.subarray(0, n) : null,
    heads: withZones ? heads.subarray(0, n) : null,
    posStart: posStart ? posStart.subarray(0, n + 1) : null,
    positions: posStart ? positions.subarray(0, np) : null,
  };
}

/** A decoded list with arrays of its own, sized to fit (to keep it past the next decode into the same scratch). */
export function ownBigrams(d: DecodedBigrams): DecodedBigrams {
  return {
    length: d.length,
    slots: d.slots.slice(),
    counts: d.counts.slice(),
    inTitle: d.inTitle?.slice() ?? null,
    inHeadings: d.inHeadings?.slice() ?? null,
    first: d.first?.slice() ?? null,
    heads: d.heads?.slice() ?? null,
    posStart: d.posStart?.slice() ?? null,
    positions: d.positions?.slice() ?? null,
  };
}
