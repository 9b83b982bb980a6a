import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { makeCorpus, sourceOf, tablesOf } from '../../testing/search-corpus.js';
import { FilterMasks } from './filter-mask.js';
import type { LibraryTables } from './library-tables.js';
import type { SearchOptions } from './search-options.js';

describe('FilterMasks', () => {
  const corpus = makeCorpus(5, 40).map((d, i) => ({ ...d, meta: { ...d.meta, tags: i % 3 === 0 ? ['讲话'] : [] } }));
  // Every third document followed by a dead copy: slots and documents differ.
  let tables: LibraryTables;
  before(async () => {
    tables = await tablesOf(sourceOf(corpus, 3, 3));
  });

  it('lets through exactly the documents passing every filter set, and none is null', () => {
    const masks = new FilterMasks(tables);
    assert.equal(masks.filterMask({}), null);
    assert.equal(masks.filterMask({ scope: 'title', limit: 3 }), null);
    const filters: SearchOptions[] = [
      { genre: '总结' },
      { year: 2022 },
      { tag: '讲话' },
      { paid: 'paid' },
      { paid: 'free', genre: '汇报' },
      { genre: '总结', year: 2021, tag: '讲话' },
    ];
    for (const f of filters) {
      const mask = masks.filterMask(f)!;
      const expected = corpus.map((d) =>
        (f.genre === undefined || d.meta.genre === f.genre) &&
        (f.year === undefined || d.meta.year === f.year) &&
        (f.tag === undefined || d.meta.tags.includes(f.tag)) &&
        (f.paid === undefined || d.meta.paid === (f.paid === 'paid'))
          ? 1
          : 0,
      );
      assert.deepEqual([...mask], expected, JSON.stringify(f));
    }
  });

  it('keeps a filter mask until cleared', () => {
    const masks = new FilterMasks(tables);
    const mask = masks.filterMask({ genre: '总结' });
    assert.equal(masks.filterMask({ genre: '总结', limit: 5 }), mask);
    masks.clear();
    const fresh = masks.filterMask({ genre: '总结' });
    assert.notEqual(fresh, mask);
    assert.deepEqual(fresh, mask);
  });

  it('marks by slot the live slots of the documents marked, dead slots never', () => {
    const masks = new FilterMasks(tables);
    const docMask = masks.filterMask({ year: 2021 })!;
    const bySlot = masks.slotMask(docMask);
    assert.equal(bySlot.length, tables.slotDoc.length);
    let dead = 0;
    for (let s = 0; s < tables.slotDoc.length; s++) {
      const d = tables.slotDoc[s]!;
      if (d < 0) dead++;
      assert.equal(bySlot[s], d >= 0 ? docMask[d] : 0, `slot ${s}`);
    }
    assert.ok(dead > 0, 'the corpus has dead slots');
    assert.equal(masks.slotMask(docMask), bySlot, 'made once per mask');
  });
});
