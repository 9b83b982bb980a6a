import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bigramRuns, sortBigramOccurrences } from './bigram-radix-sort.js';
import { BIGRAM_BASE } from './contracts.js';

/** Logged occurrences: key (first code · 2¹⁶ + second, as an Int32), slot and position of each row. */
type Row = { a: number; b: number; slot: number; pos: number };

/** Rows over a few characters (one radix pass), CJK above 0x8000 (negative Int32 keys), or any (three passes). */
const rowsOf = (code: fc.Arbitrary<number>): fc.Arbitrary<Row[]> =>
  fc.array(fc.record({ a: code, b: code, slot: fc.nat(1000), pos: fc.integer({ min: -1, max: 1 << 30 }) }), {
    maxLength: 3000,
  });
const rows = fc.oneof(
  rowsOf(fc.constantFrom(0x515a, 0x5efa, 0x5b66, 0x4e60)),
  rowsOf(fc.constantFrom(0x4e2d, 0x9451, 0x938f, 0x9f98, 0xffe5)),
  rowsOf(fc.integer({ min: 0, max: 0xffff })),
);

describe('sortBigramOccurrences', () => {
  it('orders the rows as a stable Array.prototype.sort by bigram does, and bigramRuns names each run', () => {
    fc.assert(
      fc.property(rows, fc.nat(5), (given, spare) => {
        const n = given.length;
        // The logs may be longer than their rows (a Column's capacity).
        const keys = new Int32Array(n + spare);
        const slots = new Int32Array(n + spare);
        const positions = new Int32Array(n + spare);
        given.forEach((r, i) => {
          keys[i] = (r.a << 16) | r.b;
          slots[i] = r.slot;
          positions[i] = r.pos;
        });
        const expected = [...given].sort((x, y) => x.a - y.a || x.b - y.b);
        const { key, slot, pos, chars } = sortBigramOccurrences(keys, slots, positions, n);
        assert.deepEqual(
          [...slot.subarray(0, n)],
          expected.map((r) => r.slot),
        );
        assert.deepEqual(
          [...pos.subarray(0, n)],
          expected.map((r) => r.pos),
        );
        const { starts, grams } = bigramRuns(key, n, chars);
        const gramOf = (r: Row): number => BIGRAM_BASE + r.a * 65536 + r.b;
        const distinct = [...new Set(expected.map(gramOf))];
        assert.deepEqual([...grams], distinct);
        assert.equal(starts[0], 0);
        assert.equal(starts[grams.length], n);
        for (let r = 0; r < grams.length; r++) {
          for (let j = starts[r]!; j < starts[r + 1]!; j++) assert.equal(gramOf(expected[j]!), grams[r]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
