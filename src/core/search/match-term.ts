import { DecodeScratch, bigramKey, decodeBigrams, decodeUnigrams, ownBigrams } from '../index/codec.js';

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

/** One decode scratch per gram of a term (matching is synchronous, so calls never share one at a time). */
const scratch: DecodeScratch[] = [];
/** Where a longer term's occurrences are gathered before being copied out at their size. */
const outScratch = new DecodeScratch();

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
  while (scratch.length < grams.length) scratch.push(new DecodeScratch());
  if (codes.length === 2) {
    const b = ownBigrams(decodeBigrams(blobs.get(grams[0]!.gram) ?? [], withPositions, scratch[0]));
    return { length: b.length, slots: b.slots, counts: b.counts, flags: null, freeCounts: null, posStart: b.posStart, positions: b.positions };
  }
  // A gram with no list at all: nothing to decode.
  if (grams.some((g) => (blobs.get(g.gram) ?? []).length === 0)) return emptyHits(true);
  const lists = grams.map((g, k) => ({ offset: g.offset, d: decodeBigrams(blobs.get(g.gram) ?? [], true, scratch[k]) }));
  lists.sort((a, b) => a.d.length - b.d.length);
  const driver = lists[0]!;
  const others = lists.slice(1);
  const otherPositions = others.map((o) => o.d.positions!);
  const otherOffset = Int32Array.from(others, (o) => o.offset);
  const cursors = new Int32Array(others.length);
  /** Per other list: the next of this document's positions not yet passed, and where they end. */
  const next = new Int32Array(others.length);
  const end = new Int32Array(others.length);
  // Every occurrence found is one of the driver's positions: the output fits in arrays of the driver's sizes.
  const out = outScratch.reserve(driver.d.length, driver.d.positions!.length);
  const { slots: outSlots, counts: outCounts, posStart: outStart, positions: outPositions } = out;
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
      next[k] = o.posStart![c]!;
      end[k] = o.posStart![c + 1]!;
    }
    if (!present) continue;
    const before = np;
    // Positions ascend in every list: one merge walk per document.
    walk: for (let p = ds[i]!; p < ds[i + 1]!; p++) {
      const start = dp[p]! - driver.offset;
      if (start < 0) continue;
      let all = true;
      for (let k = 0; k < others.length; k++) {
        const want = start + otherOffset[k]!;
        const positions = otherPositions[k]!;
        let q = next[k]!;
        const e = end[k]!;
        while (q < e && positions[q]! < want) q++;
        next[k] = q;
        if (q === e) break walk;
        if (positions[q] !== want) {
          all = false;
          break;
        }
      }
      if (!all) continue;
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
  return { length: n, slots: outSlots.slice(0, n), counts: outCounts.slice(0, n), flags: null, freeCounts: null, posStart: outStart.slice(0, n + 1), positions: outPositions.slice(0, np) };
}
