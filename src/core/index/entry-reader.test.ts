import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { IndexUnit } from './contracts.js';
import { decodeBigrams } from './decode-bigrams.js';
import { EntryReader } from './entry-reader.js';
import { isBigram } from './gram-keys.js';
import { buildSegment } from './segment-builder.js';
import { blobsByGram } from '../../testing/posting-lists.js';

const unitText = fc.string({ unit: fc.constantFrom(...'党建学习教育'), minLength: 0, maxLength: 20 });
/** Segments of documents: a title and a heading or body unit each. */
const batchesArb = fc.array(fc.array(fc.tuple(unitText, unitText, fc.boolean()), { minLength: 1, maxLength: 12 }), {
  minLength: 1,
  maxLength: 3,
});

describe('entry reader', () => {
  it("reads any entry of a term's blobs by its head: the positions, a span bounding them, and the starts kept", () => {
    fc.assert(
      fc.property(batchesArb, fc.integer({ min: 0, max: 2 }), (batches, offset) => {
        let slotLo = 0;
        const segments = batches.map((docs) => {
          const units = docs.flatMap(([title, text, heading], docId): IndexUnit[] => [
            { docId, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
            { docId, ord: 1, kind: heading ? 'heading' : 'body', level: 1, text, paidFrom: -1 },
          ]);
          const segment = buildSegment(units, 0, slotLo);
          slotLo = segment.slotHi;
          return segment.lists;
        });
        for (const [gram, blobs] of blobsByGram(segments)) {
          if (!isBigram(gram)) continue;
          const all = decodeBigrams(blobs, 'positions');
          const zones = decodeBigrams(blobs, 'zones');
          const reader = new EntryReader(blobs);
          const into = new Int32Array(64);
          // Backwards, so the reader's blob search starts over for every entry.
          for (let i = all.length - 1; i >= 0; i--) {
            const want = [...all.positions!.subarray(all.posStart![i]!, all.posStart![i + 1]!)];
            const head = zones.heads![i]!;
            assert.ok(reader.span(head) >= want.length);
            assert.deepEqual([...into.subarray(0, reader.positions(head, into))], want);
            const starts = [...new Set(want.flatMap((p) => [p - offset - 1, p - offset, p + 1]))].sort((a, b) => a - b);
            const buffer = Int32Array.from(starts);
            const n = reader.keep(head, buffer, starts.length, offset);
            assert.deepEqual(
              [...buffer.subarray(0, n)],
              starts.filter((s) => want.includes(s + offset)),
            );
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
