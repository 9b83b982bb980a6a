import type { TermHits } from './term-hits.js';

/**
 * A term's hits placed for one way of reading them (reader, scope, level): per hit, the weight `place`
 * gave (−1 while not placed yet) and the unit it found best. A guest's search of a common term walked the
 * same documents' positions up to each paid boundary on every search: a fifth of a guest's search
 * thread time at 90M, what a VIP's zone counts answer without. Kept beside the term's decoded hits, so it
 * goes when they go (the term cache drops them at every refresh); a deleted document's slot is passed
 * over before its entry is read, as it is for the hits themselves.
 */
export interface PlacedWeights {
  weight: Float32Array;
  best: Int32Array;
}

const placedByHits = new WeakMap<TermHits, Map<string, PlacedWeights>>();

/** What a placement depends on beside the hits and the library's tables. */
export function placementKey(
  termLength: number,
  freeOnly: boolean,
  placeUnits: boolean,
  allowed: Uint8Array,
  level: number | undefined,
): string {
  return `${termLength}|${freeOnly ? 'f' : 'a'}|${placeUnits ? 'u' : '-'}|${allowed.join('')}|${level ?? ''}`;
}

/** The placements of `h` under `key`, made (every weight −1) on first use. */
export function placedWeights(h: TermHits, key: string): PlacedWeights {
  let byKey = placedByHits.get(h);
  if (byKey === undefined) {
    byKey = new Map();
    placedByHits.set(h, byKey);
  }
  let placed = byKey.get(key);
  if (placed === undefined) {
    placed = { weight: new Float32Array(h.length).fill(-1), best: new Int32Array(h.length) };
    byKey.set(key, placed);
  }
  return placed;
}
