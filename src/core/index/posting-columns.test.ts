import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeBigrams } from './decode-bigrams.js';
import { decodeUnigrams } from './decode-unigrams.js';
import { isBigram } from './gram-keys.js';
import type { IndexUnit, PostingColumns } from './contracts.js';
import { placeSegment } from './packed-segment.js';
import { findList, mergeColumns } from './posting-columns.js';
import { buildPackedSegment, buildSegment } from './segment-builder.js';
import { paginate } from '../../storage/posting-pages.js';
import { listsOf } from '../../testing/posting-lists.js';

const text = fc.string({ unit: fc.constantFrom(...'党建学习教育工作调研，。'), minLength: 0, maxLength: 24 });
/** Batches of documents (a title and a heading or body each), for consecutive segments. */
const batches = fc.array(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 8 }), {
  minLength: 1,
  maxLength: 4,
});

function unitsOf(docs: ReadonlyArray<[string, string]>, firstDoc: number): IndexUnit[] {
  return docs.flatMap(([title, body], i): IndexUnit[] => [
    { docId: firstDoc + i, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
    {
      docId: firstDoc + i,
      ord: 1,
      kind: i % 2 ? 'heading' : 'body',
      level: 1,
      text: body,
      paidFrom: body.length > 4 ? 3 : -1,
    },
  ]);
}

/** The units of all batches' documents, numbered across batches, for one segment built over them all. */
function allUnits(docsByBatch: ReadonlyArray<ReadonlyArray<[string, string]>>): IndexUnit[] {
  return docsByBatch.flatMap((docs, k) =>
    unitsOf(
      docs,
      docsByBatch.slice(0, k).reduce((n, d) => n + d.length, 0),
    ),
  );
}

/** A list's entries as decoded, whatever the bytes of its first head. */
function decoded(gram: number, data: Uint8Array): unknown {
  if (!isBigram(gram)) {
    const u = decodeUnigrams([data]);
    return Array.from({ length: u.length }, (_, i) => [
      u.slots[i],
      u.counts[i],
      u.flags[i],
      u.freeCounts[i],
      u.inHeadings[i],
    ]);
  }
  const b = decodeBigrams([data], 'positions');
  return Array.from({ length: b.length }, (_, i) => [
    b.slots[i],
    [...b.positions!.subarray(b.posStart![i]!, b.posStart![i + 1]!)],
  ]);
}

/** A segment's lists split into runs of at most `pageBytes` (as the store keeps them). */
const pages = (lists: PostingColumns, pageBytes: number): PostingColumns[] => [...paginate(lists, pageBytes)];

describe('mergeColumns', () => {
  it('gives the lists of one segment built over all the documents, byte for byte, across any pages', () => {
    fc.assert(
      fc.property(batches, fc.integer({ min: 1, max: 400 }), (docsByBatch, pageBytes) => {
        let slotLo = 0;
        let unitLo = 0;
        let firstDoc = 0;
        const segments: PostingColumns[][] = [];
        for (const docs of docsByBatch) {
          const segment = buildSegment(unitsOf(docs, firstDoc), unitLo, slotLo);
          segments.push(pages(segment.lists, pageBytes));
          [slotLo, unitLo, firstDoc] = [segment.slotHi, segment.unitHi, firstDoc + docs.length];
        }
        const whole = buildSegment(allUnits(docsByBatch), 0, 0);
        assert.deepEqual(listsOf(mergeColumns(segments)), listsOf(whole.lists));
      }),
      { numRuns: 200 },
    );
  });

  it('merges placed segments (padded first gaps) into lists that decode as the whole', () => {
    let checked = 0;
    fc.assert(
      fc.property(batches, (docsByBatch) => {
        let slotLo = 0;
        let unitLo = 0;
        const segments: PostingColumns[][] = [];
        docsByBatch.forEach((docs) => {
          const units = unitsOf(docs, 0);
          const docIds = Int32Array.from(docs, (_, i) => slotLo + i);
          const placed = placeSegment(buildPackedSegment(units), unitLo, slotLo, docIds);
          segments.push([placed.lists]);
          [slotLo, unitLo] = [placed.slotHi, placed.unitHi];
        });
        const whole = buildSegment(allUnits(docsByBatch), 0, 0);
        const merged = mergeColumns(segments);
        const expected = listsOf(whole.lists);
        assert.deepEqual(
          listsOf(merged).map((l) => [l.gram, l.units, l.lastUnit, decoded(l.gram, l.data)]),
          expected.map((l) => [l.gram, l.units, l.lastUnit, decoded(l.gram, l.data)]),
        );
        for (const l of expected) assert.ok(findList(merged, l.gram), `gram ${l.gram} found`);
        assert.equal(findList(merged, 0.5), null);
        checked += expected.length;
      }),
      { numRuns: 100 },
    );
    assert.ok(checked > 0, 'no list checked');
  });

  it('refuses segments out of slot order, naming the gram', () => {
    const a = buildSegment(unitsOf([['党建', '学习']], 0), 0, 5);
    const b = buildSegment(unitsOf([['党建', '教育']], 1), 2, 0);
    assert.throws(() => mergeColumns([[a.lists], [b.lists]]), /mergeColumns: gram \d+: slot 0 is not after 5/);
  });
});
