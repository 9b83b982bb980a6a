import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BigramCursor, SLOT_PAST_END, firstKept } from './bigram-cursor.js';
import { decodeBigrams } from './decode-bigrams.js';
import { isBigram } from './gram-keys.js';
import { buildSegment } from './segment-builder.js';
import { bodyUnits } from '../../testing/segment-fixtures.js';
import { blobsByGram } from '../../testing/posting-lists.js';

// Few characters, so most bigrams are in many documents: long blobs, with skip tables of many pairs.
const unitText = fc.string({ unit: fc.constantFrom(...'党建学习教育工作'), minLength: 0, maxLength: 24 });

/** Consecutive segments (slots continue) of one body unit a document; each bigram's blobs. */
function blobsOf(batches: readonly string[][]): Uint8Array[][] {
  let slotLo = 0;
  const segments = batches.map((texts) => {
    const units = bodyUnits(texts);
    const segment = buildSegment(units, 0, slotLo);
    slotLo = segment.slotHi;
    return segment.lists;
  });
  return [...blobsByGram(segments)].filter(([gram]) => isBigram(gram)).map(([, blobs]) => blobs);
}

function entriesOf(blobs: Uint8Array[], keep: Uint8Array | null = null): Array<[number, number[]]> {
  const d = decodeBigrams(blobs, 'positions', undefined, keep);
  const positions = (i: number): number[] => [...d.positions!.subarray(d.posStart![i]!, d.posStart![i + 1]!)];
  return Array.from({ length: d.length }, (_, i) => [d.slots[i]!, positions(i)]);
}

const batchesArb = fc.array(fc.array(unitText, { minLength: 1, maxLength: 150, size: 'max' }), {
  minLength: 1,
  maxLength: 4,
});
const runsArb = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 80 })), {
  minLength: 1,
  maxLength: 20,
  size: 'max',
});
/** A keep mask: runs of kept and left-out slots (as a batch ordered by genre gives), or slots kept at random. */
const keepArb = fc.oneof(
  runsArb.map((runs) => Uint8Array.from(runs.flatMap(([k, n]) => Array<number>(n).fill(k ? 1 : 0)))),
  fc
    .array(fc.boolean(), { minLength: 1, maxLength: 600, size: 'max' })
    .map((b) => Uint8Array.from(b, (k) => (k ? 1 : 0))),
);

describe('jumping cursors and filtered decodes', () => {
  it('firstKept finds the first slot a mask marks at or after a slot, SLOT_PAST_END past its last', () => {
    const keep = Uint8Array.from([0, 1, 0, 0, 1, 0]);
    assert.deepEqual(
      [0, 1, 2, 4, 5, 9].map((s) => firstKept(keep, s)),
      [1, 1, 4, 4, SLOT_PAST_END, SLOT_PAST_END],
    );
  });

  it('seeks, filtered walks and filtered decodes land where a plain walk does, with the same positions', () => {
    let checked = 0;
    const targetsArb = fc.array(fc.nat(700), { maxLength: 12, size: 'max' });
    const strideArb = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(batchesArb, targetsArb, strideArb, keepArb, (batches, randomTargets, stride, keep) => {
        for (const blobs of blobsOf(batches)) {
          const expected = entriesOf(blobs);
          // Some targets are slots entries stand at (a skip pair's slot among them, now and then).
          const standing = expected.filter((_, i) => i % stride === stride - 1).map(([slot]) => slot);
          const targets = [...randomTargets, ...standing];
          const into = new Int32Array(64);
          const positions = (c: BigramCursor): number[] => [...into.subarray(0, c.positions(into))];
          // Ascending seeks, without a mask.
          const far = new BigramCursor(blobs, true);
          for (const target of [...targets].sort((a, b) => a - b)) {
            const want = expected.find(([slot]) => slot >= target);
            assert.equal(far.seek(target), want !== undefined);
            if (!want) break;
            assert.equal(far.slot, want[0]);
            assert.deepEqual(positions(far), want[1]);
          }
          // With the mask, from wherever the cursor stands (an entry it leaves out moves it on).
          const filtered = new BigramCursor(blobs, true);
          filtered.next();
          for (const target of [...targets].sort((a, b) => a - b)) {
            const from = Math.max(target, filtered.slot);
            const want = expected.find(([slot]) => slot >= from && keep[slot] === 1);
            assert.equal(filtered.seek(target, keep), want !== undefined);
            if (!want) break;
            assert.equal(filtered.slot, want[0]);
            assert.deepEqual(positions(filtered), want[1]);
          }
          // A whole walk by next(keep): exactly the kept entries, read as they stand (has reads the
          // positions in order).
          const walk = new BigramCursor(blobs, true);
          const walked: Array<[number, number[]]> = [];
          while (walk.next(keep)) {
            walked.push([walk.slot, expected.find(([slot]) => slot === walk.slot)![1].filter((at) => walk.has(at))]);
          }
          assert.deepEqual(
            walked,
            expected.filter(([slot]) => keep[slot] === 1),
          );
          // A filtered decode jumps the same way: the kept entries, in each detail.
          const kept = expected.filter(([slot]) => keep[slot] === 1);
          assert.deepEqual(entriesOf(blobs, keep), kept);
          if (kept.length > 0) checked++;
          const zones = decodeBigrams(blobs, 'zones', undefined, keep);
          assert.deepEqual(
            [...zones.first!],
            kept.map(([, at]) => at[0]),
          );
          assert.deepEqual(
            [...zones.counts],
            kept.map(([, at]) => at.length),
          );
          assert.deepEqual(
            [...decodeBigrams(blobs, 'presence', undefined, keep).slots],
            kept.map(([slot]) => slot),
          );
        }
      }),
      { numRuns: 80 },
    );
    assert.ok(checked > 0, 'no list with a kept entry checked');
  });
});
