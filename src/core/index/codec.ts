import { BIGRAM_BASE } from './contracts.js';
import { varintAt, varintEnd, varintSkip } from './varint.js';

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

/** A unigram list decoded: slots ascending, occurrences per slot, title/paid/heading flags, free-part and heading counts. */
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

export const IN_TITLE = 1;
export const IN_PAID = 2;
export const IN_HEADING = 4;
/** A unigram value's flag bits (IN_TITLE | IN_PAID | IN_HEADING); the count is the value over FLAG_SPAN. */
const FLAG_BITS = 7;
const FLAG_SPAN = 8;

/** The unigram value of `count` occurrences with these flags (see the wire format). */
export function unigramValue(count: number, flags: number): number {
  return count * FLAG_SPAN + flags;
}

/*
 * Wire format. A list is its entries in slot order; every entry opens with one varint `gap · 2 + short`
 * (gap: slot minus the previous entry's slot, from -1 at the start of a blob). A short entry is the most
 * common case and says nothing more:
 *   unigram: short = one occurrence, not in the title, the paid part or a heading; else `count · 8 + flags`,
 *            then the free-part count when IN_PAID is set, then the occurrences in headings when
 *            IN_HEADING is set;
 *   bigram:  short = one occurrence: `position · 2 + 1` follows when it lies in a heading, `position · 2`
 *            when not; else `bytes · 2 + zoned`, where bytes is the byte length of the positions; when zoned
 *            (some occurrence lies in the title or a heading) two varints follow: the occurrences in the
 *            title, the occurrences in headings; then the positions (gaps from 0) in the document's index
 *            text. The count is the number of varints in those bytes.
 * Three quarters of bigram entries are short: the flag saves their length byte (about 13% of the index),
 * and the heading bit of their position (0.3%) answers the outline and weighs them by zone without the
 * unit table: every entry's heading count is known from the list.
 * The length lets a reader step over a document's positions in one move: an intersection reads only the
 * heads of the longer lists and decodes positions only where every list holds the document. The zone
 * counts let a common two-character term be ranked by field without its positions.
 */

/** The unigram value (count · 8 + flags) a short entry stands for. */
export const SHORT_UNIGRAM = 8;

/** The varint an entry opens with: its slot gap and whether it is short. */
export function entryHead(gap: number, short: boolean): number {
  return gap * 2 + (short ? 1 : 0);
}

/** The varint of a short bigram entry's one position: the position, and whether it lies in a heading. */
export function shortPosition(position: number, inHeading: boolean): number {
  return position * 2 + (inHeading ? 1 : 0);
}

/** The varint after a long bigram entry's head: its positions' byte length and whether zone counts follow. */
export function bigramLength(bytes: number, zoned: boolean): number {
  return bytes * 2 + (zoned ? 1 : 0);
}

/** How much of a bigram list to decode: slots only; counts with title/heading counts and first positions; all positions. */
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
 * A scratch array `a` when it holds `size` values, else a fresh one at least twice as long (its values are
 * not kept: a decode writes before it reads). Each array is checked on its own, never sized by another's.
 */
function room<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  return a.length >= size ? a : new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
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
 * needs no more, and writing one pair of arrays instead of five is about three times as fast.
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
  inTitle = new Int32Array(0);
  inHeadings = new Int32Array(0);
  first = new Int32Array(0);
  heads = new Int32Array(0);
  posStart = new Int32Array(0);
  positions = new Int32Array(0);

  /** Arrays for `entries` entries and `positions` positions: these when big enough, fresh ones past `keepUpTo` positions. */
  reserve(entries: number, positions: number, keepUpTo = SCRATCH_POSITIONS): DecodeScratch {
    if (positions > keepUpTo) return new DecodeScratch().reserve(entries, positions, Infinity);
    const n = entries + 1;
    this.slots = room(this.slots, n);
    this.counts = room(this.counts, n);
    this.inTitle = room(this.inTitle, n);
    this.inHeadings = room(this.inHeadings, n);
    this.first = room(this.first, n);
    this.heads = room(this.heads, n);
    this.posStart = room(this.posStart, n);
    this.positions = room(this.positions, positions);
    return this;
  }
}

/*
 * What `readBigramEntry` read: the entry's slot gap, where its positions lie (data[entryFrom, entryTo)), its
 * zone counts (a short entry's title count 0, its heading count its position's bit) and how far its
 * positions' varints are shifted (1 for a short entry, whose varint holds the heading bit; see positionsIn).
 * Module-level out-values, as varintEnd: hot loops allocate nothing.
 */
let entryGap = 0;
let entryFrom = 0;
let entryTo = 0;
let entryTitles = 0;
let entryHeadings = 0;
let entryShift = 0;

