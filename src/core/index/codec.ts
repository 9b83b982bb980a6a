import { BIGRAM_BASE, type EncodedPostings } from './contracts.js';
import { VarintWriter, readVarint } from './varint.js';

/** Gram key of one code unit. */
export function unigramKey(c: number): number {
  return c;
}

/** Gram key of two adjacent code units. */
export function bigramKey(c1: number, c2: number): number {
  return BIGRAM_BASE + c1 * 65536 + c2;
}

export function isBigram(gram: number): boolean {
  return gram >= BIGRAM_BASE;
}

/** A unigram list decoded: slots ascending, occurrences per slot, title/paid flags, free-part counts. */
export interface DecodedUnigrams {
  length: number;
  slots: Int32Array;
  counts: Int32Array;
  /** Bit 0: some occurrence is in the title; bit 1: some is in the paid part. */
  flags: Uint8Array;
  /** Occurrences before the paid part (equals counts[i] unless bit 1 of flags[i] is set). */
  freeCounts: Int32Array;
}

export const IN_TITLE = 1;
export const IN_PAID = 2;

/*
 * Wire format. A list is its entries in slot order; every entry opens with one varint `gap · 2 + short`
 * (gap: slot minus the previous entry's slot, from -1 at the start of a blob). A short entry is the most
 * common case and says nothing more:
 *   unigram: short = one occurrence, not in the title, not in the paid part; else `count · 4 + flags`,
 *            then the free-part count when IN_PAID is set;
 *   bigram:  short = one occurrence; else its count; then the positions (gaps from 0) in the document's
 *            index text.
 * Three quarters of bigram entries are short: the flag saves their count byte (about 13% of the index).
 */

/** The unigram value (count · 4 + flags) a short entry stands for. */
export const SHORT_UNIGRAM = 4;

/** The varint an entry opens with: its slot gap and whether it is short. */
export function entryHead(gap: number, short: boolean): number {
  return gap * 2 + (short ? 1 : 0);
}

/** A bigram list decoded: slots ascending; when positions are kept, slot i's in `positions[posStart[i] .. posStart[i+1])`. */
export interface DecodedBigrams {
  length: number;
  slots: Int32Array;
  counts: Int32Array;
  posStart: Int32Array | null;
  positions: Int32Array | null;
}

/** Decodes the blobs (one per segment, in slot order) of one unigram. */
export function decodeUnigrams(blobs: readonly Uint8Array[]): DecodedUnigrams {
  // A short entry may take a single byte.
  let capacity = 16;
  for (const b of blobs) capacity += b.length;
  const slots = new Int32Array(capacity);
  const counts = new Int32Array(capacity);
  const flags = new Uint8Array(capacity);
  const freeCounts = new Int32Array(capacity);
  let n = 0;
  const cursor = { pos: 0 };
  for (const data of blobs) {
    cursor.pos = 0;
    let slot = -1;
    while (cursor.pos < data.length) {
      const head = readVarint(data, cursor);
      slot += head >>> 1;
      const value = head & 1 ? SHORT_UNIGRAM : readVarint(data, cursor);
      const count = Math.floor(value / 4);
      slots[n] = slot;
      counts[n] = count;
      flags[n] = value & 3;
      freeCounts[n] = value & IN_PAID ? readVarint(data, cursor) : count;
      n++;
    }
  }
  return { length: n, slots, counts, flags, freeCounts };
}

/** Positions a scratch keeps arrays for (16 MB); a longer list is decoded into arrays of its own. */
const SCRATCH_POSITIONS = 4 << 20;

/**
 * Reusable arrays a bigram list is decoded into. Decoding a common bigram fills megabytes; writing them
 * into memory touched before is about twice as fast as into fresh arrays, whose pages the system must
 * first map and zero. A decoded list in scratch arrays is only valid until the next decode into them.
 */
export class DecodeScratch {
  slots = new Int32Array(0);
  counts = new Int32Array(0);
  posStart = new Int32Array(0);
  positions = new Int32Array(0);

  /** Arrays for `entries` entries and `positions` positions: these when big enough, fresh ones past `keepUpTo` positions. */
  reserve(entries: number, positions: number, keepUpTo = SCRATCH_POSITIONS): DecodeScratch {
    if (positions > keepUpTo) return new DecodeScratch().reserve(entries, positions, Infinity);
    if (this.slots.length < entries + 1) {
      const n = Math.max(entries + 1, this.slots.length * 2);
      this.slots = new Int32Array(n);
      this.counts = new Int32Array(n);
      this.posStart = new Int32Array(n);
    }
    if (this.positions.length < positions) this.positions = new Int32Array(Math.max(positions, this.positions.length * 2));
    return this;
  }
}

