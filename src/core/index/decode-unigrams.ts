import { blobsLength, room } from './decode-scratch.js';
import * as format from './posting-format.js';
import { varintAt, varintEnd, varintSkip } from './varint.js';

// The format's constants as this module's own: the loops below read them per entry, and an imported binding
// is read through its module cell at every use where a local const is not.
const FLAG_BITS = format.FLAG_BITS;
const FLAG_SPAN = format.FLAG_SPAN;
const IN_HEADING = format.IN_HEADING;
const IN_PAID = format.IN_PAID;
const SHORT_UNIGRAM = format.SHORT_UNIGRAM;

/**
 * A unigram list decoded: slots ascending, occurrences per slot, title/paid/heading flags, free-part and
 * heading counts.
 */
export interface DecodedUnigrams {
  length: number;
  slots: Int32Array;
  counts: Int32Array;
  /** IN_TITLE: some occurrence is in the title; IN_PAID: some is in the paid part; IN_HEADING: some is in a heading. */
  flags: Uint8Array;
  /** Occurrences before the paid part (equals counts[i] unless IN_PAID is set). */
  freeCounts: Int32Array;
  /** Occurrences in headings (0 unless IN_HEADING is set). */
  inHeadings: Int32Array;
}

/** Where unigram lists are decoded before being copied out at their size (see DecodeScratch on why). */
const unigramScratch = {
  slots: new Int32Array(0),
  counts: new Int32Array(0),
  flags: new Uint8Array(0),
  freeCounts: new Int32Array(0),
  inHeadings: new Int32Array(0),
};

/** Where decodeUnigramSlots decodes (its arrays grow apart from decodeUnigrams'). */
const unigramSlotScratch = { slots: new Int32Array(0), counts: new Int32Array(0) };

/** Decodes the blobs (one per segment, in slot order) of one unigram; the result has arrays of its own. */
export function decodeUnigrams(blobs: readonly Uint8Array[]): DecodedUnigrams {
  // A short entry may take a single byte.
  const capacity = 16 + blobsLength(blobs);
  const into = unigramScratch;
  into.slots = room(into.slots, capacity);
  into.counts = room(into.counts, capacity);
  into.flags = room(into.flags, capacity);
  into.freeCounts = room(into.freeCounts, capacity);
  into.inHeadings = room(into.inHeadings, capacity);
  const { slots, counts, flags, freeCounts, inHeadings } = into;
  let n = 0;
  for (const data of blobs) {
    let p = 0;
    let slot = -1;
    while (p < data.length) {
      const head = varintAt(data, p);
      p = varintEnd;
      slot += head >>> 1;
      let value = SHORT_UNIGRAM;
      if ((head & 1) === 0) {
        value = varintAt(data, p);
        p = varintEnd;
      }
      const count = Math.floor(value / FLAG_SPAN);
      slots[n] = slot;
      counts[n] = count;
      flags[n] = value & FLAG_BITS;
      freeCounts[n] = count;
      inHeadings[n] = 0;
      if (value & IN_PAID) {
        freeCounts[n] = varintAt(data, p);
        p = varintEnd;
      }
      if (value & IN_HEADING) {
        inHeadings[n] = varintAt(data, p);
        p = varintEnd;
      }
      n++;
    }
  }
  return {
    length: n,
    slots: slots.slice(0, n),
    counts: counts.slice(0, n),
    flags: flags.slice(0, n),
    freeCounts: freeCounts.slice(0, n),
    inHeadings: inHeadings.slice(0, n),
  };
}

/**
 * A unigram's documents without the rest of its entries (to count them): every slot with its occurrences,
 * or with `headingsOnly` only the slots of entries with occurrences in headings, with how many. A count
 * needs no more, and writing one pair of arrays instead of five is much faster.
 */
export function decodeUnigramSlots(
  blobs: readonly Uint8Array[],
  headingsOnly: boolean,
): { length: number; slots: Int32Array; counts: Int32Array } {
  // A short entry may take a single byte.
  const capacity = 16 + blobsLength(blobs);
  const into = unigramSlotScratch;
  into.slots = room(into.slots, capacity);
  into.counts = room(into.counts, capacity);
  const { slots, counts } = into;
  let n = 0;
  for (const data of blobs) {
    let p = 0;
    let slot = -1;
    while (p < data.length) {
      let head = data[p++]!;
      if (head >= 0x80) {
        head = varintAt(data, p - 1);
        p = varintEnd;
      }
      slot += head >>> 1;
      if (head & 1) {
        // Short: one occurrence, in no heading.
        if (headingsOnly) continue;
        slots[n] = slot;
        counts[n++] = 1;
        continue;
      }
      const value = varintAt(data, p);
      p = varintEnd;
      if (value & IN_PAID) p = varintSkip(data, p);
      let inHeadings = 0;
      if (value & IN_HEADING) {
        inHeadings = varintAt(data, p);
        p = varintEnd;
      }
      if (headingsOnly && inHeadings === 0) continue;
      slots[n] = slot;
      counts[n++] = headingsOnly ? inHeadings : Math.floor(value / FLAG_SPAN);
    }
  }
  return { length: n, slots: slots.slice(0, n), counts: counts.slice(0, n) };
}
