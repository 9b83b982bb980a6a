import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mendSplitSpans } from './split-spans.js';

describe('mendSplitSpans', () => {
  it('moves the tail of a paid notice cut by a line break onto the line it was cut from', () => {
    const mended = mendSplitSpans(['　　要坚持城乡统筹、宜居【剩余内容请开通', '会员后查看】宜业，形成布局。']);
    assert.deepEqual(
      mended.map((l) => l.text),
      ['　　要坚持城乡统筹、宜居【剩余内容请开通会员后查看】', '宜业，形成布局。'],
    );
    // The width is the line's on the page, before the tail moved onto it.
    assert.equal(mended[0]!.width, '要坚持城乡统筹、宜居【剩余内容请开通'.length);
  });

  it('drops a line that held only the tail, so the paragraph does not end there', () => {
    const mended = mendSplitSpans(['正文内容【剩余内容请开通会员', '后查看】', '下一行正文。']);
    assert.deepEqual(
      mended.map((l) => l.text),
      ['正文内容【剩余内容请开通会员后查看】', '下一行正文。'],
    );
  });

  it('leaves every other bracket cut by a line break as it is', () => {
    const lines = ['认真贯彻《中华人民共和国促进科技', '成果转化法》的规定。', '（以下简', '称规划）'];
    assert.deepEqual(
      mendSplitSpans(lines).map((l) => l.text),
      lines,
    );
  });
});
