import { aliasFrequency } from './alias-hits.js';
import type { TermState } from './collect-hits.js';
import type { LibraryTables } from './library-tables.js';
import { readAndPlace, readPlacements, type Placement } from './place-units.js';
import { bm25 } from './rank.js';
import { FROM_ALIAS } from './title-aliases.js';
import { topK, type RankKeys } from './top-k.js';

/** What ranks the documents under these scores (the order topK and rerank share). */
export function rankKeys(t: LibraryTables, score: Float64Array): RankKeys {
  return { score, time: t.docTime, id: t.docIds };
}

/** The best `k` candidates: score, then newer, then higher id (see topK). */
export function top(
  t: LibraryTables,
  candidates: Int32Array | readonly number[],
  score: Float64Array,
  k: number,
): number[] {
  return topK(candidates, k, rankKeys(t, score));
}

/**
 * The best `k` candidates when some terms' weighted frequencies are upper bounds (a longer term counted by
 * its leading bigram): candidates are taken in rounds, best bound first; each round's documents get their
 * occurrences read, placed and scored exactly; rounds stop when no document left can reach the k-th exact
 * score (a bound never falls below the exact score, and BM25 grows with the frequency).
 */
export function topByBounds(
  t: LibraryTables,
  placed: Placement,
  candidates: Int32Array,
  score: Float64Array,
  k: number,
  states: readonly TermState[],
  idfs: readonly number[],
  averageLength: number,
  allowed: Uint8Array,
  level: number | undefined,
): number[] {
  const exact: number[] = [];
  const memos = states.map((state) => (state.hits.exact ? null : readPlacements(state, allowed, level)));
  let left = candidates;
  let done: Uint8Array | null = null;
  for (let round = Math.max(k, 64); ; round *= 2) {
    // One more than the round takes: the best bound left after it, to compare with the k-th exact score.
    const batch = top(t, left, score, round + 1);
    const taken = batch.slice(0, round);
    for (const d of taken) {
      let s = 0;
      for (let i = 0; i < states.length; i++) {
        const state = states[i]!;
        if (!state.hits.exact && state.best[d] !== FROM_ALIAS) {
          // The bound counted the alias titles too (see mergeAliasHits): so does the exact frequency.
          const memo = memos[i]!;
          const inText = readAndPlace(
            t,
            placed,
            d,
            state.hits,
            state.entry[d]!,
            state.term.length,
            allowed,
            level,
            memo,
          );
          state.tf[d] = inText + aliasFrequency(state, d);
          state.best[d] = placed.best;
        }
        s += bm25(state.tf[d]!, t.docLength[d]!, averageLength, idfs[i]!);
      }
      score[d] = s;
      exact.push(d);
    }
    const best = top(t, exact, score, k);
    if (batch.length <= round) return best;
    if (best.length === k && score[batch[round]!]! < score[best[k - 1]!]!) return best;
    done ??= new Uint8Array(t.docs.length);
    for (const d of taken) done[d] = 1;
    left = left.filter((d) => done![d] === 0);
  }
}
