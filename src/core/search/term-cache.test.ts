import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeCorpus, scan, sourceOf, tablesOf } from '../../testing/search-corpus.js';
import { FilterMasks } from './filter-mask.js';
import type { TermDetail } from './match-term.js';
import { TermCache, termDetail } from './term-cache.js';

describe('termDetail', () => {
  it('asks zones to rank the whole text, presence to count it, positions for narrow scopes or free readers', () => {
    assert.equal(termDetail('all', false, 20, false)('党建'), 'zones');
    assert.equal(termDetail('all', false, 0, false)('党建学习'), 'presence');
    assert.equal(termDetail('all', false, 20, true)('党建'), 'positions');
    assert.equal(termDetail('title', false, 0, false)('党建'), 'positions');
    // The outline at every level, for a reader with access.
    assert.equal(termDetail('outline', true, 0, false)('党建学习'), 'headings');
    assert.equal(termDetail('outline', true, 20, false)('党建'), 'zones');
    assert.equal(termDetail('outline', true, 20, false)('党建学'), 'positions');
  });
});

describe('TermCache', () => {
  const corpus = makeCorpus(3, 40);

  /** A cache over the corpus, and how many times it read postings. */
  async function cacheOf(): Promise<{ cache: TermCache; filters: FilterMasks; reads: () => number }> {
    const source = sourceOf(corpus, 2);
    let reads = 0;
    const postings = source.postings.bind(source);
    source.postings = (grams) => {
      reads++;
      return postings(grams);
    };
    const tables = await tablesOf(source);
    const filters = new FilterMasks(tables);
    return { cache: new TermCache(source, tables, filters), filters, reads: () => reads };
  }
  const zones = (): TermDetail => 'zones';
  const positions = (): TermDetail => 'positions';

  it('serves a term again from memory, unless the search needs more detail than it was read with', async () => {
    const { cache, reads } = await cacheOf();
    const first = (await cache.termHits(['党建'], zones, null)).get('党建')!;
    assert.equal(first.length, scan(corpus, ['党建'], [], () => true).length);
    assert.equal((await cache.termHits(['党建'], zones, null)).get('党建'), first);
    assert.equal(reads(), 1);
    const more = (await cache.termHits(['党建'], positions, null)).get('党建')!;
    assert.equal(reads(), 2);
    assert.equal(more.detail, 'positions');
    // Both stay: a search that needs zones gets the zones, not the positions it would walk one by one.
    assert.equal((await cache.termHits(['党建'], zones, null)).get('党建'), first);
    assert.equal((await cache.termHits(['党建'], positions, null)).get('党建'), more);
    assert.equal(reads(), 2);
    cache.clear();
    await cache.termHits(['党建'], zones, null);
    assert.equal(reads(), 3);
  });

  it('reads a term for a filter on the filtered documents only, and keeps none of it', async () => {
    const { cache, filters, reads } = await cacheOf();
    const mask = filters.filterMask({ genre: '总结' })!;
    const filtered = (await cache.termHits(['工作'], zones, mask)).get('工作')!;
    const expected = scan(corpus, ['工作'], [], () => true).filter((id) => corpus[id - 1]!.meta.genre === '总结');
    assert.equal(filtered.length, expected.length);
    const all = (await cache.termHits(['工作'], zones, null)).get('工作')!;
    assert.equal(reads(), 2);
    assert.equal(all.length, scan(corpus, ['工作'], [], () => true).length);
    // Cached hits serve a filtered search as they are.
    assert.equal((await cache.termHits(['工作'], zones, mask)).get('工作'), all);
  });

  it('keeps the 192 terms used last', async () => {
    const { cache, reads } = await cacheOf();
    const terms = Array.from({ length: 193 }, (_, i) => String.fromCharCode(0x4e00 + i));
    for (const t of terms) await cache.termHits([t], zones, null);
    assert.equal(reads(), 193);
    await cache.termHits([terms[192]!, terms[1]!], zones, null);
    assert.equal(reads(), 193, 'the last 192 are kept');
    await cache.termHits([terms[0]!], zones, null);
    assert.equal(reads(), 194, 'the first was dropped');
  });
});
