import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeBigrams } from './decode-bigrams.js';
import { isBigram } from './gram-keys.js';
import { buildSegment } from './segment-builder.js';
import { bodyUnits } from '../../testing/segment-fixtures.js';
import { farthestUnder, pairAfter, skipsOf } from './skip-table.js';
import { listsOf } from '../../testing/posting-lists.js';

// Few characters, so most bigrams are in many documents: long blobs, with skip tables of many pairs.
const unitText = fc.string({ unit: fc.constantFrom(...'党建学习教育工作'), minLength: 0, maxLength: 24 });

describe('skip tables', () => {
  it("pair every 16th entry of a blob with the slot before it, and end at the blob's last slot and length", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(unitText, { minLength: 1, maxLength: 300, size: 'max' }), fc.nat(1000), (texts, slotLo) => {
        const units = bodyUnits(texts);
        for (const p of listsOf(buildSegment(units, 0, slotLo).lists)) {
          if (!isBigram(p.gram)) continue;
          // Where each entry starts and its slot, from a plain decode of this blob alone.
          const { slots, heads, length } = decodeBigrams([p.data], 'zones');
          const want: number[] = [];
          for (let e = 16; e < length; e += 16) want.push(slots[e - 1]!, heads![e]!);
          want.push(slots[length - 1]!, p.data.length);
          assert.deepEqual([...skipsOf(p.data)], want);
          assert.equal(skipsOf(p.data), skipsOf(p.data), 'made once a blob');
          if (length > 16) checked++;
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(checked > 0, 'no blob with a skip pair checked');
  });

  it('give the first pair past a place, and the farthest pair whose slot before lies under a target', () => {
    // Pairs (slot before, place): entry 16 at byte 40 follows slot 15, entry 32 at 80 follows 31, the last
    // entry's slot is 50 and the blob 120 bytes long.
    const skips = Int32Array.from([15, 40, 31, 80, 50, 120]);
    assert.deepEqual(
      [0, 39, 40, 79, 80, 119, 120].map((p) => pairAfter(skips, 0, p)),
      [0, 0, 2, 2, 4, 4, 6],
    );
    assert.equal(pairAfter(skips, 4, 0), 4, 'never back before pair k');
    assert.deepEqual(
      [15, 16, 31, 32, 50, 51, 9999].map((t) => farthestUnder(skips, 0, t)),
      [-1, 0, 0, 2, 2, 4, 4],
    );
    assert.deepEqual([farthestUnder(skips, 2, 31), farthestUnder(skips, 2, 40)], [-1, 2]);
    assert.equal(farthestUnder(skips, 6, 9999), -1, 'none past the last pair');
  });
});
