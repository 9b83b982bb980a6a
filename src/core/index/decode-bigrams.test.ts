import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { UNIT_SEPARATOR, type IndexUnit } from './contracts.js';
import { decodeBigrams, ownBigrams } from './decode-bigrams.js';
import { DecodeScratch } from './decode-scratch.js';
import { bigramKey, isBigram } from './gram-keys.js';
import { buildSegment } from './segment-builder.js';
import { normalizeText } from '../normalize.js';
import { blobsByGram } from '../../testing/posting-lists.js';

const unitText = fc.string({ unit: fc.constantFrom(...'党建学习'), minLength: 0, maxLength: 14 });
const kindArb = fc.constantFrom<IndexUnit['kind']>('heading', 'body');
const docArb = fc.tuple(unitText, fc.array(fc.tuple(kindArb, unitText), { maxLength: 3 }));

interface Entry {
  slot: number;
  positions: number[];
  titles: number;
  headings: number;
}

/** Every bigram's entries as a walk over each document's index text finds them, with its zone counts. */
function naive(docs: IndexUnit[][]): Map<number, Entry[]> {
  const lists = new Map<number, Entry[]>();
  docs.forEach((units, slot) => {
    const text = units.map((u) => normalizeText(u.text)).join(String.fromCharCode(UNIT_SEPARATOR));
    // Each code unit's unit kind (a separator takes its unit's: no bigram starts there).
    const kindAt = units.flatMap((u) => Array<IndexUnit['kind']>(u.text.length + 1).fill(u.kind));
    for (let p = 0; p + 1 < text.length; p++) {
      const a = text.charCodeAt(p);
      const b = text.charCodeAt(p + 1);
      if (a === UNIT_SEPARATOR || b === UNIT_SEPARATOR) continue;
      const list = lists.get(bigramKey(a, b)) ?? [];
      if (list.at(-1)?.slot !== slot) list.push({ slot, positions: [], titles: 0, headings: 0 });
      const e = list.at(-1)!;
      e.positions.push(p);
      if (kindAt[p] === 'title') e.titles++;
      if (kindAt[p] === 'heading') e.headings++;
      lists.set(bigramKey(a, b), list);
    }
  });
  return lists;
}

describe('bigram decoding', () => {
  it('decodes lists of several segments to each detail as the texts hold them, also filtered, into a scratch', () => {
    const docsArb = fc.array(docArb, { minLength: 1, maxLength: 30 });
    const keepArb = fc.array(fc.boolean(), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(docsArb, fc.integer({ min: 1, max: 3 }), keepArb, (raw, parts, kept) => {
        const docs = raw.map(([title, rest], docId): IndexUnit[] => [
          { docId, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
          ...rest.map(([kind, text], i): IndexUnit => ({ docId, ord: i + 1, kind, level: 1, text, paidFrom: -1 })),
        ]);
        const per = Math.ceil(docs.length / parts);
        const segments = [];
        for (let from = 0; from < docs.length; from += per) {
          segments.push(buildSegment(docs.slice(from, from + per).flat(), 0, from).lists);
        }
        const expected = naive(docs);
        const keep = Uint8Array.from(kept, (k) => (k ? 1 : 0));
        const scratch = new DecodeScratch();
        const got = [...blobsByGram(segments)].filter(([gram]) => isBigram(gram));
        assert.equal(got.length, expected.size);
        for (const [gram, blobs] of got) {
          const want = expected.get(gram)!;
          const d = ownBigrams(decodeBigrams(blobs, 'positions', scratch));
          const entries = Array.from({ length: d.length }, (_, i) => ({
            slot: d.slots[i]!,
            positions: [...d.positions!.subarray(d.posStart![i]!, d.posStart![i + 1]!)],
          }));
          assert.deepEqual(
            entries,
            want.map(({ slot, positions }) => ({ slot, positions })),
          );
          assert.deepEqual(
            [...d.counts],
            want.map((e) => e.positions.length),
          );
          for (const mask of [null, keep]) {
            const wanted = want.filter((e) => mask === null || mask[e.slot] === 1);
            const zones = decodeBigrams(blobs, 'zones', scratch, mask);
            assert.deepEqual(
              [...zones.slots],
              wanted.map((e) => e.slot),
            );
            assert.deepEqual(
              [...zones.counts],
              wanted.map((e) => e.positions.length),
            );
            assert.deepEqual(
              [...zones.first!],
              wanted.map((e) => e.positions[0]),
            );
            // A short entry states no title count: its one position says whether it lies there.
            assert.deepEqual(
              [...zones.inTitle!],
              wanted.map((e) => (e.positions.length > 1 ? e.titles : 0)),
            );
            assert.deepEqual(
              [...zones.inHeadings!],
              wanted.map((e) => e.headings),
            );
            assert.equal(zones.positions, null);
            const present = decodeBigrams(blobs, 'presence', undefined, mask);
            assert.deepEqual(
              [...present.slots],
              wanted.map((e) => e.slot),
            );
            assert.deepEqual(
              [...present.counts],
              wanted.map(() => 1),
            );
            assert.equal(present.first, null);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
