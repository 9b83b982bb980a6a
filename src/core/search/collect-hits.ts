import { IN_TITLE } from '../index/posting-format.js';
import { NEVER, type LibraryTables } from './library-tables.js';
import type { TermHits } from './match-term.js';
import { place, unitAt, type Placement } from './place-units.js';
import { placedWeights, placementKey, type PlacedWeights } from './placed-weights.js';
import { kindWeight, weightedFrequency } from './rank.js';
import { KIND, KIND_WEIGHT } from './scope-kinds.js';
import { presenceAnswers } from './score-matches.js';
import type { AliasHits } from './title-aliases.js';

const HEADING_WEIGHT = kindWeight('heading');
const TITLE_WEIGHT = kindWeight('title');
const TEXT_WEIGHT = kindWeight('body');

/** Per-term state of one search call (searches may interleave at their awaits). */
export interface TermState {
  term: string;
  hits: TermHits;
  tf: Float64Array;
  here: Uint8Array;
  /**
   * Per document: the index of its hit in `hits` (for reading its occurrences later; terms with a reader
   * only).
   */
  entry: Int32Array;
  /** Per document: the unit to show for this term, -1 when not known yet, FROM_ALIAS when it has none. */
  best: Int32Array;
  /** The documents whose alias titles hold the term (merged into tf and here), when any do. */
  alias?: AliasHits | null;
}

/** What collectHits needs to know of the search: its scope, reader and the documents still in play. */
export interface CollectContext {
  allowed: Uint8Array;
  level: number | undefined;
  restricted: boolean;
  placeUnits: boolean;
  /** The scope is every heading and the reader sees everything: a 1-character term's heading counts answer it. */
  byHeadingCounts: boolean;
  freeOnly: boolean;
  excluded: Uint8Array;
  previous: Uint8Array | null;
}

/**
 * One include term's loop over its hits, in a function that is not async: an async function's hot loop is
 * compiled on the stack (OSR) with the code after its awaits, and loses that compiled form again and again
 * (see scoreMatches). Writes tf, here, best and entry; returns the documents of a 1-character term in a
 * narrow scope, to be verified on their texts. Hot loop: locals instead of fields, typed arrays only.
 */
