import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { collectLineStats } from '../clean/line-stats.js';
import { parseFile } from './parse-file.js';

describe('parseFile', () => {
  it('reads items as top-level outline when a document has no numbered headings', () => {
    const doc = parseFile('某某总结\n\n开头段落。\n一是抓学习。学习内容。\n二是抓落实。落实内容。\n结尾段落。')
      .documents[0]!;
    assert.deepEqual(
      doc.outline.map((o) => [o.level, o.text]),
      [
        [1, '一是抓学习'],
        [1, '二是抓落实'],
      ],
    );
    assert.deepEqual(
      doc.paragraphs.map((p) => p.role),
      ['opening', 'heading', 'intro', 'heading', 'intro', 'closing'],
    );
  });

  it('does not treat inline items as outline', () => {
    const doc = parseFile('标题\n\n主要抓好以下工作：一是要学习。二是要落实。').documents[0]!;
    assert.equal(doc.outline.length, 0);
  });

  it('levels numbered headings by the standard order, whichever levels a document skips', () => {
    const doc = parseFile('标题\n（一）第一部分\n正文。\n1. 细项\n正文。\n（二）第二部分\n正文。').documents[0]!;
    assert.deepEqual(
      doc.outline.map((o) => o.level),
      [2, 3, 2],
    );
    const skipping = parseFile('标题\n一、总体要求\n正文。\n1. 细项\n正文。\n（1）小项\n正文。').documents[0]!;
    assert.deepEqual(
      skipping.outline.map((o) => o.level),
      [1, 3, 4],
    );
    const items = parseFile('标题\n开头。\n一是抓学习。正文。\n二是抓落实。正文。').documents[0]!;
    assert.deepEqual(
      items.outline.map((o) => o.level),
      [1, 1],
    );
  });

  it('does not join a short heading-like line with the next', () => {
    const doc = parseFile(
      '标题\n\n这是一段被截断的很长的正文内容，它在这里被网页排版硬生生地断\n开了，需要重新接上。\n短标题\n正文。',
    ).documents[0]!;
    assert.ok(documentText(doc).includes('硬生生地断开了'));
    assert.ok(doc.paragraphs.some((p) => p.text === '短标题'));
  });

  it('drops lines repeated across a batch of differently titled documents', () => {
    const footer = '好好学习天天向上，明天会更好';
    const texts = ['甲报告', '乙报告', '丙报告', '丁报告'].map(
      (t) => `${t}\n\n一、情况\n${t}的内容很充实，写了很多很多的工作，而且每篇文章都不一样，长度也足够长。\n${footer}`,
    );
    const stats = collectLineStats(texts);
    const doc = parseFile(texts[0]!, { lineStats: stats }).documents[0]!;
    assert.ok(!documentText(doc).includes(footer));
    assert.ok(doc.removed.some((r) => r.rule === 'boilerplate' && r.text === footer));
    assert.ok(doc.outline.length === 1, 'repeated headings are content');
  });

  it('uses the fallback title when the text has none', () => {
    const doc = parseFile('这是正文的第一句话。这是第二句。', { fallbackTitle: '文件名' }).documents[0]!;
    assert.equal(doc.title, '文件名');
    assert.equal(documentText(doc), '这是正文的第一句话。这是第二句。');
  });
});
