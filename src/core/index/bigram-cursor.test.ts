import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BigramCursor, decodeBigrams, isBigram, skipsOf } from './codec.js';
import type { IndexUnit } from './contracts.js';
import { buildSegment } from './segment-builder.js';
import { listsOf } from '../../testing/posting-lists.js';

// Few characters, so most bigrams are in many documents: long blobs, with skip tables of many pairs.
const unitText = fc.string({ unit: fc.constantFrom(...'党建学习教育工作'), minLength: 0, maxLength: 24 });

/**
 * Consecutive segments (slots continue) of one body unit a document; each bigram's blobs, one per segment
 * holding it.
 */
function blobsOf(batches: readonly string[][]): Map<number, Uint8Array[]> {
  let slotLo = 0;
  const byGram = new Map<number, Uint8Array[]>();
  for (const texts of batches) {
    const units = texts.map((text, docId): IndexUnit => ({
      docId,
      ord: 0,
      kind: 'body',
      level: 0,
      text,
      paidFrom: -1,
    }));
    const segment = buildSegment(units, 0, slotLo);
    slotLo = segment.slotHi;
    for (const p of listsOf(segment.lists)) {
      if (isBigram(p.gram)) byGram.set(p.gram, [...(byGram.get(p.gram) ?? []), p.data]);
    }
  }
  return byGram;
}

function entriesOf(blobs: Uint8Array[], keep: Uint8Array | null = null): Array<[number, number[]]> {
  const d = decodeBigrams(blobs, 'positions', undefined, keep);
  return Array.from({ length: d.length }, (_, i) => [
    d.slots[i]!,
    [...d.positions!.subarray(d.posStart![i]!, d.posStart![i + 1]!)],
  ]);
}

const batchesArb = fc.array(fc.array(unitText, { minLength: 1, maxLength: 150, size: 'max' }), {
  minLength: 1,
  maxLength: 4,
});
/** A keep mask: runs of kept and left-out slots (as a batch ordered by genre gives), or slots kept at random. */
const keepArb = fc.oneof(
  fc
    .array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 80 })), { minLength: 1, maxLength: 20, size: 'max' })
    .map((runs) => Uint8Array.from(runs.flatMap(([k, n]) => Array<number>(n).fill(k ? 1 : 0)))),
  fc
    .array(fc.boolean(), { minLength: 1, maxLength: 600, size: 'max' })
    .map((b) => Uint8Array.from(b, (k) => (k ? 1 : 0))),
);

describe('skip tables, jumping cursors and filtered decodes', () => {
  it("a blob's skip table pairs every 16th entry with the slot before it, ending at its last slot and length", () => {
    let checked = 0;
    fc.assert(
      fc.property(batchesArb, (batches) => {
        for (const blobs of blobsOf(batches).values()) {
          for (const blob of blobs) {
            // Where each entry starts, from a plain walk of this blob alone.
            const walk = new BigramCursor([blob]);
            const entries: Array<{ slot: number; head: number }> = [];
            while (walk.next()) entries.push({ slot: walk.slot, head: walk.head });
            const want: number[] = [];
            for (let e = 16; e < entries.length; e += 16) want.push(entries[e - 1]!.slot, entries[e]!.head);
            want.push(entries[entries.length - 1]!.slot, blob.length);
            assert.deepEqual([...skipsOf(blob)], want);
            assert.equal(skipsOf(blob), skipsOf(blob), 'made once a blob');
            checked++;
          }
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(checked > 0, 'no blob checked');
  });

  it('seeks, filtered walks and filtered decodes land where a plain walk does, with the same positions', () => {
    let checked = 0;
    const targetsArb = fc.array(fc.nat(700), { maxLength: 12, size: 'max' });
    const strideArb = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(batchesArb, targetsArb, strideArb, keepArb, (batches, randomTargets, stride, keep) => {
        for (const blobs of blobsOf(batches).values()) {
          const expected = entriesOf(blobs);
          // Some targets are slots entries stand at (a skip pair's slot among them, now and then).
          const strided = expected.filter((_, i) => i % stride === stride - 1).map(([slot]) => slot);
          const targets = [...randomTargets, ...strided];
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
          // A whole walk by next(keep): exactly the kept entries, read as they stand (has reads the positions in
          // order).
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
          if (kept.length > 0) checked++;
        }
      }),
      { numRuns: 80 },
    );
    assert.ok(checked > 0, 'no list with a kept entry checked');
  });
});
