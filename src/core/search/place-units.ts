import type { UnitTextSource } from './unit-text-cache.js';
import { normalizeText } from '../normalize.js';
import { indexOfTerm } from './any-punctuation.js';
import type { TermState } from './collect-hits.js';
import { NEVER, type LibraryTables } from './library-tables.js';
import type { TermHits } from './match-term.js';
import { placedWeights, placementKey, type PlacedWeights } from './placed-weights.js';
import { KIND_WEIGHT } from './scope-kinds.js';
import { FROM_ALIAS } from './title-aliases.js';

/** Units fetched per document and round when looking for a 1-character term's snippet. */
const PROBE_UNITS = 6;

/** What `place` leaves behind, and the buffer readAndPlace reads occurrences into (one per engine). */
export class Placement {
  /** The unit `place` found best for the last document it placed. */
  best = -1;
  /** One document's occurrences of one term, read from its lists (see readAndPlace). */
  occurrences = new Int32Array(256);
}

/** The unit of document `d` holding index-text offset `at` (binary search over its units' starts). */
export function unitAt(t: LibraryTables, d: number, at: number): number {
  let lo = t.docUnitLo[d]!;
  let hi = t.docUnitHi[d]! - 1;
  const start = t.unitStart;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Field-weighted frequency of document `d`'s occurrences `positions[from, to)` of a term of `len`
 * characters: those before `paidAt`, in units of the allowed kinds (and level). With `placeUnits` off,
 * the number of such occurrences. Leaves in `placed.best` the first unit of the highest weight.
 */
export function place(
  t: LibraryTables,
  placed: Placement,
  d: number,
  positions: Int32Array,
  from: number,
  to: number,
  len: number,
  paidAt: number,
  placeUnits: boolean,
  allowed: Uint8Array,
  level: number | undefined,
): number {
  const { unitKind, unitLevel, unitStart } = t;
  let weight = 0;
  let bestWeight = -1;
  let best = -1;
  // Positions ascend: find the first one's unit, then walk the units along with the rest.
  let u = placeUnits && from < to ? unitAt(t, d, positions[from]!) : 0;
  const lastUnit = t.docUnitHi[d]! - 1;
  for (let p = from; p < to; p++) {
    const at = positions[p]!;
    if (at + len > paidAt) break;
    if (!placeUnits) {
      weight += 1;
      continue;
    }
    while (u < lastUnit && unitStart[u + 1]! <= at) u++;
    const kind = unitKind[u]!;
    if (allowed[kind] === 0 || (level !== undefined && unitLevel[u] !== level)) continue;
    const w = KIND_WEIGHT[kind]!;
    weight += w;
    if (w > bestWeight) {
      bestWeight = w;
      best = u;
    }
  }
  placed.best = best;
  return weight;
}

/**
 * Reads a term's exact occurrences in document `d` (hit i) from its lists and places them (see `place`),
 * once per hit and reading: later searches take the weight and unit from `memo` (see PlacedWeights).
 */
export function readAndPlace(
  t: LibraryTables,
  placed: Placement,
  d: number,
  hits: TermHits,
  i: number,
  len: number,
  allowed: Uint8Array,
  level: number | undefined,
  memo: PlacedWeights,
): number {
  const known = memo.weight[i]!;
  if (known >= 0) {
    placed.best = memo.best[i]!;
    return known;
  }
  const reader = hits.reader!;
  if (placed.occurrences.length < reader.span(i)) placed.occurrences = new Int32Array(reader.span(i) * 2);
  const n = reader.read(i, placed.occurrences);
  const weight = place(t, placed, d, placed.occurrences, 0, n, len, NEVER, true, allowed, level);
  memo.weight[i] = weight;
  memo.best[i] = placed.best;
  return weight;
}

/** The placements readAndPlace keeps for a term's hits read whole (every reader's exact occurrences). */
export function readPlacements(state: TermState, allowed: Uint8Array, level: number | undefined): PlacedWeights {
  return placedWeights(state.hits, placementKey(state.term.length, false, true, allowed, level));
}

/**
 * For shown documents whose unit to show a term's zone counts left open: their occurrences, read and
 * placed.
 */
export function placeShown(
  t: LibraryTables,
  placed: Placement,
  window: readonly number[],
  states: readonly TermState[],
  allowed: Uint8Array,
  level: number | undefined,
): void {
  for (const state of states) {
    if (state.hits.reader === null) continue;
    const memo = readPlacements(state, allowed, level);
    for (const d of window) {
      if (state.best[d]! >= 0 || state.best[d] === FROM_ALIAS) continue;
      readAndPlace(t, placed, d, state.hits, state.entry[d]!, state.term.length, allowed, level, memo);
      state.best[d] = placed.best;
    }
  }
}

/**
 * For the shown documents where a term's unit is not known (1-character terms found by counts alone),
 * reads their paragraphs in rounds until one holding the term turns up.
 */
export async function findMissingUnits(
  t: LibraryTables,
  source: UnitTextSource,
  window: readonly number[],
  states: readonly TermState[],
  allowed: Uint8Array,
  level: number | undefined,
  freeOnly: boolean,
): Promise<void> {
  for (const state of states) {
    let open = window.filter((d) => state.best[d]! < 0 && state.best[d] !== FROM_ALIAS);
    const next = new Map(open.map((d) => [d, t.docUnitLo[d]! + 1]));
    while (open.length > 0) {
      const ids: number[] = [];
      for (const d of open) {
        for (let u = next.get(d)!; u < Math.min(t.docUnitHi[d]!, next.get(d)! + PROBE_UNITS); u++) ids.push(u);
      }
      const texts = await source.unitTexts(ids);
      open = open.filter((d) => {
        const from = next.get(d)!;
        const to = Math.min(t.docUnitHi[d]!, from + PROBE_UNITS);
        for (let u = from; u < to; u++) {
          if (allowed[t.unitKind[u]!] === 0 || (level !== undefined && t.unitLevel[u] !== level)) continue;
          const paidFrom = t.unitPaidFrom[u]!;
          const text = normalizeText(texts.get(u) ?? '');
          if (indexOfTerm(freeOnly && paidFrom >= 0 ? text.slice(0, paidFrom) : text, state.term) >= 0) {
            state.best[d] = u;
            return false;
          }
        }
        next.set(d, to);
        return to < t.docUnitHi[d]!;
      });
    }
  }
}
