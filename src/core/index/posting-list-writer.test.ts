import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeBigrams } from './decode-bigrams.js';
import { decodeUnigrams } from './decode-unigrams.js';
import { IN_HEADING, IN_PAID, IN_TITLE, unigramValue } from './posting-format.js';
import { IN_HEADING_ZONE, IN_TEXT, IN_TITLE_ZONE } from './index-text.js';
import { writeBigramList, writeUnigramList } from './posting-list-writer.js';
import { VarintWriter } from './varint.js';

/** Documents by ascending slot, each with its occurrences' ascending positions and zones. */
const bigramDocs = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 300 }),
      positions: fc.uniqueArray(fc.integer({ min: 0, max: 1 << 20 }), { minLength: 1, maxLength: 6 }),
      zones: fc.array(fc.constantFrom(IN_TEXT, IN_TITLE_ZONE, IN_HEADING_ZONE), { minLength: 6, maxLength: 6 }),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((docs) => {
    let slot = -1;
    return docs.map((d) => ({ slot: (slot += d.gap), at: [...d.positions].sort((a, b) => a - b), zones: d.zones }));
  });

describe('writeBigramList', () => {
  it('writes entries the decoder reads back: slots, positions and zone counts, padded or not', () => {
    fc.assert(
      fc.property(bigramDocs, fc.boolean(), fc.integer({ min: 0, max: 3 }), (docs, pad, before) => {
        // The occurrence logs of the batch, this bigram's rows from `before` on.
        const rows = docs.flatMap((d) => d.at.map((p, k) => ({ slot: d.slot, logged: p * 4 + d.zones[k]! })));
        const slots = Int32Array.from([...Array<number>(before).fill(-9), ...rows.map((r) => r.slot)]);
        const logged = Int32Array.from([...Array<number>(before).fill(-9), ...rows.map((r) => r.logged)]);
        const writer = new VarintWriter(4);
        assert.equal(writeBigramList(writer, slots, logged, before, slots.length, pad), docs.length);
        const data = [writer.bytes()];
        const all = decodeBigrams(data, 'positions');
        assert.deepEqual(
          [...all.slots],
          docs.map((d) => d.slot),
        );
        assert.deepEqual(
          [...all.positions!],
          docs.flatMap((d) => d.at),
        );
        const zones = decodeBigrams(data, 'zones');
        const inZone = (d: (typeof docs)[number], zone: number): number =>
          d.at.filter((_, k) => d.zones[k] === zone).length;
        // A short entry's title count is 0: its one position says no more than whether it lies in a heading.
        assert.deepEqual(
          [...zones.inTitle!],
          docs.map((d) => (d.at.length === 1 ? 0 : inZone(d, IN_TITLE_ZONE))),
        );
        assert.deepEqual(
          [...zones.inHeadings!],
          docs.map((d) => inZone(d, IN_HEADING_ZONE)),
        );
        assert.deepEqual(
          [...zones.counts],
          docs.map((d) => d.at.length),
        );
        assert.deepEqual(
          [...zones.first!],
          docs.map((d) => d.at[0]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('writeUnigramList', () => {
  const entry = fc.record({
    gap: fc.integer({ min: 1, max: 300 }),
    count: fc.integer({ min: 1, max: 5000 }),
    flags: fc.integer({ min: 0, max: IN_TITLE | IN_PAID | IN_HEADING }),
    free: fc.integer({ min: 0, max: 5000 }),
    headings: fc.integer({ min: 1, max: 5000 }),
  });

  it('writes the entries it is given in order, short or not, that the decoder reads back', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), fc.boolean(), (given, pad) => {
        let slot = -1;
        const entries = given.map((e) => ({ ...e, slot: (slot += e.gap) }));
        // Entries in log order are reversed; `order` lists them by slot.
        const logged = [...entries].reverse();
        const order = Int32Array.from(entries, (_, i) => entries.length - 1 - i);
        const writer = new VarintWriter(4);
        const last = writeUnigramList(
          writer,
          order,
          0,
          order.length,
          Int32Array.from(logged, (e) => e.slot),
          Int32Array.from(logged, (e) => unigramValue(e.count, e.flags)),
          Int32Array.from(logged, (e) => e.free),
          Int32Array.from(logged, (e) => e.headings),
          pad,
        );
        assert.equal(last, slot);
        const u = decodeUnigrams([writer.bytes()]);
        assert.deepEqual(
          [...u.slots],
          entries.map((e) => e.slot),
        );
        assert.deepEqual(
          [...u.counts],
          entries.map((e) => e.count),
        );
        assert.deepEqual(
          [...u.flags],
          entries.map((e) => e.flags),
        );
        assert.deepEqual(
          [...u.freeCounts],
          entries.map((e) => (e.flags & IN_PAID ? e.free : e.count)),
        );
        assert.deepEqual(
          [...u.inHeadings],
          entries.map((e) => (e.flags & IN_HEADING ? e.headings : 0)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
