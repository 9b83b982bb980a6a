import assert from 'node:assert/strict';
import { it } from 'node:test';
import { MAX_SEGMENTS, nextMerge, type SegmentSize } from './merge-plan.js';

const segments = (...sizes: number[]): SegmentSize[] => sizes.map((size, i) => ({ id: 10 + i, size }));

/** Runs the plan as compaction does (merge, plan again) after each batch; the segment sizes left. */
function compactEach(batches: readonly number[]): number[] {
  let live: SegmentSize[] = [];
  for (const size of batches) {
    live.push({ id: live.length === 0 ? 0 : Math.max(...live.map((s) => s.id)) + 1, size });
    for (let run = nextMerge(live); run; run = nextMerge(live)) {
      const at = live.findIndex((s) => s.id === run![0]);
      const merged = live.slice(at, at + run.length);
      assert.deepEqual(
        merged.map((s) => s.id),
        run,
        'a merge takes adjacent segments in order',
      );
      const size = merged.reduce((n, s) => n + s.size, 0);
      live = [...live.slice(0, at), { id: run[0]!, size }, ...live.slice(at + run.length)];
    }
  }
  return live.map((s) => s.size);
}

it('merges the newest four segments when they are within twice each other’s size', () => {
  assert.deepEqual(nextMerge(segments(500, 10, 10, 20, 15)), [11, 12, 13, 14]);
  // Three are not enough; a fourth more than twice the smallest is not similar.
  assert.equal(nextMerge(segments(10, 10, 10)), null);
  assert.equal(nextMerge(segments(10, 10, 21, 10)), null);
  // Empty segments count as size 1.
  assert.deepEqual(nextMerge(segments(0, 0, 2, 1)), [10, 11, 12, 13]);
  assert.equal(nextMerge(segments(0, 0, 3, 1)), null);
  assert.equal(nextMerge([]), null);
});

it('past the segment cap merges the smallest adjacent pair, the first of equal ones', () => {
  // Each a quarter of the one before: no four are similar.
  const sizes = Array.from({ length: MAX_SEGMENTS }, (_, i) => 4 ** (MAX_SEGMENTS - i));
  assert.equal(nextMerge(segments(...sizes)), null);
  const over = segments(...sizes, 1);
  // The smallest adjacent pair is the last two.
  assert.deepEqual(nextMerge(over), [10 + MAX_SEGMENTS - 1, 10 + MAX_SEGMENTS]);
  const ties = segments(100, 100, ...Array<number>(MAX_SEGMENTS - 4).fill(1000), 100, 100, 1000, 3000);
  assert.deepEqual(nextMerge(ties), [10, 11]);
});

it('works as a base-4 counter over equal batches, and keeps the count at the cap over shrinking ones', () => {
  assert.deepEqual(compactEach(Array(16).fill(100)), [1600]);
  assert.deepEqual(compactEach(Array(23).fill(100)), [1600, 400, 100, 100, 100]);
  // Each batch less than half the one before: never four similar, so only the cap merges.
  const batches = Array.from({ length: 40 }, (_, i) => 2 ** (40 - i));
  const shrinking = compactEach(batches);
  assert.equal(shrinking.length, MAX_SEGMENTS);
  const total = (sizes: readonly number[]): number => sizes.reduce((n, s) => n + s, 0);
  assert.equal(total(shrinking), total(batches));
});
