import type { OutlineFact } from './fixture.js';
import { squeeze } from './compare.js';

/** An outline entry matches a fact when the levels agree and one text starts with the other (truth's is a prefix). */
export function entryMatches(got: OutlineFact, want: OutlineFact): boolean {
  if (got[0] !== want[0]) return false;
  const g = squeeze(got[1]);
  const w = squeeze(want[1]);
  return g.startsWith(w) || (g.length < w.length && w.startsWith(g));
}

export interface OutlineAlignment {
  matched: number;
  /** Truth entries no parsed entry matched. */
  missing: OutlineFact[];
  /** Parsed entries that match no truth entry. */
  extra: OutlineFact[];
}

/** The longest in-order matching of parsed entries to truth entries (an LCS under entryMatches). */
export function alignOutline(got: readonly OutlineFact[], want: readonly OutlineFact[]): OutlineAlignment {
  const n = got.length;
  const m = want.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = entryMatches(got[i]!, want[j]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const usedGot = new Set<number>();
  const usedWant = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (entryMatches(got[i]!, want[j]!) && table[i]![j] === table[i + 1]![j + 1]! + 1) {
      usedGot.add(i++);
      usedWant.add(j++);
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return {
    matched: usedGot.size,
    missing: want.filter((_, k) => !usedWant.has(k)),
    extra: got.filter((_, k) => !usedGot.has(k)),
  };
}
