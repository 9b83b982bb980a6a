import { lastEntry, readBigramEntry } from './bigram-entry.js';

/** The skip table of no blob (a walk that does not jump). */
export const NO_SKIPS = new Int32Array(0);

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
    slot += lastEntry.gap;
    p = lastEntry.to;
  }
  pairs[n++] = slot;
  pairs[n++] = blob.length;
  const table = pairs.slice(0, n);
  skipTables.set(blob, table);
  return table;
}

/** The index of the first pair of skip table `skips`, from index `k` on, whose place lies past `p`. */
export function pairAfter(skips: Int32Array, k: number, p: number): number {
  let i = k;
  while (i < skips.length && skips[i + 1]! <= p) i += 2;
  return i;
}

/**
 * From pair index `k` on, the farthest pair of `skips` whose slot before lies under `target`; -1 when pair
 * k's does not.
 */
export function farthestUnder(skips: Int32Array, k: number, target: number): number {
  if (k >= skips.length || skips[k]! >= target) return -1;
  let i = k;
  while (i + 2 < skips.length && skips[i + 2]! < target) i += 2;
  return i;
}