/**
 * Decodes the blobs (one per segment, in slot order) of one bigram; positions are skipped unless
 * `withPositions`. The result's arrays are views into `scratch` (fresh arrays without one).
 */
export function decodeBigrams(blobs: readonly Uint8Array[], withPositions: boolean, scratch?: DecodeScratch): DecodedBigrams {
  // Every entry takes two bytes or more (head and a position) and every position one or more.
  let bytes = 16;
  for (const b of blobs) bytes += b.length;
  const into = (scratch ?? new DecodeScratch()).reserve(bytes >> 1, withPositions ? bytes : 0, scratch ? undefined : Infinity);
  const { slots, counts, positions } = into;
  const posStart = withPositions ? into.posStart : null;
  let n = 0;
  let np = 0;
  for (const data of blobs) {
    let p = 0;
    const end = data.length;
    let slot = -1;
    while (p < end) {
      // Varints read in place, with the offset in a local (no cursor object).
      let b = data[p++]!;
      let head = b & 0x7f;
      for (let shift = 128; b >= 0x80; shift *= 128) {
        b = data[p++]!;
        head += (b & 0x7f) * shift;
      }
      slot += head >>> 1;
      let count = 1;
      if ((head & 1) === 0) {
        b = data[p++]!;
        count = b & 0x7f;
        for (let shift = 128; b >= 0x80; shift *= 128) {
          b = data[p++]!;
          count += (b & 0x7f) * shift;
        }
      }
      slots[n] = slot;
      counts[n] = count;
      if (posStart !== null) {
        posStart[n] = np;
        let pos = 0;
        for (let k = 0; k < count; k++) {
          b = data[p++]!;
          let gap = b & 0x7f;
          for (let shift = 128; b >= 0x80; shift *= 128) {
            b = data[p++]!;
            gap += (b & 0x7f) * shift;
          }
          pos += gap;
          positions[np++] = pos;
        }
      } else {
        // Skip the positions: every byte but the last of a varint has its high bit set.
        for (let k = 0; k < count; k++) while (data[p++]! >= 0x80);
      }
      n++;
    }
  }
  if (posStart) posStart[n] = np;
  return {
    length: n,
    slots: slots.subarray(0, n),
    counts: counts.subarray(0, n),
    posStart: posStart ? posStart.subarray(0, n + 1) : null,
    positions: posStart ? positions.subarray(0, np) : null,
  };
}

/** A decoded list with arrays of its own, sized to fit (to keep it past the next decode into the same scratch). */
export function ownBigrams(d: DecodedBigrams): DecodedBigrams {
  return { length: d.length, slots: d.slots.slice(), counts: d.counts.slice(), posStart: d.posStart?.slice() ?? null, positions: d.positions?.slice() ?? null };
}

/**
 * Concatenates one gram's blobs of consecutive segments into one, re-encoding only the head of the first
 * entry of each later blob (gaps start from -1 in every blob; the short bit is kept).
 */
export function concatPostings(parts: readonly EncodedPostings[]): EncodedPostings {
  if (parts.length === 0) throw new Error('concatPostings: no parts');
  const first = parts[0]!;
  if (parts.length === 1) return first;
  const chunks: Uint8Array[] = [first.data];
  let last = first.lastUnit;
  let units = first.units;
  for (const part of parts.slice(1)) {
    if (part.gram !== first.gram) throw new Error(`concatPostings: gram ${part.gram} mixed with ${first.gram}`);
    const cursor = { pos: 0 };
    const firstHead = readVarint(part.data, cursor);
    const firstUnit = (firstHead >>> 1) - 1;
    if (firstUnit <= last) throw new Error(`concatPostings: slot ${firstUnit} is not after ${last}`);
    const head = new VarintWriter(8);
    head.write(entryHead(firstUnit - last, (firstHead & 1) === 1));
    chunks.push(head.bytes(), part.data.subarray(cursor.pos));
    last = part.lastUnit;
    units += part.units;
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return { gram: first.gram, units, lastUnit: last, data };
}