export function collectHits(
  t: LibraryTables,
  placed: Placement,
  term: string,
  h: TermHits,
  ctx: CollectContext,
  tf: Float64Array,
  here: Uint8Array,
  best: Int32Array,
  entry: Int32Array,
): number[] {
  const { allowed, level, restricted, placeUnits, byHeadingCounts, freeOnly, excluded, previous } = ctx;
  const { slotDoc, unitKind, docPaidAt, docTitleEnd } = t;
  const { slots, counts, positions, posStart } = h;
  const len = term.length;
  // A 1-character term's unigram flags answer the title scope; other narrow scopes need the texts.
  const titleOnly = allowed.indexOf(1) === KIND.title && allowed.indexOf(1, KIND.title + 1) < 0;
  const byPresence = presenceAnswers(h, placeUnits, freeOnly);
  const scopedSingle: number[] = [];
  // Its hits as weighed for this reading, by earlier searches too (PlacedWeights): from positions or zones.
  let memo: PlacedWeights | null = null;
  let zones: PlacedWeights | null = null;
  const key = (): string => placementKey(len, freeOnly, placeUnits, allowed, level);
  for (let i = 0; i < h.length; i++) {
    const d = slotDoc[slots[i]!]!;
    if (d < 0 || excluded[d] === 1 || (previous !== null && previous[d] === 0)) continue;
    if (h.flags) {
      // One character: counts and flags only.
      const c = freeOnly ? h.freeCounts![i]! : h.counts[i]!;
      if (c === 0) continue;
      const inTitle = (h.flags[i]! & IN_TITLE) !== 0;
      if (titleOnly && !inTitle) continue;
      if (byHeadingCounts) {
        // Its unit to show is found when shown (findMissingUnits).
        const inHeadings = h.inHeadings![i]!;
        if (inHeadings === 0) continue;
        here[d] = 1;
        tf[d] = inHeadings * HEADING_WEIGHT;
        continue;
      }
      if (restricted && !titleOnly) {
        scopedSingle.push(d);
        continue;
      }
      here[d] = 1;
      tf[d] = weightedFrequency(c, inTitle ? 1 : 0, 0);
      if (inTitle) best[d] = t.docUnitLo[d]!;
      continue;
    }
    if (byPresence) {
      // Presence (in the whole document, or in a heading) is all a count needs.
      here[d] = 1;
      tf[d] = counts[i]!;
      continue;
    }
    if (h.inTitle !== null) {
      // From counts by zone, over the whole document or (2 characters) its headings: a 2-character term's
      // weighted frequency, whose unit to show is known here unless the best occurrence is in a heading
      // (read if shown); a longer term's upper bound (its leader's), made exact for the documents that may
      // rank (see topByBounds).
      zones ??= placedWeights(h, `zones|${restricted ? 'scoped' : 'whole'}|${key()}`);
      let weight = zones.weight[i]!;
      let unit = zones.best[i]!;
      if (weight < 0) {
        const first = h.first![i]!;
        unit = -1;
        if (counts[i] === 1 && !restricted) {
          // Over the whole document, the one occurrence weighs by its tier: the title (its first unit), a
          // heading (the entry's heading count) or the rest. Its unit is found when the document is shown
          // (placeShown). For a longer term, the leader's one occurrence lies in the term's.
          if (first < docTitleEnd[d]!) {
            weight = TITLE_WEIGHT;
            unit = t.docUnitLo[d]!;
          } else weight = h.inHeadings![i]! > 0 ? HEADING_WEIGHT : TEXT_WEIGHT;
        } else if (counts[i] === 1) {
          unit = unitAt(t, d, first);
          weight = allowed[unitKind[unit]!] === 1 ? KIND_WEIGHT[unitKind[unit]!]! : 0;
        } else if (restricted) {
          weight = h.inHeadings![i]! * HEADING_WEIGHT;
        } else {
          const inTitle = h.inTitle[i]!;
          const inHeadings = h.inHeadings![i]!;
          weight = weightedFrequency(counts[i]!, inTitle, inHeadings);
          // The unit to show, known from the zones for a 2-character term (a longer term's is found when its
          // occurrences are read, for the documents that may rank).
          if (h.exact) unit = inTitle > 0 ? t.docUnitLo[d]! : inHeadings === 0 ? unitAt(t, d, first) : -1;
        }
        zones.weight[i] = weight;
        zones.best[i] = unit;
      }
      if (weight === 0) continue;
      here[d] = 1;
      tf[d] = weight;
      entry[d] = i;
      if (h.exact) best[d] = unit;
      continue;
    }
    memo ??= placedWeights(h, key());
    let weight = memo.weight[i]!;
    if (weight < 0) {
      const paidAt = freeOnly ? docPaidAt[d]! : NEVER;
      weight = place(
        t,
        placed,
        d,
        positions!,
        posStart![i]!,
        posStart![i + 1]!,
        len,
        paidAt,
        placeUnits,
        allowed,
        level,
      );
      memo.weight[i] = weight;
      memo.best[i] = placed.best;
    }
    if (weight === 0) continue;
    here[d] = 1;
    tf[d] = weight;
    if (placeUnits) best[d] = memo.best[i]!;
  }
  return scopedSingle;
}

/** Marks the documents where an excluded term is visible to this reader. */
export function markExcluded(
  t: LibraryTables,
  h: TermHits,
  length: number,
  freeOnly: boolean,
  excluded: Uint8Array,
): void {
  for (let i = 0; i < h.length; i++) {
    const d = t.slotDoc[h.slots[i]!]!;
    if (d < 0) continue;
    if (!freeOnly) excluded[d] = 1;
    else if (h.freeCounts) {
      if (h.freeCounts[i]! > 0) excluded[d] = 1;
    } else if (h.positions![h.posStart![i]!]! + length <= t.docPaidAt[d]!) excluded[d] = 1;
  }
}
