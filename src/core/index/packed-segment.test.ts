import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodePostings } from './codec.js';
import type { IndexUnit } from './contracts.js';
import { packSegment, placeSegment } from './packed-segment.js';
import { buildSegment } from './segment-builder.js';

const unitText = fc.string({ unit: fc.constantFrom(...'党建学习教育工作，。'), minLength: 0, maxLength: 30 });

describe('packed segments', () => {
  it('placed at any unit id, decode exactly like a segment built there', () => {
    fc.assert(
      fc.property(fc.array(unitText, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 5_000_000 }), (texts, unitLo) => {
        const units: IndexUnit[] = texts.map((text, i) => ({ docId: i, ord: 0, kind: 'body', level: 0, text, paidFrom: -1 }));
        const direct = buildSegment(units, unitLo);
        const docIds = Int32Array.from(units, (_, i) => 1000 + i);
        const placed = placeSegment(packSegment(buildSegment(units, 0, { paddedFirstGap: true })), unitLo, docIds);
        assert.deepEqual(placed.postings.map((p) => p.gram), direct.postings.map((p) => p.gram));
        placed.postings.forEach((p, i) => {
          const a = decodePostings(p.gram, [p.data], true);
          const b = decodePostings(p.gram, [direct.postings[i]!.data], true);
          assert.deepEqual([...a.units.subarray(0, a.length)], [...b.units.subarray(0, b.length)]);
          assert.deepEqual([...(a.positions ?? [])].slice(0, a.posStart?.[a.length]), [...(b.positions ?? [])].slice(0, b.posStart?.[b.length]));
          assert.equal(p.lastUnit, direct.postings[i]!.lastUnit);
        });
        assert.deepEqual([...placed.unitDoc], [...docIds]);
      }),
      { numRuns: 100 },
    );
  });

  it('marks documents that turned out to be duplicates as dead units', () => {
    const units: IndexUnit[] = ['甲', '乙', '丙'].map((text, i) => ({ docId: i, ord: 0, kind: 'title', level: 0, text, paidFrom: -1 }));
    const placed = placeSegment(packSegment(buildSegment(units, 0, { paddedFirstGap: true })), 10, Int32Array.from([7, -1, 9]));
    assert.deepEqual([...placed.unitDoc], [7, -1, 9]);
    assert.equal(placed.unitLo, 10);
  });
});
