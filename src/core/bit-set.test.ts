import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hasBit, setBits } from './bit-set.js';

describe('bit sets', () => {
  it('set exactly the bits of every range, in a word, across words and over many, keeping those set before', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(400), fc.nat(140)), { maxLength: 8 }), (ranges) => {
        const bits = new Int32Array(18);
        const expected = new Set<number>();
        for (const [from, length] of ranges) {
          setBits(bits, from, from + length);
          for (let b = from; b < from + length; b++) expected.add(b);
        }
        for (let b = 0; b < bits.length * 32; b++) assert.equal(hasBit(bits, b), expected.has(b), `bit ${b}`);
      }),
      { numRuns: 300 },
    );
  });
});
