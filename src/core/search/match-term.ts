import { bigramKey, decodeBigrams, decodeUnigrams } from '../index/codec.js';

/**
 * Documents (by slot, ascending) holding a term, with the occurrences in each. A 1-character term comes
 * from its unigram list (counts and flags, no positions); a longer one carries each slot's occurrence
 * starts (offsets in the document's index text) when they were asked for or had to be computed.
 */
export interface TermHits {
  length: number;
  slots: Int32Array;
  counts: Int32Array;
  /** 1-character terms: IN_TITLE / IN_PAID bits per slot (see codec.ts); null for longer terms. */
  flags: Uint8Array | null;
  /** 1-character terms: occurrences before the paid part. */
  freeCounts: Int32Array | null;
  /** Longer terms: slot i's occurrence starts are positions[posStart[i] .. posStart[i+1]). */
  posStart: Int32Array | null;
  positions: Int32Array | null;
}

/** The grams a term needs: its one character, its one bigram, or a covering set of bigrams at offsets 0, 2, 4, …, len-2. */
export function gramsOf(codes: Uint16Array): Array<{ gram: number; offset: number }> {
  if (codes.length === 1) return [{ gram: codes[0]!, offset: 0 }];
  const out: Array<{ gram: number; offset: number }> = [];
  for (let o = 0; o < codes.length - 1; o += 2) out.push({ gram: bigramKey(codes[o]!, codes[o + 1]!), offset: o });
  const last = codes.length - 2;
  if (out[out.length - 1]!.offset !== last) out.push({ gram: bigramKey(codes[last]!, codes[last + 1]!), offset: last });
  return out;
}

const EMPTY_INT = new Int32Array(0);

function emptyHits(withPositions: boolean): TermHits {
  return { length: 0, slots: EMPTY_INT, counts: EMPTY_INT, flags: null, freeCounts: null, posStart: withPositions ? new Int32Array(1) : null, positions: withPositions ? EMPTY_INT : null };
}

/** First index in [from, length) whose slot is >= `slot`, by galloping then binary search. */
function seek(slots: Int32Array, length: number, from: number, slot: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < length && slots[hi]! < slot) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > length) hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid]! < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contains(positions: Int32Array, from: number, to: number, want: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = positions[mid]!;
    if (v === want) return true;
    if (v < want) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Exact occurrences of a term from its grams' postings: a 1- or 2-character term is its posting list; a
 * longer one is a positional intersection of covering bigrams (every character of the term is covered,
 * so a position where all covering bigrams line up is an exact occurrence). The rarest list drives.
 * `withPositions` asks for a 2-character term's positions (longer terms always have them).
 */
export function matchTerm(codes: Uint16Array, blobs: ReadonlyMap<number, Uint8Array[]>, withPositions: boolean): TermHits {
  const grams = gramsOf(codes);
  if (codes.length === 1) {
    const u = decodeUnigrams(blobs.get(grams[0]!.gram) ?? []);
    return { length: u.length, slots: u.slots, counts: u.counts, flags: u.flags, freeCounts: u.freeCounts, posStart: null, positions: null };
  }
  if (codes.length === 2) {
    const b = decodeBigrams(blobs.get(grams[0]!.gram) ?? [], withPositions);
    return { length: b.length, slots: b.slots, counts: b.counts, flags: null, freeCounts: null, posStart: b.posStart, positions: b.positions };
  }
  const lists = grams.map((g) => ({ offset: g.offset, d: decodeBigrams(blobs.get(g.gram) ?? [], true) }));
  if (lists.some((l) => l.d.length === 0)) return emptyHits(true);
  lists.sort((a, b) => a.d.length - b.d.length);
  const driver = lists[0]!;
  const others = lists.slice(1);
  const cursors = new Int32Array(others.length);
  const at = new Int32Array(others.length);
  const outSlots = new Int32Array(driver.d.length);
  const outCounts = new Int32Array(driver.d.length);
  const outStart = new Int32Array(driver.d.length + 1);
  let outPositions = new Int32Array(Math.max(16, driver.d.length));
  let n = 0;
  let np = 0;
  const dp = driver.d.positions!;
  const ds = driver.d.posStart!;
  for (let i = 0; i < driver.d.length; i++) {
    const slot = driver.d.slots[i]!;
    let present = true;
    for (let k = 0; k < others.length; k++) {
      const o = others[k]!.d;
      const c = seek(o.slots, o.length, cursors[k]!, slot);
      cursors[k] = c;
      if (c >= o.length || o.slots[c] !== slot) {
        present = false;
        break;
      }
      at[k] = c;
    }
    if (!present) continue;
    const before = np;
    for (let p = ds[i]!; p < ds[i + 1]!; p++) {
      const start = dp[p]! - driver.offset;
      if (start < 0) continue;
      let all = true;
      for (let k = 0; k < others.length && all; k++) {
        const o = others[k]!;
        all = contains(o.d.positions!, o.d.posStart![at[k]!]!, o.d.posStart![at[k]! + 1]!, start + o.offset);
      }
      if (!all) continue;
      if (np === outPositions.length) {
        const grown = new Int32Array(np * 2);
        grown.set(outPositions);
        outPositions = grown;
      }
      outPositions[np++] = start;
    }
    if (np > before) {
      outSlots[n] = slot;
      outCounts[n] = np - before;
      outStart[n] = before;
      n++;
    }
  }
  outStart[n] = np;
  return { length: n, slots: outSlots, counts: outCounts, flags: null, freeCounts: null, posStart: outStart, positions: outPositions };
}
