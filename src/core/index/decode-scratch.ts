/** The bytes of a list's blobs together. */
export function blobsLength(blobs: readonly Uint8Array[]): number {
  let bytes = 0;
  for (const b of blobs) bytes += b.length;
  return bytes;
}

/**
 * A scratch array `a` when it holds `size` values, else a fresh one at least twice as long (its values are
 * not kept: a decode writes before it reads). Each array is checked on its own, never sized by another's.
 */
export function room<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  return a.length >= size ? a : new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
}

/** Positions a scratch keeps arrays for (16 MB); a longer list is decoded into arrays of its own. */
const SCRATCH_POSITIONS = 4 << 20;

/**
 * Reusable arrays a bigram list is decoded into. Decoding a common bigram fills megabytes; writing them
 * into memory touched before is faster than into fresh arrays, whose pages the system must first map and
 * zero. A decoded list in scratch arrays is only valid until the next decode into them.
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

  /**
   * Arrays for `entries` entries and `positions` positions: these when big enough, fresh ones past
   * `keepUpTo` positions.
   */
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
