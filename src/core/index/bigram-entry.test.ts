import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countIn, keepIn, lastEntry, positionsIn, readBigramEntry } from './bigram-entry.js';
import { bigramLength, entryHead, shortPosition } from './posting-format.js';
import { VarintWriter, varintSize } from './varint.js';

/** One entry read at `at`: its out-values and its positions. */
function read(data: Uint8Array, at: number): Record<string, number | number[]> {
  readBigramEntry(data, at);
  const into = new Int32Array(16);
  const n = positionsIn(data, lastEntry.from, lastEntry.to, into, 0, lastEntry.shift);
  // lastEntry holds what the call read.
  return {
    gap: lastEntry.gap,
    titles: lastEntry.titles,
    headings: lastEntry.headings,
    shift: lastEntry.shift,
    to: lastEntry.to,
    count: countIn(data, lastEntry.from, lastEntry.to),
    positions: [...into.subarray(0, n)],
  };
}

/** A long entry of these positions, zoned when titles + headings > 0. */
function writeLong(w: VarintWriter, gap: number, positions: number[], titles: number, headings: number): void {
  w.write(entryHead(gap, false));
  const gaps = positions.map((p, i) => p - (i > 0 ? positions[i - 1]! : 0));
  const zoned = titles + headings > 0;
  w.write(
    bigramLength(
      gaps.reduce((n, g) => n + varintSize(g), 0),
      zoned,
    ),
  );
  if (zoned) {
    w.write(titles);
    w.write(headings);
  }
  for (const g of gaps) w.write(g);
}

describe('bigram entries', () => {
  it('read short, long and zoned entries: gap, zone counts, shift, end and positions', () => {
    const w = new VarintWriter();
    w.write(entryHead(3, true));
    w.write(shortPosition(300, true));
    const second = w.length;
    writeLong(w, 200, [5, 9, 200], 1, 2);
    const third = w.length;
    writeLong(w, 1, [0, 70_000], 0, 0);
    const fourth = w.length;
    w.write(entryHead(1, true));
    w.write(shortPosition(7, false));
    const data = w.bytes();
    assert.deepEqual(read(data, 0), { gap: 3, titles: 0, headings: 1, shift: 1, to: 3, count: 1, positions: [300] });
    assert.deepEqual(read(data, second), {
      gap: 200,
      titles: 1,
      headings: 2,
      shift: 0,
      to: third,
      count: 3,
      positions: [5, 9, 200],
    });
    const plain = { gap: 1, titles: 0, headings: 0 };
    assert.deepEqual(read(data, third), { ...plain, shift: 0, to: fourth, count: 2, positions: [0, 70_000] });
    assert.deepEqual(read(data, fourth), { ...plain, shift: 1, to: data.length, count: 1, positions: [7] });
  });

  it("keep, in order, the starts whose start + offset is a position, also through a short entry's shift", () => {
    const w = new VarintWriter();
    writeLong(w, 1, [5, 9, 200], 0, 0);
    w.write(entryHead(1, true));
    w.write(shortPosition(200, true));
    const data = w.bytes();
    readBigramEntry(data, 0);
    const starts = Int32Array.from([3, 4, 8, 100, 199, 300]);
    assert.equal(keepIn(data, lastEntry.from, lastEntry.to, lastEntry.shift, starts, 6, 1), 3);
    assert.deepEqual([...starts.subarray(0, 3)], [4, 8, 199]);
    const none = Int32Array.from([5, 9]);
    assert.equal(keepIn(data, lastEntry.from, lastEntry.to, lastEntry.shift, none, 2, 1), 0);
    readBigramEntry(data, lastEntry.to);
    const short = Int32Array.from([100, 198, 200]);
    assert.equal(keepIn(data, lastEntry.from, lastEntry.to, lastEntry.shift, short, 3, 0), 1);
    assert.equal(short[0], 200);
    assert.equal(keepIn(data, lastEntry.from, lastEntry.to, lastEntry.shift, short, 0, 0), 0, 'no starts');
  });
});
