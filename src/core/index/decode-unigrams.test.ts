import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { IndexUnit } from './contracts.js';
import { decodeUnigramSlots, decodeUnigrams } from './decode-unigrams.js';
import { isBigram } from './gram-keys.js';
import { IN_HEADING, IN_PAID, IN_TITLE } from './posting-format.js';
import { buildSegment } from './segment-builder.js';
import { normalizeText } from '../normalize.js';
import { blobsByGram } from '../../testing/posting-lists.js';

const unitText = fc.string({ unit: fc.constantFrom(...'党建学习教育，'), minLength: 0, maxLength: 16 });
const kindArb = fc.constantFrom<IndexUnit['kind']>('heading', 'body', 'intro');
/** A document: its title, then units of some kind, each maybe where the paid part starts (at paidAt). */
const docArb = fc.tuple(unitText, fc.array(fc.tuple(kindArb, unitText, fc.option(fc.nat(20))), { maxLength: 4 }));

/** Entries [slot, count, flags, free count, in headings] of every unigram, counted from the texts. */
function naive(docs: IndexUnit[][]): Map<number, number[][]> {
  const lists = new Map<number, number[][]>();
  docs.forEach((units, slot) => {
    const seen = new Map<number, { count: number; title: boolean; paid: number; headings: number }>();
    let paid = false;
    for (const [k, u] of units.entries()) {
      const text = normalizeText(u.text);
      for (let i = 0; i < text.length; i++) {
        if (u.paidFrom >= 0 && i === u.paidFrom) paid = true;
        const c = text.charCodeAt(i);
        const e = seen.get(c) ?? { count: 0, title: false, paid: 0, headings: 0 };
        e.count++;
        if (k === 0) e.title = true;
        if (paid) e.paid++;
        if (u.kind === 'heading') e.headings++;
        seen.set(c, e);
      }
      if (u.paidFrom >= text.length) paid = true;
    }
    for (const [c, e] of seen) {
      const flags = (e.title ? IN_TITLE : 0) | (e.paid > 0 ? IN_PAID : 0) | (e.headings > 0 ? IN_HEADING : 0);
      lists.set(c, [...(lists.get(c) ?? []), [slot, e.count, flags, e.count - e.paid, e.headings]]);
    }
  });
  return lists;
}

describe('unigram decoding', () => {
  it("decodes every character's entries across segments as the texts count them; the slot decode agrees", () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 3 }), (raw, parts) => {
        const docs = raw.map(([title, rest], docId): IndexUnit[] => {
          // Only the first paid mark counts: the paid part runs to the document's end.
          const firstPaid = rest.findIndex(([, , at]) => at !== null);
          return [
            { docId, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
            ...rest.map(([kind, text, at], i): IndexUnit => {
              const paidFrom = i === firstPaid ? Math.min(at!, text.length) : -1;
              return { docId, ord: i + 1, kind, level: kind === 'heading' ? 1 : 0, text, paidFrom };
            }),
          ];
        });
        const per = Math.ceil(docs.length / parts);
        const segments = [];
        for (let from = 0; from < docs.length; from += per) {
          segments.push(buildSegment(docs.slice(from, from + per).flat(), 0, from).lists);
        }
        const expected = naive(docs);
        const got = [...blobsByGram(segments)].filter(([gram]) => !isBigram(gram));
        assert.deepEqual(
          got.map(([gram]) => gram).sort((a, b) => a - b),
          [...expected.keys()].sort((a, b) => a - b),
        );
        for (const [gram, blobs] of got) {
          const d = decodeUnigrams(blobs);
          const entries = Array.from({ length: d.length }, (_, i) => [
            d.slots[i]!,
            d.counts[i]!,
            d.flags[i]!,
            d.freeCounts[i]!,
            d.inHeadings[i]!,
          ]);
          const want = expected.get(gram)!;
          assert.deepEqual(entries, want);
          const all = decodeUnigramSlots(blobs, false);
          assert.deepEqual(
            [...all.slots].map((s, i) => [s, all.counts[i]]),
            want.map((e) => [e[0], e[1]]),
          );
          const headed = decodeUnigramSlots(blobs, true);
          const inHeadings = want.filter((e) => e[4]! > 0).map((e) => [e[0], e[4]]);
          assert.deepEqual(
            [...headed.slots].map((s, i) => [s, headed.counts[i]]),
            inHeadings,
          );
        }
      }),
      { numRuns: 120 },
    );
  });
});
