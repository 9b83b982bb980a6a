import { countIn, keepIn, positionsIn } from './bigram-entry.js';
import { NO_SKIPS, farthestUnder, pairAfter, skipsOf } from './skip-table.js';
import { varintAt, varintEnd, varintSkip } from './varint.js';

const NO_BYTES = new Uint8Array(0);
/**
 * A slot past every real one. A small integer (V8's Smi range), as every slot: a cursor's fields keep one
 * representation, so compiled code for the cursor is never thrown away when a walk reaches its end.
 */
const PAST_END = 0x3fffffff;
/**
 * PAST_END for other modules. An exported binding is read through its module cell at every use, so the
 * cursor's own loops read the local const.
 */
export const SLOT_PAST_END = PAST_END;

/** The first slot at or after `slot` that `keep` marks 1, PAST_END (SLOT_PAST_END) when none does. */
export function firstKept(keep: Uint8Array, slot: number): number {
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
  /**
   * The current entry's occurrences in the title (0 for a short entry: its position says whether it lies
   * there) and in headings.
   */
  titles = 0;
  headings = 0;
  /**
   * How far the current entry's positions' varints are shifted: 1 for a short entry, whose one varint holds
   * its heading bit (see readBigramEntry).
   */
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

  /**
   * A jumping cursor's skip table (of blob `skipBlob`: see skipsOf) and the index of its first pair not
   * behind the walk.
   */
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

  /**
   * Moves to the first entry at or after `slot` (with `keep`, the first whose slot it marks 1); false when
   * there is none.
   */
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
    if (this.slot >= slot && (keep === null || this.slot === PAST_END || keep[this.slot] === 1)) {
      return this.slot !== PAST_END;
    }
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
