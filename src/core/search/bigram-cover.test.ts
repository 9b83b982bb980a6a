import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cheapestCover, phraseCover } from './bigram-cover.js';

/** Every chain of bigram offsets from 0 to n-1 stepping by one or two: every covering set a cover may be. */
function allCovers(n: number): number[][] {
  if (n === 1) return [[0]];
  const out: number[][] = [];
  const walk = (chain: number[]): void => {
    const last = chain[chain.length - 1]!;
    if (last === n - 1) out.push(chain);
    else for (const step of [1, 2]) if (last + step <= n - 1) walk([...chain, last + step]);
  };
  walk([0]);
  return out;
}

describe('cheapestCover', () => {
  it('covers every character and holds the fewest bytes of any covering set, then the fewest lists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 12 }), (bytes) => {
        const cover = cheapestCover(bytes);
        assert.equal(cover[0], 0);
        assert.equal(cover[cover.length - 1], bytes.length - 1);
        for (let i = 1; i < cover.length; i++) {
          assert.ok(cover[i]! - cover[i - 1]! === 1 || cover[i]! - cover[i - 1]! === 2, `gap in ${cover}`);
        }
        const cost = (c: number[]): number => c.reduce((s, o) => s + bytes[o]!, 0);
        const least = Math.min(...allCovers(bytes.length).map(cost));
        assert.equal(cost(cover), least);
        const fewest = Math.min(
          ...allCovers(bytes.length)
            .filter((c) => cost(c) === least)
            .map((c) => c.length),
        );
        assert.equal(cover.length, fewest);
      }),
      { numRuns: 500 },
    );
  });
});

describe('phraseCover', () => {
  const listsOf = (bytes: number[]): Array<{ bytes: number; offset: number }> =>
    bytes.map((b, offset) => ({ bytes: b, offset }));
  const offsets = (bytes: number[]): number[] => phraseCover(listsOf(bytes)).map((l) => l.offset);

  it('is the cheapest cover when the rarest bigram lies in it', () => {
    assert.deepEqual(offsets([50, 900, 40, 30]), [0, 2, 3]);
    assert.deepEqual(offsets([7]), [0]);
  });

  it("adds the rarest bigram outside the cover when under 0.7 of the cover's smallest list's bytes", () => {
    // 我为群众办实事-like: 0 and 2 cover the term; 1 is rarer than both.
    assert.deepEqual(offsets([100, 69, 100]), [0, 2, 1]);
    assert.deepEqual(offsets([100, 70, 100]), [0, 2]);
    // Measured against the cover's smallest list, not its largest.
    assert.deepEqual(offsets([100, 30, 40]), [0, 2]);
    assert.deepEqual(offsets([100, 20, 40]), [0, 2, 1]);
  });
});
