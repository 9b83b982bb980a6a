import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rankOrder, topK, type RankKeys } from './top-k.js';

/** Keys for `n` documents from few distinct scores and times, so ties on both are common. */
const keysArb = fc.integer({ min: 1, max: 300 }).chain((n) =>
  fc.record({
    score: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
    time: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    ids: fc.shuffledSubarray([...Array(n * 2).keys()], { minLength: n, maxLength: n }),
  }),
);

function keysOf(r: { score: number[]; time: number[]; ids: number[] }): RankKeys {
  return {
    score: Float64Array.from(r.score, (s) => s / 4),
    time: Float64Array.from(r.time),
    id: Float64Array.from(r.ids),
  };
}

describe('topK', () => {
  it('gives the first k of the full ranking, ties broken by time then id', () => {
    fc.assert(
      fc.property(keysArb, fc.integer({ min: 1, max: 80 }), fc.boolean(), (r, k, some) => {
        const keys = keysOf(r);
        const all = [...r.score.keys()].filter((d) => !some || d % 3 !== 0);
        const expected = [...all].sort(rankOrder(keys)).slice(0, k);
        assert.deepEqual(topK([...all], k, keys), expected);
      }),
      { numRuns: 400 },
    );
  });

  it('orders a higher score first, then the newer, then the higher id', () => {
    const keys: RankKeys = {
      score: Float64Array.of(1, 2, 2, 2, 0.5),
      time: Float64Array.of(0, 5, 9, 9, 0),
      id: Float64Array.of(1, 2, 3, 4, 5),
    };
    assert.deepEqual(topK([0, 1, 2, 3, 4], 3, keys), [3, 2, 1]);
    assert.deepEqual(topK([0, 1, 2, 3, 4], 10, keys), [3, 2, 1, 0, 4]);
  });
});