/** The bytes of a list's blobs together. */
export function blobsLength(blobs: readonly Uint8Array[]): number {
  let bytes = 0;
  for (const b of blobs) bytes += b.length;
  return bytes;
}

/** Reads the head of the bigram entry starting at `data[at]` (see the wire format above); the entry ends at entryTo. */
function readBigramEntry(data: Uint8Array, at: number): void {
  const head = varintAt(data, at);
  entryGap = head >>> 1;
  entryTitles = 0;
  if (head & 1) {
    // Short: its one position is a single varint, whose low bit (in its first byte) says whether it lies in a heading.
    entryFrom = varintEnd;
    entryHeadings = data[entryFrom]! & 1;
    entryShift = 1;
    entryTo = varintSkip(data, entryFrom);
    return;
  }
  entryHeadings = 0;
  entryShift = 0;
  const length = varintAt(data, varintEnd);
  let from = varintEnd;
  if (length & 1) {
    entryTitles = varintAt(data, from);
    entryHeadings = varintAt(data, varintEnd);
    from = varintEnd;
  }
  entryFrom = from;
  entryTo = from + (length >>> 1);
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
      slot += entryGap;
      if (keep !== null && keep[slot] !== 1) {
        p = entryTo;
        if (slot > nextKept && (nextKept = firstKept(keep, slot + 1)) === PAST_END) break decoding;
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
      p = entryFrom;
      const stop = entryTo;
      if (posStart !== null) {
        posStart[n] = np;
        np += positionsIn(data, p, stop, positions, np, entryShift);
        p = stop;
        counts[n] = np - posStart[n]!;
      } else if (withZones) {
        inTitle[n] = entryTitles;
        inHeadings[n] = entryHeadings;
        first[n] = varintAt(data, p) >>> entryShift;
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

const NO_BYTES = new Uint8Array(0);
const NO_SKIPS = new Int32Array(0);
/**
 * A slot past every real one. A small integer (V8's Smi range), as every slot: a cursor's fields keep one
 * representation, so compiled code for the cursor is never thrown away when a walk reaches its end.
 */
const PAST_END = 0x3fffffff;

/** Every SKIP_EVERY-th entry of a blob is sampled in its skip table (see skipsOf). */
const SKIP_EVERY = 16;
/** The skip tables made so far, by blob: each goes with its blob. */
const skipTables = new WeakMap<Uint8Array, Int32Array>();

/**
 * A bigram blob's skip table: pairs (slot of the entry before, where an entry starts) for its entries
 * SKIP_EVERY, 2·SKIP_EVERY, …, then (its last entry's slot, its length). Every entry before a pair's place
 * lies before a slot the pair's first value is under, so a seek there may start at that place instead of
 * stepping up to it, and past the blob's end when its last entry lies before. Made from the blob (one walk
 * over its heads) the first time a jumping cursor meets it, and kept while the blob is: the stored format
 * stays as it is.
 */
export function skipsOf(blob: Uint8Array): Int32Array {
  const known = skipTables.get(blob);
  if (known !== undefined) return known;
  // Every entry takes two bytes or more.
  const pairs = new Int32Array(2 * Math.floor(blob.length / (2 * SKIP_EVERY)) + 2);
  let n = 0;
  let entries = 0;
  let slot = -1;
  for (let p = 0; p < blob.length; entries++) {
    if (entries > 0 && entries % SKIP_EVERY === 0) {
      pairs[n++] = slot;
      pairs[n++] = p;
    }
    readBigramEntry(blob, p);
    slot += entryGap;
    p = entryTo;
  }
  pairs[n++] = slot;
  pairs[n++] = blob.length;
  const table = pairs.slice(0, n);
  skipTables.set(blob, table);
  return table;
}

/** The index of the first pair of skip table `skips`, from index `k` on, whose place lies past `p`. */
function pairAfter(skips: Int32Array, k: number, p: number): number {
  let i = k;
  while (i < skips.length && skips[i + 1]! <= p) i += 2;
  return i;
}

/** From pair index `k` on, the farthest pair of `skips` whose slot before lies under `target`; -1 when pair k's does not. */
function farthestUnder(skips: Int32Array, k: number, target: number): number {
  if (k >= skips.length || skips[k]! >= target) return -1;
  let i = k;
  while (i + 2 < skips.length && skips[i + 2]! < target) i += 2;
  return i;
}

/** The first slot at or after `slot` that `keep` marks 1, PAST_END when none does. */
function firstKept(keep: Uint8Array, slot: number): number {
  let s = slot;
  while (s < keep.length && keep[s] !== 1) s++;
  return s < keep.length ? s : PAST_END;
}

/**
 * Walks one bigram's entries across its blobs (one per segment, in slot order), reading heads only: a
 * document's positions are decoded when asked for and otherwise stepped over by their byte length. A
 * jumping cursor goes far ahead by the blobs' skip tables instead (see the constructor).
 */
export class BigramCursor {
  /** The current entry's slot (-1 before the first `next()`, PAST_END past the last). */
  slot = -1;
  /** Where the current entry starts, as an offset into the blobs laid end to end (see EntryReader). */
  head = 0;
  /** The current entry's occurrences in the title (0 for a short entry: its position says whether it lies there) and in headings. */
  titles = 0;
  headings = 0;
  /** How far the current entry's positions' varints are shifted: 1 for a short entry, whose one varint holds its heading bit (see readBigramEntry). */
  private shift = 0;
  private blob = 0;
  /** Where blob `blob` starts in the blobs laid end to end. */
  private base = 0;
  private data: Uint8Array;
  /** Where the next entry starts. */
  private p = 0;
  /** The current entry's positions are the varints in data[from, to). */
  private from = 0;
  private to = 0;
  /** Reading the current entry's positions one by one (see `has`): where the next one starts, the last read. */
  private readAt = 0;
  private last = -1;

  /** A jumping cursor's skip table (of blob `skipBlob`: see skipsOf) and the index of its first pair not behind the walk. */
  private skips: Int32Array = NO_SKIPS;
  private skipBlob = -1;
  private skip = 0;

  /**
   * With `jumps`, seeks (and `next` with a keep mask) first move ahead by the blobs' skip tables, whole blobs
   * at a time where they can: for walks that stop at few of the entries, such as a rare leader's partners
   * or a filtered walk. A walk that stops at most entries only pays for the tables.
   */
  constructor(
    private readonly blobs: readonly Uint8Array[],
    private readonly jumps = false,
  ) {
    this.data = blobs[0] ?? NO_BYTES;
  }

  /** Moves to the next entry (with `keep`, the next whose slot it marks 1); false past the last. */
  next(keep: Uint8Array | null = null): boolean {
    return this.seek(this.slot + 1, keep);
  }

  /** Moves to the first entry at or after `slot` (with `keep`, the first whose slot it marks 1); false when there is none. */
  seek(slot: number, keep: Uint8Array | null = null): boolean {
    // The common case in a walk beside its partners: the next entry is the one sought, its head (and its
    // length) one byte each and no zone counts (a jumping cursor too: jumps are for seeks further on).
    // Kept small, so the compiler inlines it into the walk.
    if (keep === null && this.slot < slot) {
      const data = this.data;
      const p = this.p;
      const head = p < data.length ? data[p]! : 0x80;
      const at = this.slot + (head >>> 1);
      if (head < 0x80 && at >= slot) {
        if (head & 1) {
          this.enter(p, at, p + 1, varintSkip(data, p + 1), 0, data[p + 1]! & 1, true);
          return true;
        }
        const length = data[p + 1]!;
        if (length < 0x80 && (length & 1) === 0) {
          this.enter(p, at, p + 2, p + 2 + (length >>> 1), 0, 0, false);
          return true;
        }
      }
    }
    return this.jumps ? this.seekFar(slot, keep) : this.step(slot, keep);
  }

  /** seek for a jumping cursor: to the first slot `keep` lets through, by the skip tables, then stepping. */
  private seekFar(slot: number, keep: Uint8Array | null): boolean {
    let target = slot;
    for (;;) {
      if (this.slot === PAST_END) return false;
      if (this.slot >= target) {
        if (keep === null || keep[this.slot] === 1) return true;
        target = this.slot + 1;
      }
      if (keep !== null && (target = firstKept(keep, target)) === PAST_END) {
        this.slot = PAST_END;
        return false;
      }
      this.jump(target);
      if (!this.step(target, null)) return false;
    }
  }

  /**
   * Moves the walk, without reading entries, to the farthest place the skip tables show to lie before
   * `target`: its `slot` is then that of the entry before (the base of the next entry's gap), or -1 at a
   * blob's start.
   */
  private jump(target: number): void {
    for (;;) {
      if (this.skipBlob !== this.blob) {
        this.skips = skipsOf(this.data);
        this.skipBlob = this.blob;
        this.skip = 0;
      }
      const skips = this.skips;
      let k = pairAfter(skips, this.skip, this.p);
      const j = farthestUnder(skips, k, target);
      if (j >= 0) {
        this.slot = skips[j]!;
        this.p = skips[j + 1]!;
        k = j + 2;
      }
      this.skip = k;
      // Past the blob's last entry: on to the next blob, whose first gap counts from -1.
      if (this.p < this.data.length || this.blob + 1 >= this.blobs.length) return;
      this.base += this.data.length;
      this.data = this.blobs[++this.blob]!;
      this.p = 0;
      this.slot = -1;
    }
  }

  /**
   * seek by stepping. Hot loop: the entries before the one it stops at are stepped over with locals only
   * (the head's gap, then the body by its length), and the fields are set once, for the entry it stops at.
   */
  private step(slot: number, keep: Uint8Array | null): boolean {
    if (this.slot >= slot && (keep === null || this.slot === PAST_END || keep[this.slot] === 1))
      return this.slot !== PAST_END;
    let data = this.data;
    let end = data.length;
    let p = this.p;
    let at = this.slot;
    for (;;) {
      if (p >= end) {
        if (++this.blob >= this.blobs.length) {
          this.slot = PAST_END;
          return false;
        }
        this.base += end;
        data = this.data = this.blobs[this.blob]!;
        end = data.length;
        at = -1;
        p = 0;
        continue;
      }
      const start = p;
      let head = data[p++]!;
      if (head >= 0x80) {
        head = varintAt(data, start);
        p = varintEnd;
      }
      at += head >>> 1;
      if (head & 1) {
        // Short: one position.
        if (at < slot || (keep !== null && keep[at] !== 1)) {
          while (data[p++]! >= 0x80);
          continue;
        }
        this.enter(start, at, p, varintSkip(data, p), 0, data[p]! & 1, true);
        return true;
      }
      let length = data[p++]!;
      if (length >= 0x80) {
        length = varintAt(data, p - 1);
        p = varintEnd;
      }
      if (at < slot || (keep !== null && keep[at] !== 1)) {
        if (length & 1) p = varintSkip(data, varintSkip(data, p));
        p += length >>> 1;
        continue;
      }
      let titles = 0;
      let headings = 0;
      if (length & 1) {
        titles = varintAt(data, p);
        headings = varintAt(data, varintEnd);
        p = varintEnd;
      }
      this.enter(start, at, p, p + (length >>> 1), titles, headings, false);
      return true;
    }
  }

  /** Makes the entry starting at data[start], of slot `slot`, positions in data[from, to), the current one. */
  private enter(
    start: number,
    slot: number,
    from: number,
    to: number,
    titles: number,
    headings: number,
    short: boolean,
  ): void {
    this.head = this.base + start;
    this.slot = slot;
    this.titles = titles;
    this.headings = headings;
    this.shift = short ? 1 : 0;
    this.from = from;
    this.to = to;
    this.p = to;
    this.readAt = from;
    this.last = -1;
  }

  /** An upper bound on the current entry's positions (each takes a byte or more). */
  span(): number {
    return this.to - this.from;
  }

  /** The current entry's next position (after those `has` or this read), -1 past its last. */
  nextPosition(): number {
    if (this.readAt >= this.to) return -1;
    const data = this.data;
    let p = this.readAt;
    let gap = data[p++]!;
    if (gap >= 0x80) {
      gap = varintAt(data, p - 1);
      p = varintEnd;
    }
    this.readAt = p;
    // The first position is a gap from 0.
    this.last = (this.last < 0 ? 0 : this.last) + (gap >>> this.shift);
    return this.last;
  }

  /**
   * Whether the current entry holds position `at`, reading its positions only up to the first at or past
   * it: within an entry, ask in ascending order.
   */
  has(at: number): boolean {
    let last = this.last;
    if (last >= at) return last === at;
    const data = this.data;
    const to = this.to;
    let p = this.readAt;
    if (p >= to) return false;
    // The first position is a gap from 0.
    if (last < 0) last = 0;
    const shift = this.shift;
    do {
      let gap = data[p++]!;
      if (gap >= 0x80) {
        gap = varintAt(data, p - 1);
        p = varintEnd;
      }
      last += gap >>> shift;
    } while (last < at && p < to);
    this.readAt = p;
    this.last = last;
    return last === at;
  }

  /** How many positions the current entry holds. */
  count(): number {
    return countIn(this.data, this.from, this.to);
  }

  /** See keepIn: for the current entry. */
  keep(starts: Int32Array, n: number, offset: number): number {
    return keepIn(this.data, this.from, this.to, this.shift, starts, n, offset);
  }

  /** Decodes the current entry's positions into `into` from index 0; returns how many. */
  positions(into: Int32Array): number {
    return positionsIn(this.data, this.from, this.to, into, 0, this.shift);
  }
}

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
    this.from = entryFrom;
    this.to = entryTo;
    this.shift = entryShift;
    return data;
  }
}

/**
 * Decodes one entry's positions, the varints in `data[from, to)` (gaps from 0, each shifted right by
 * `shift`: 1 for a short entry, see readBigramEntry), into `into` from index `at`; returns how many.
 */
function positionsIn(data: Uint8Array, from: number, to: number, into: Int32Array, at: number, shift: number): number {
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

/** How many positions one entry holds: the varints in `data[from, to)` (every byte but a varint's last has its high bit set). */
function countIn(data: Uint8Array, from: number, to: number): number {
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
function keepIn(
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
