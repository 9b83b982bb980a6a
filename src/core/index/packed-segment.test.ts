import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isBigram } from './gram-keys.js';
import { BIGRAM_BASE, UNIT_SEPARATOR, type IndexUnit } from './contracts.js';
import { normalizeText } from '../normalize.js';
import { placeSegment } from './packed-segment.js';
import { buildPackedSegment, buildSegment } from './segment-builder.js';
import { bigramEntries, bodyUnits, segmentUnitText, unigramEntries } from '../../testing/segment-fixtures.js';
import { listsOf } from '../../testing/posting-lists.js';

const unitText = segmentUnitText;

describe('packed segments', () => {
  it('placed at any unit id and slot, decode exactly like a segment built there', () => {
    let checked = 0;
    const textsArb = fc.array(unitText, { minLength: 1, maxLength: 25 });
    const unitLoArb = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(textsArb, unitLoArb, fc.integer({ min: 0, max: 1_000_000 }), (texts, unitLo, slotLo) => {
        // Two units per document: title and one paragraph.
        const units: IndexUnit[] = texts.map((text, i) => ({
          docId: i >> 1,
          ord: i & 1,
          kind: i & 1 ? 'body' : 'title',
          level: 0,
          text,
          paidFrom: -1,
        }));
        const direct = buildSegment(units, unitLo, slotLo);
        const docIds = Int32Array.from({ length: Math.ceil(units.length / 2) }, (_, i) => 1000 + i);
        const placed = placeSegment(buildPackedSegment(units), unitLo, slotLo, docIds);
        assert.deepEqual(
          listsOf(placed.lists).map((p) => p.gram),
          listsOf(direct.lists).map((p) => p.gram),
        );
        listsOf(placed.lists).forEach((p, i) => {
          const other = listsOf(direct.lists)[i]!;
          if (isBigram(p.gram)) assert.deepEqual(bigramEntries([p.data]), bigramEntries([other.data]));
          else assert.deepEqual(unigramEntries([p.data]), unigramEntries([other.data]));
          assert.equal(p.lastUnit, other.lastUnit);
          checked++;
        });
        assert.deepEqual(
          [...placed.unitDoc],
          units.map((u) => docIds[u.docId]),
        );
        assert.deepEqual([...placed.slotUnitLo], [...direct.slotUnitLo]);
        assert.equal(placed.slotHi, direct.slotHi);
      }),
      { numRuns: 100 },
    );
    assert.ok(checked > 0, 'no list checked');
  });

  // For any alphabet.
  it('holds every bigram list in gram order with the documents and positions a plain count finds', () => {
    /** The lists as a direct walk over each document's index text finds them: gram → [slot, positions]. */
    const naive = (docs: string[][]): Map<number, Array<[number, number[]]>> => {
      const lists = new Map<number, Array<[number, number[]]>>();
      docs.forEach((units, slot) => {
        const text = units.map(normalizeText).join(String.fromCharCode(UNIT_SEPARATOR));
        for (let p = 0; p + 1 < text.length; p++) {
          const a = text.charCodeAt(p);
          const b = text.charCodeAt(p + 1);
          if (a === UNIT_SEPARATOR || b === UNIT_SEPARATOR) continue;
          const gram = BIGRAM_BASE + a * 65536 + b;
          const list = lists.get(gram) ?? [];
          if (list.at(-1)?.[0] !== slot) list.push([slot, []]);
          list.at(-1)![1].push(p);
          lists.set(gram, list);
        }
      });
      return lists;
    };
    let checked = 0;
    const check = (docs: string[][]): void => {
      const units: IndexUnit[] = docs.flatMap((texts, docId) =>
        texts.map((text, ord) => ({ docId, ord, kind: ord === 0 ? 'title' : 'body', level: 0, text, paidFrom: -1 })),
      );
      const bigrams = listsOf(buildSegment(units, 0, 0).lists).filter((p) => isBigram(p.gram));
      const expected = naive(docs);
      assert.deepEqual(
        bigrams.map((p) => p.gram),
        [...expected.keys()].sort((a, b) => a - b),
      );
      for (const p of bigrams) assert.deepEqual(bigramEntries([p.data]), expected.get(p.gram));
      checked += bigrams.length;
    };
    // Few characters (one radix pass), CJK with code units above 0x8000 (two), a wide range (three).
    const alphabets = [
      '党建学习教育',
      '中国特色社会主义鑫鎏龘齉',
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join(''),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...alphabets).chain((alphabet) => {
          const text = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 });
          return fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });
        }),
        (docs) => check(docs),
      ),
      { numRuns: 60 },
    );
    assert.ok(checked > 0, 'no bigram list checked');
    // More distinct characters than fit a 31-bit dense key (rank · count + rank): every code unit but surrogates.
    const all =
      Array.from({ length: 0xd800 - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') +
      Array.from({ length: 0xffff - 0xe000 }, (_, i) => String.fromCharCode(0xe000 + i)).join('');
    check([
      [all.slice(0, 100), all.slice(100, 30000)],
      [all.slice(30000, 30100), all.slice(30100)],
      [all.slice(500, 600), all.slice(20000, 40000)],
    ]);
  });

  it('marks documents that turned out to be duplicates as dead slots', () => {
    const units = bodyUnits(['甲', '乙', '丙'], 'title');
    const placed = placeSegment(buildPackedSegment(units), 10, 4, Int32Array.from([7, -1, 9]));
    assert.deepEqual([...placed.unitDoc], [7, -1, 9]);
    assert.deepEqual([...placed.slotUnitLo], [10, 11, 12]);
    assert.deepEqual([placed.unitLo, placed.slotLo, placed.slotHi], [10, 4, 7]);
  });
});
