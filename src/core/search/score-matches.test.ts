import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TermState } from './collect-hits.js';
import type { TermDetail, TermHits } from './match-term.js';
import { bm25 } from './rank.js';
import { countLiveHits, countOnes, presenceAnswers, scoreMatches } from './score-matches.js';

/** Hits on these slots and nothing else. */
function hitsOn(slots: number[], detail: TermDetail = 'presence'): TermHits {
  return {
    detail,
    length: slots.length,
    slots: Int32Array.from(slots),
    counts: new Int32Array(slots.length).fill(1),
    flags: null,
    freeCounts: null,
    inTitle: null,
    inHeadings: null,
    first: null,
    exact: true,
    reader: null,
    posStart: null,
    positions: null,
  };
}

describe('counting matches', () => {
  it('counts the ones of a mask up to n', () => {
    assert.equal(countOnes(Uint8Array.of(1, 0, 1, 1, 0, 1), 6), 4);
    assert.equal(countOnes(Uint8Array.of(1, 0, 1, 1, 0, 1), 3), 2);
  });

  it('counts the live documents of a term within the mask, dead slots never', () => {
    // Slots 1 and 4 are dead.
    const slotDoc = Int32Array.of(0, -1, 1, 2, -1, 3);
    const h = hitsOn([0, 1, 2, 4, 5]);
    assert.equal(countLiveHits(h, slotDoc, null), 3);
    assert.equal(countLiveHits(h, slotDoc, Uint8Array.of(1, 0, 1, 1)), 2);
    assert.equal(countLiveHits(h, slotDoc, Uint8Array.of(0, 1, 1, 0)), 1);
    assert.equal(countLiveHits(hitsOn([]), slotDoc, null), 0);
  });

  it('answers by presence a count for a reader who sees all, and heading documents always', () => {
    assert.equal(presenceAnswers(hitsOn([1]), false, false), true);
    assert.equal(presenceAnswers(hitsOn([1]), true, false), false);
    assert.equal(presenceAnswers(hitsOn([1]), false, true), false);
    assert.equal(presenceAnswers(hitsOn([1], 'headings'), true, true), true);
  });
});

describe('scoreMatches', () => {
  it('scores exactly the matching documents by summed BM25 and lists them ascending', () => {
    const nDocs = 6;
    const state = (hits: number[], tf: number[]): TermState => ({
      term: 'x',
      hits: hitsOn(hits),
      tf: Float64Array.from(tf),
      here: new Uint8Array(nDocs),
      entry: new Int32Array(0),
      best: new Int32Array(nDocs),
    });
    const states = [state([0, 2, 3, 5], [2, 0, 1, 4, 0, 3]), state([0, 1, 2, 3, 5], [1, 5, 6, 0, 0, 2])];
    const last = Uint8Array.of(1, 0, 1, 0, 0, 1);
    const docLength = Float64Array.of(10, 20, 30, 40, 50, 60);
    const idfs = [0.7, 1.3];
    const score = new Float64Array(nDocs).fill(-9);
    const candidates = scoreMatches(states, last, docLength, nDocs, 35, idfs, score);
    assert.deepEqual([...candidates], [0, 2, 5]);
    for (const d of [0, 2, 5]) {
      const expected =
        bm25(states[0]!.tf[d]!, docLength[d]!, 35, 0.7) + bm25(states[1]!.tf[d]!, docLength[d]!, 35, 1.3);
      assert.equal(score[d], expected);
    }
    assert.deepEqual(
      [1, 3, 4].map((d) => score[d]),
      [-9, -9, -9],
      'documents not matching are not written',
    );
  });
});
