import type { IndexSource } from '../index/contracts.js';
import { normalizeCodes } from '../normalize.js';
import type { FilterMasks } from './filter-mask.js';
import type { LibraryTables } from './library-tables.js';
import { gramsOf, matchTerm, servedBy, type TermDetail, type TermHits } from './match-term.js';
import { hasWildcardCode, matchWildcardTerm, wildcardGrams } from './match-wildcard-term.js';
import type { SearchScope } from './search-options.js';

/** Decoded hits kept (a term may be kept in two details: a guest's positions, a VIP's zones). */
const CACHE_SIZE = 192;

/**
 * How much of a term's hits a search needs. The index's counts by zone (title, headings, the rest) rank
 * over the whole document (a 2-character term's weighted frequency; bounds for a longer one) and, with
 * `byHeadingCounts` (the outline at every level, for a reader with access), answer a 2-character term in
 * the outline; a longer term in the outline is found as fast by its positions. Counting there needs only
 * the documents holding the term in a heading ('headings'). A reader who may not see paid text always
 * gets positions, compared with the paid boundary.
 */
export function termDetail(
  scope: SearchScope,
  byHeadingCounts: boolean,
  limit: number,
  freeOnly: boolean,
): (term: string) => TermDetail {
  if (byHeadingCounts) return (term) => (limit === 0 ? 'headings' : term.length === 2 ? 'zones' : 'positions');
  if (scope === 'all' && !freeOnly) return () => (limit > 0 ? 'zones' : 'presence');
  return () => 'positions';
}

const cacheKey = (term: string, detail: TermDetail): string => `${detail}\u0000${term}`;

/**
 * Positions answer a search that ranks by zones, but by walking every occurrence of every document: a
 * VIP's top-20 after a guest's (the guest's positions cached) cost 1.6 times its own. Such a search decodes
 * the zones and keeps both. A 1-character term's whole entries (counts and flags, no positions) serve it.
 */
const walksPositions = (hits: TermHits, need: TermDetail): boolean => need === 'zones' && hits.positions !== null;

/** Recent terms' hits over the whole library (least recently used dropped first), read from the index. */
export class TermCache {
  private readonly cache = new Map<string, TermHits>();

  constructor(
    private readonly source: IndexSource,
    private readonly tables: LibraryTables,
    private readonly filters: FilterMasks,
  ) {}

  /** Forgets every term's hits. */
  clear(): void {
    this.cache.clear();
  }

  /**
   * The hits of each term, from the cache or the index. With `filtered` (the documents a search's filters
   * let through), hits not cached are read for those documents only, and not cached (a term's cached hits
   * serve every filter: the search drops the documents filtered out).
   */
  async termHits(
    terms: readonly string[],
    detail: (term: string) => TermDetail,
    filtered: Uint8Array | null,
  ): Promise<Map<string, TermHits>> {
    const out = new Map<string, TermHits>();
    const missing = terms.filter((t) => {
      // A term cached with less detail does not serve a search that needs more (see servedBy).
      for (const have of servedBy(detail(t))) {
        const key = cacheKey(t, have);
        const cached = this.cache.get(key);
        if (cached === undefined || walksPositions(cached, detail(t))) continue;
        this.cache.delete(key);
        this.cache.set(key, cached);
        out.set(t, cached);
        return false;
      }
      return true;
    });
    if (missing.length === 0) return out;
    const codes = new Map(missing.map((t) => [t, normalizeCodes(t)]));
    const gramsOfTerm = (c: Uint16Array): number[] =>
      hasWildcardCode(c) ? wildcardGrams(c) : gramsOf(c).map((g) => g.gram);
    const grams = [...new Set([...codes.values()].flatMap(gramsOfTerm))];
    const blobs = await this.source.postings(grams);
    const keep = filtered === null ? null : this.filters.slotMask(filtered);
    for (const [term, c] of codes) {
      const { inHeading, titleEnd } = this.tables;
      const h = hasWildcardCode(c)
        ? matchWildcardTerm(c, blobs, detail(term), keep, inHeading, titleEnd)
        : matchTerm(c, blobs, detail(term), keep, inHeading);
      out.set(term, h);
      if (keep !== null) continue;
      this.cache.set(cacheKey(term, h.detail), h);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    }
    return out;
  }
}
