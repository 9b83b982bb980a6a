import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNIT_KINDS, type IndexUnit } from './contracts.js';
import { segmentLayout } from './segment-layout.js';

describe('segmentLayout', () => {
  const unit = (docId: number, ord: number, kind: IndexUnit['kind'], level: number, text: string, paidFrom = -1) =>
    ({ docId, ord, kind, level, text, paidFrom }) satisfies IndexUnit;

  it('starts a slot at every title and at the first unit, and tables every unit', () => {
    const units = [
      // A batch may open inside a document: its first unit still starts a slot.
      unit(4, 2, 'body', 0, '正文'),
      unit(5, 0, 'title', 0, '标题', 0),
      unit(5, 1, 'heading', 3, '一、', 1),
      unit(6, 0, 'title', 0, ''),
      unit(6, 1, 'heading', 20, '深层'),
    ];
    const layout = segmentLayout(units);
    assert.deepEqual(layout.slotStarts, [0, 1, 3]);
    assert.deepEqual([...layout.unitDoc], [4, 5, 5, 6, 6]);
    assert.deepEqual([...layout.unitPaidFrom], [-1, 0, 1, -1, -1]);
    assert.deepEqual([...layout.unitLength], [2, 2, 2, 0, 2]);
    const kind = (k: IndexUnit['kind']): number => UNIT_KINDS.indexOf(k);
    // The kind in the low four bits, the level (at most 15) in the high four.
    const meta = [kind('body'), kind('title'), kind('heading') | 0x30, kind('title'), kind('heading') | 0xf0];
    assert.deepEqual([...layout.unitMeta], meta);
  });
});
