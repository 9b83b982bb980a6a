import { bigramKey, decodePostings, type DecodedPostings } from '../index/codec.js';

/** Units holding a term, ascending, with the number of occurrences in each. */
export interface TermHits {
  units: Int32Array;
  counts: Int32Array;
  length: number;
  /** First occurrence offsets per unit, when known (terms of 2+ characters); -1 otherwise. */
  first: Int32Array;
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

const EMPTY: TermHits = { units: new Int32Array(0), counts: new Int32Array(0), length: 0, first: new Int32Array(0) };

function fromPlain(d: DecodedPostings, withFirst: boolean): TermHits {
  const first = new Int32Array(d.length).fill(-1);
  if (withFirst && d.posStart && d.positions) for (let i = 0; i < d.length; i++) first[i] = d.positions[d.posStart[i]!]!;
  return { units: d.units.subarray(0, d.length), counts: d.counts.subarray(0, d.length), length: d.length, first };
}

/**
 * Exact occurrences of a term from its grams' postings: a 1- or 2-character term is its posting list; a
 * longer one is a positional intersection of covering bigrams (every character of the term is covered,
 * so a position where all covering bigrams line up is an exact occurrence). Rarest list drives.
 */
export function matchTerm(codes: Uint16Array, blobs: ReadonlyMap<number, Uint8Array[]>): TermHits {
  const grams = gramsOf(codes);
  if (grams.length === 1 && codes.length <= 2) {
    const g = grams[0]!;
    const d = decodePostings(g.gram, blobs.get(g.gram) ?? [], codes.length === 2);
    return d.length === 0 ? EMPTY : fromPlain(d, codes.length === 2);
  }
  const lists = grams.map((g) => ({ offset: g.offset, d: decodePostings(g.gram, blobs.get(g.gram) ?? [], true) }));
  if (lists.some((l) => l.d.length === 0)) return EMPTY;
  lists.sort((a, b) => a.d.length - b.d.length);
  const driver = lists[0]!;
  const others = lists.slice(1);
  const cursors = new Int32Array(others.length);
  const outUnits = new Int32Array(driver.d.length);
  const outCounts = new Int32Array(driver.d.length);
  const outFirst = new Int32Array(driver.d.length);
  let n = 0;
  for (let i = 0; i < driver.d.length; i++) {
    const unit = driver.d.units[i]!;
    // Advance every other list to this unit (galloping would help further on very skewed lists).
    let present = true;
    const at = new Int32Array(others.length);
    for (let k = 0; k < others.length; k++) {
      const o = others[k]!.d;
      let c = cursors[k]!;
      let lo = c;
      let step = 1;
      while (c < o.length && o.units[c]! < unit) {
        lo = c;
        c = Math.min(o.length, c + step);
        step *= 2;
      }
      // The first unit >= the driver's lies in [lo, c]: the gallop overshot to c (possibly the end).
      let hi = c;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (o.units[mid]! < unit) lo = mid + 1;
        else hi = mid;
      }
      c = lo;
      cursors[k] = c;
      if (c >= o.length || o.units[c]! !== unit) {
        present = false;
        break;
      }
      at[k] = c;
    }
    if (!present) continue;
    let count = 0;
    let firstStart = -1;
    const dp = driver.d.positions!;
    for (let p = driver.d.posStart![i]!; p < driver.d.posStart![i + 1]!; p++) {
      const start = dp[p]! - driver.offset;
      if (start < 0) continue;
      let all = true;
      for (let k = 0; k < others.length; k++) {
        const o = others[k]!;
        const want = start + o.offset;
        let lo = o.d.posStart![at[k]!]!;
        let hi = o.d.posStart![at[k]! + 1]! - 1;
        let found = false;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const v = o.d.positions![mid]!;
          if (v === want) {
            found = true;
            break;
          }
          if (v < want) lo = mid + 1;
          else hi = mid - 1;
        }
        if (!found) {
          all = false;
          break;
        }
      }
      if (all) {
        if (firstStart < 0 || start < firstStart) firstStart = start;
        count++;
      }
    }
    if (count > 0) {
      outUnits[n] = unit;
      outCounts[n] = count;
      outFirst[n] = firstStart;
      n++;
    }
  }
  return { units: outUnits.subarray(0, n), counts: outCounts.subarray(0, n), length: n, first: outFirst.subarray(0, n) };
}
