import { BigramCursor, DecodeScratch, bigramKey, decodeBigrams, decodeUnigrams, ownBigrams, type BigramDetail } from '../index/codec.js';

/**
 * How much a term's hits tell, from least to most: which documents hold it; also how often, and for a
 * 2-character term how often in the title and in headings; every occurrence's position.
 */
export type TermDetail = BigramDetail;

const DETAIL_RANK: Readonly<Record<TermDetail, number>> = { presence: 0, zones: 1, positions: 2 };

/** Whether hits decoded to `have` answer a search that needs `need`. */
export function detailServes(have: TermDetail, need: TermDetail): boolean {
  return DETAIL_RANK[have] >= DETAIL_RANK[need];
}

/**
 * Documents (by slot, ascending) holding a term, with the occurrences in each. A 1-character term comes
 * from its unigram list (counts and flags, no positions: all there is, so its detail is 'positions'); a
 * 2-character term to the detail asked for; a longer one carries each slot's occurrence starts (offsets
 * in the document's index text) unless only presence was asked for.
 */
export interface TermHits {
  detail: TermDetail;
  length: number;
  slots: Int32Array;
  /** Occurrences per slot; 1 for presence only. */
  counts: Int32Array;
  /** 1-character terms: IN_TITLE / IN_PAID bits per slot (see codec.ts); null for longer terms. */
  flags: Uint8Array | null;
  /** 1-character terms: occurrences before the paid part. */
  freeCounts: Int32Array | null;
  /** 2-character terms with detail 'zones': see DecodedBigrams; `lists` keeps the blobs to read positions from later. */
  inTitle: Int32Array | null;
  inHeadings: Int32Array | null;
  first: Int32Array | null;
  lists: readonly Uint8Array[] | null;
  /** Slot i's occurrence starts are positions[posStart[i] .. posStart[i+1]); null unless the detail is 'positions' (and for 1-character terms). */
  posStart: Int32Array | null;
  positions: Int32Array | null;
}

const NO_ZONES = { inTitle: null, inHeadings: null, first: null, lists: null } as const;

/** The grams a term needs: its one character, its one bigram, or a covering set of bigrams at offsets 0, 2, 4, …, len-2. */
export function gramsOf(codes: Uint16Array): Array<{ gram: number; offset: number }> {
  if (codes.length === 1) return [{ gram: codes[0]!, offset: 0 }];
  const out: Array<{ gram: number; offset: number }> = [];
  for (let o = 0; o < codes.length - 1; o += 2) out.push({ gram: bigramKey(codes[o]!, codes[o + 1]!), offset: o });
  const last = codes.length - 2;
  if (out[out.length - 1]!.offset !== last) out.push({ gram: bigramKey(codes[last]!, codes[last + 1]!), offset: last });
  return out;
}

/** One decode scratch for a 2-character term's list (matching is synchronous, so calls never share it). */
const scratch = new DecodeScratch();
/** Where a longer term's occurrences are gathered before being copied out at their size. */
const outScratch = new DecodeScratch();
/** A document's candidate starts. */
let candidates = new Int32Array(256);

/**
 * Exact occurrences of a term from its grams' postings: a 1- or 2-character term is its posting list; a
 * longer one is a positional intersection of covering bigrams (every character of the term is covered,
 * so a position where all covering bigrams line up is an exact occurrence).
 * `detail` says what is asked for; a term longer than two characters is found by presence alone or with
 * its positions (zone counts are known per bigram, not per term).
 *
 * The intersection walks the lists' heads together, the list with the fewest bytes leading, and decodes
 * positions only for a document every list holds: the leader's give candidate starts, each other list's
 * (fewest bytes first) keep those it lines up with, and a document is left as soon as none remain (or,
 * for presence, as soon as one start lines up everywhere: the rest of its positions are never read).
 */
export function matchTerm(codes: Uint16Array, blobs: ReadonlyMap<number, Uint8Array[]>, detail: TermDetail): TermHits {
  const grams = gramsOf(codes);
  if (codes.length === 1) {
    const u = decodeUnigrams(blobs.get(grams[0]!.gram) ?? []);
    return { detail: 'positions', length: u.length, slots: u.slots, counts: u.counts, flags: u.flags, freeCounts: u.freeCounts, ...NO_ZONES, posStart: null, positions: null };
  }
  if (codes.length === 2) {
    const list = blobs.get(grams[0]!.gram) ?? [];
    const b = ownBigrams(decodeBigrams(list, detail, scratch));
    return { detail, flags: null, freeCounts: null, ...b, lists: detail === 'zones' ? list : null };
  }
  const withPositions = detail !== 'presence';
  const lists = grams.map((g) => {
    const list = blobs.get(g.gram) ?? [];
    return { offset: g.offset, bytes: list.reduce((n, b) => n + b.length, 0), cursor: new BigramCursor(list) };
  });
  lists.sort((a, b) => a.bytes - b.bytes);
  const lead = lists[0]!;
  const others = lists.slice(1);
  // Every occurrence is one of the leader's positions, every entry takes two bytes or more.
  const out = outScratch.reserve((lead.bytes >> 1) + 1, withPositions ? lead.bytes : 0);
  const { slots: outSlots, counts: outCounts, posStart: outStart, positions: outPositions } = out;
  let n = 0;
  let np = 0;
  const leader = lead.cursor;
  let more = leader.next() && others.every((o) => o.cursor.next());
  while (more) {
    const slot = leader.slot;
    // Bring every list to the leader's document; one that lies beyond it moves the leader on.
    let beyond = -1;
    for (let k = 0; k < others.length; k++) {
      const c = others[k]!.cursor;
      if (!c.seek(slot)) {
        more = false;
        break;
      }
      if (c.slot > slot) {
        beyond = c.slot;
        break;
      }
    }
    if (!more) break;
    if (beyond >= 0) {
      more = leader.seek(beyond);
      continue;
    }
    if (!withPositions) {
      // Presence is enough: the first start every list lines up with settles the document, and the
      // positions past it are never read.
      let found = false;
      while (!found) {
        const at = leader.nextPosition();
        if (at < 0) break;
        const start = at - lead.offset;
        if (start < 0) continue;
        found = true;
        for (let k = 0; k < others.length && found; k++) found = others[k]!.cursor.has(start + others[k]!.offset);
      }
      if (found) {
        outSlots[n] = slot;
        outCounts[n++] = 1;
      }
      more = leader.next();
      continue;
    }
    if (candidates.length < leader.span()) candidates = new Int32Array(leader.span() * 2);
    const found = leader.positions(candidates);
    let nc = 0;
    for (let i = 0; i < found; i++) {
      const start = candidates[i]! - lead.offset;
      if (start >= 0) candidates[nc++] = start;
    }
    // Each list keeps the candidates it lines up with (one merge walk, reading up to the last candidate).
    for (let k = 0; k < others.length && nc > 0; k++) nc = others[k]!.cursor.keep(candidates, nc, others[k]!.offset);
    if (nc > 0) {
      outSlots[n] = slot;
      outCounts[n] = nc;
      outStart[n++] = np;
      for (let i = 0; i < nc; i++) outPositions[np++] = candidates[i]!;
    }
    more = leader.next();
  }
  const found = { length: n, slots: outSlots.slice(0, n), counts: outCounts.slice(0, n), flags: null, freeCounts: null, ...NO_ZONES };
  if (!withPositions) return { detail: 'presence', ...found, posStart: null, positions: null };
  outStart[n] = np;
  return { detail: 'positions', ...found, posStart: outStart.slice(0, n + 1), positions: outPositions.slice(0, np) };
}
