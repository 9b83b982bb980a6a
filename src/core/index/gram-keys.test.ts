import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bigramKey, isBigram, unigramKey } from './gram-keys.js';

const codeUnit = fc.integer({ min: 0, max: 0xffff });

describe('gram keys', () => {
  it('give every code unit and pair a key of its own: unigrams first, pairs by first then second unit', () => {
    fc.assert(
      fc.property(codeUnit, codeUnit, codeUnit, codeUnit, (a, b, c, d) => {
        assert.equal(isBigram(unigramKey(a)), false);
        assert.equal(isBigram(bigramKey(a, b)), true);
        assert.ok(unigramKey(a) < bigramKey(0, 0));
        assert.equal(bigramKey(a, b) === bigramKey(c, d), a === c && b === d);
        assert.equal(Math.sign(bigramKey(a, b) - bigramKey(c, d)), Math.sign(a === c ? b - d : a - c));
        assert.equal(unigramKey(a) === unigramKey(c), a === c);
      }),
    );
  });

  it('round-trip: a bigram key gives back its two code units; keys stay exact integers under 2^33', () => {
    fc.assert(
      fc.property(codeUnit, codeUnit, (a, b) => {
        const key = bigramKey(a, b);
        assert.ok(Number.isSafeInteger(key) && key < 2 ** 33);
        const rest = key - bigramKey(0, 0);
        assert.deepEqual([Math.floor(rest / 65536), rest % 65536], [a, b]);
      }),
    );
    assert.equal(bigramKey(0xffff, 0xffff), 65536 + 0xffff * 65536 + 0xffff);
  });
});
