import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PAGE_BYTES, listRange, paginate } from './posting-pages.js';
import { columnsOf, listsOf, type ListView } from '../testing/posting-lists.js';

/** A page column as the store keeps it: the typed array's bytes (little-endian), at any byte offset. */
function stored(view: Float64Array | Uint32Array): Uint8Array {
  const bytes = new Uint8Array(view.byteLength + 1);
  bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), 1);
  return bytes.subarray(1);
}

describe('posting pages', () => {
  it('find every list of a page from its stored columns, and no list the page lacks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 32 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: PAGE_BYTES * 1.5 }), { minLength: 60, maxLength: 60 }),
        (grams, sizes) => {
          const lists: ListView[] = grams
            .sort((a, b) => a - b)
            .map((gram, i) => ({ gram, units: 1, lastUnit: 0, data: new Uint8Array(sizes[i]!).fill(i & 0xff) }));
          const found = new Map<number, Uint8Array>();
          for (const page of paginate(columnsOf(lists))) {
            const [g, o] = [stored(page.grams), stored(page.offsets)];
            for (const list of listsOf(page)) {
              const range = listRange(g, o, list.gram);
              assert.ok(range, `gram ${list.gram} in its page`);
              found.set(list.gram, page.data.subarray(range[0], range[1]));
            }
            assert.equal(listRange(g, o, page.grams[0]! - 0.5), null);
            assert.equal(listRange(g, o, page.grams[page.grams.length - 1]! + 0.5), null);
            // A list longer than a page has a page of its own.
            if (page.grams.length > 1) assert.ok(page.data.length <= PAGE_BYTES);
          }
          assert.deepEqual(
            [...found.keys()],
            lists.map((l) => l.gram),
          );
          for (const l of lists) assert.deepEqual(found.get(l.gram), l.data);
        },
      ),
      { numRuns: 30 },
    );
  });
});
