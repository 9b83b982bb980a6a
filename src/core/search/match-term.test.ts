import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IndexUnit } from '../index/contracts.js';
import { isBigram } from '../index/gram-keys.js';
import { buildSegment } from '../index/segment-builder.js';
import { listsOf } from '../../testing/posting-lists.js';
import { cheapestCover, matchTerm } from './match-term.js';

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

const codesOf = (text: string): Uint16Array => Uint16Array.from(text, (c) => c.charCodeAt(0));

describe('cheapestCover', () => {
  it('covers every character and holds the fewest bytes of any covering set, then the fewest lists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 12 }), (bytes) => {
        const cover = cheapestCover(bytes);
        assert.equal(cover[0], 0);
        assert.equal(cover[cover.length - 1], bytes.length - 1);
        for (let i = 1; i < cover.length; i++)
          assert.ok(cover[i]! - cover[i - 1]! === 1 || cover[i]! - cover[i - 1]! === 2, `gap in ${cover}`);
        const cost = (c: number[]): number => c.reduce((s, o) => s + bytes[o]!, 0);
        const least = Math.min(...allCovers(bytes.length).map(cost));
        assert.equal(cost(cover), least);
        assert.equal(
          cover.length,
          Math.min(
            ...allCovers(bytes.length)
              .filter((c) => cost(c) === least)
              .map((c) => c.length),
          ),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('matchTerm through the cheapest cover', () => {
  // 群众 in every document, 众办 in few: 我为群众办实事 is read around 群众. 主题 and 教育 in many documents,
  // 题教 in few: 主题教育 is led by 题教, outside its cover.
  const texts = [
    '我为群众办实事，群众满意',
    '群众路线，为群众办事',
    '群众办实事我为群众',
    '我为群众办实事我为群众办实事',
    '为群众办实',
    '群众',
    ...Array.from({ length: 12 }, (_, i) => (i % 4 === 0 ? '开展主题教育，主题鲜明' : '突出主题，抓好教育，教育群众')),
  ];
  const units: IndexUnit[] = texts.map((text, docId) => ({
    docId,
    ord: 0,
    kind: 'body',
    level: 0,
    text,
    paidFrom: -1,
  }));
  const blobs = new Map<number, Uint8Array[]>();
  for (const p of listsOf(buildSegment(units, 0, 0).lists)) if (isBigram(p.gram)) blobs.set(p.gram, [p.data]);
  const starts = (text: string, term: string): number[] =>
    [...text.matchAll(new RegExp(term, 'g'))].map((m) => m.index);

  it('finds exactly the occurrences a scan finds, whichever bigrams it reads', () => {
    for (const term of [
      '我为群众办实事',
      '为群众办实',
      '群众办实事',
      '我为群众办',
      '众办实事我为群',
      '为群众办事',
      '群众满意',
      '主题教育',
      '展主题教育',
      '主题鲜明',
      '抓好教育',
    ]) {
      const expected = texts.map((t, slot) => ({ slot, at: starts(t, term) })).filter((d) => d.at.length > 0);
      const positions = matchTerm(codesOf(term), blobs, 'positions');
      assert.deepEqual(
        [...positions.slots],
        expected.map((d) => d.slot),
        term,
      );
      assert.deepEqual(
        [...positions.positions!],
        expected.flatMap((d) => d.at),
        term,
      );
      assert.deepEqual(
        [...matchTerm(codesOf(term), blobs, 'presence').slots],
        expected.map((d) => d.slot),
        term,
      );
      const zones = matchTerm(codesOf(term), blobs, 'zones');
      const into = new Int32Array(64);
      assert.deepEqual(
        expected.map((_, i) => [...into.subarray(0, zones.reader!.read(i, into))]),
        expected.map((d) => d.at),
        term,
      );
    }
  });
});
