import { LRUCache } from 'lru-cache';
import type { IndexSource } from '../index/contracts.js';

/** Characters of unit texts kept (about 16 MB of strings: the paragraphs of some thousands of documents). */
const CACHE_CHARS = 8_000_000;

/** What reads unit texts: the index source, or this cache in front of it. */
export type UnitTextSource = Pick<IndexSource, 'unitTexts'>;

/**
 * The texts of units read recently, by unit id, in front of the source: snippets and section labels read
 * the paragraphs of the documents shown, and the same documents top many searches (a fifth of a search's
 * time at 90M characters went to reading them again). Emptied on every refresh, so a unit id never
 * answers with the text of a unit written before it.
 */
export class UnitTextCache implements UnitTextSource {
  private readonly cache: LRUCache<number, string>;

  constructor(
    private readonly source: UnitTextSource,
    maxChars = CACHE_CHARS,
  ) {
    // An empty text still costs its entry: every unit counts at least one.
    this.cache = new LRUCache({ maxSize: maxChars, sizeCalculation: (text) => Math.max(1, text.length) });
  }

  async unitTexts(unitIds: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    const missing: number[] = [];
    for (const id of unitIds) {
      const text = this.cache.get(id);
      if (text === undefined) missing.push(id);
      else out.set(id, text);
    }
    if (missing.length === 0) return out;
    for (const [id, text] of await this.source.unitTexts(missing)) {
      this.cache.set(id, text);
      out.set(id, text);
    }
    return out;
  }

  clear(): void {
    this.cache.clear();
  }
}
