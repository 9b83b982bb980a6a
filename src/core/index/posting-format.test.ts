import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBigrams } from './decode-bigrams.js';
import { decodeUnigrams } from './decode-unigrams.js';
import {
  IN_HEADING,
  IN_PAID,
  IN_TITLE,
  SHORT_UNIGRAM,
  bigramLength,
  entryHead,
  shortPosition,
  unigramValue,
} from './posting-format.js';
import { VarintWriter } from './varint.js';

describe('posting wire format', () => {
  it('a unigram list written by hand from the encoders decodes to the entries it states', () => {
    const w = new VarintWriter();
    // Slot 0: short (one occurrence, no flags). Slot 2: 3 in the title, 1 before the paid part. Slot 5: 2,
    // both in headings. Slot 300: 4 with every flag, 2 free, 1 in a heading.
    w.write(entryHead(1, true));
    w.write(entryHead(2, false));
    w.write(unigramValue(3, IN_TITLE | IN_PAID));
    w.write(1);
    w.write(entryHead(3, false));
    w.write(unigramValue(2, IN_HEADING));
    w.write(2);
    w.write(entryHead(295, false));
    w.write(unigramValue(4, IN_TITLE | IN_PAID | IN_HEADING));
    w.write(2);
    w.write(1);
    const data = w.bytes();
    assert.deepEqual([...data], [3, 4, 27, 1, 6, 20, 2, (590 & 0x7f) | 0x80, 590 >> 7, 39, 2, 1]);
    assert.equal(unigramValue(1, 0), SHORT_UNIGRAM);
    const d = decodeUnigrams([data]);
    const entries = Array.from({ length: d.length }, (_, i) => [
      d.slots[i],
      d.counts[i],
      d.flags[i],
      d.freeCounts[i],
      d.inHeadings[i],
    ]);
    assert.deepEqual(entries, [
      [0, 1, 0, 1, 0],
      [2, 3, IN_TITLE | IN_PAID, 1, 0],
      [5, 2, IN_HEADING, 2, 2],
      [300, 4, IN_TITLE | IN_PAID | IN_HEADING, 2, 1],
    ]);
  });

  it('a bigram list written by hand decodes to its positions and zone counts, also with a padded first head', () => {
    const write = (padded: boolean): Uint8Array => {
      const w = new VarintWriter();
      // Slot 4: short, position 10 in a heading. Slot 9: positions 3 and 200 (gaps 3, 197: three bytes),
      // two in the title.
      if (padded) w.writePadded(entryHead(5, true));
      else w.write(entryHead(5, true));
      w.write(shortPosition(10, true));
      w.write(entryHead(5, false));
      w.write(bigramLength(3, true));
      w.write(2);
      w.write(0);
      w.write(3);
      w.write(197);
      return w.bytes();
    };
    assert.deepEqual([...write(false)], [11, 21, 10, 7, 2, 0, 3, (197 & 0x7f) | 0x80, 197 >> 7]);
    assert.equal(write(true).length, write(false).length + 4);
    for (const data of [write(false), write(true)]) {
      const d = decodeBigrams([data], 'positions');
      assert.deepEqual([...d.slots], [4, 9]);
      assert.deepEqual([...d.positions!], [10, 3, 200]);
      assert.deepEqual([...d.posStart!], [0, 1, 3]);
      const zones = decodeBigrams([data], 'zones');
      assert.deepEqual(
        [[...zones.inTitle!], [...zones.inHeadings!], [...zones.first!]],
        [
          [0, 2],
          [1, 0],
          [10, 3],
        ],
      );
    }
  });
});
