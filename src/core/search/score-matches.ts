import type { TermState } from './collect-hits.js';
import type { TermHits } from './match-term.js';
import { bm25 } from './rank.js';

/** A term whose hits number under 1/RARE_SHARE of the documents is counted over its hits (see countLiveHits). */
export const RARE_SHARE = 4;

/** How many of mask[0 .. n) are 1. (Hot loops live in small functions of their own: see scoreMatches.) */
export function countOnes(mask: Uint8Array, n: number): number {
  let total = 0;
  for (let d = 0; d < n; d++) total += mask[d]!;
  return total;
}

/**
 * The live documents among a term's hits that `mask` holds (every live one without it), counted over the
 * hits instead of the whole library: a document has one slot, so each is met once.
 */
export function countLiveHits(h: TermHits, slotDoc: Int32Array, mask: Uint8Array | null): number {
  const { slots } = h;
  let total = 0;
  for (let i = 0; i < h.length; i++) {
    const d = slotDoc[slots[i]!]!;
    if (d >= 0 && (mask === null || mask[d] === 1)) total++;
  }
  return total;
}

/**
 * Whether a term's hits answer a search by presence alone (in the document, or in a heading): a count
 * without units to place, for a reader who sees everything, or the outline's heading documents.
 */
export function presenceAnswers(h: TermHits, placeUnits: boolean, freeOnly: boolean): boolean {
  return (!placeUnits && !freeOnly) || h.detail === 'headings';
}

/**
 * BM25 scores of the matching documents (`last[d]` 1), and those documents ascending. Outside search(): an
 * async function's hot loop is compiled on the stack (OSR) with the code after it, and that code threw its
 * compiled form away again and again, leaving the rest of the search (loops over every document included)
 * to the interpreter.
 */
export function scoreMatches(
  states: readonly TermState[],
  last: Uint8Array,
  docLength: Float64Array,
  nDocs: number,
  averageLength: number,
  idfs: readonly number[],
  score: Float64Array,
): Int32Array {
  // A typed array: pushing a common term's documents onto a JavaScript array cost more than scoring them.
  // A matching document is one of every term's hits or alias documents: the fewest bound them (none for an
  // absent term).
  let most = nDocs;
  for (const s of states) most = Math.min(most, s.hits.length + (s.alias?.docs.length ?? 0));
  const candidates = new Int32Array(most);
  let n = 0;
  for (let d = 0; d < nDocs; d++) {
    if (last[d] === 0) continue;
    let s = 0;
    for (let t = 0; t < states.length; t++) s += bm25(states[t]!.tf[d]!, docLength[d]!, averageLength, idfs[t]!);
    score[d] = s;
    candidates[n++] = d;
  }
  return candidates.subarray(0, n);
}
