import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parsedDocument } from '../../testing/prepared-files.js';
import { outlineText, readerView } from './reader-view.js';

// Paragraphs: "开头一段。" (5) \n "一、主要做法" (6) \n "正文第一段内容。" (8) \n "正文第二段。" (6)
const paragraphs = ['开头一段。', '一、主要做法', '正文第一段内容。', '正文第二段。'];

it('gives a member everything, not truncated', () => {
  const view = readerView(parsedDocument('标题', paragraphs, 15), 'full');
  assert.deepEqual(
    view.paragraphs.map((p) => p.text),
    paragraphs,
  );
  assert.equal(view.truncated, false);
});

it('gives a guest the free paragraphs, the straddling one cut at the boundary', () => {
  // Free: 5 + 1 + 6 + 1 = 13 characters reach the start of paragraph 2; 3 more take "正文第".
  const view = readerView(parsedDocument('标题', paragraphs, 16), 'free');
  assert.deepEqual(
    view.paragraphs.map((p) => [p.index, p.text]),
    [
      [0, '开头一段。'],
      [1, '一、主要做法'],
      [2, '正文第'],
    ],
  );
  assert.equal(view.truncated, true);
  assert.equal(view.shownChars, 14);
  assert.equal(view.totalChars, 25);
});

it('ends at a paragraph boundary without an empty paragraph, and keeps the whole outline as a teaser', () => {
  const doc = parsedDocument('标题', ['开头。', '正文。', '一、会员部分的标题', '会员正文。'], 7);
  const view = readerView(doc, 'free');
  assert.deepEqual(
    view.paragraphs.map((p) => p.text),
    ['开头。', '正文。'],
  );
  assert.deepEqual(
    view.outline.map((o) => [o.text, o.free]),
    [['一、会员部分的标题', false]],
  );
  assert.equal(view.truncated, true);
});

it('gives a guest the default free share of a document without a marker, cut at a paragraph end', () => {
  // 5 + 1 + 6 + 1 + 8 + 1 + 6 = 28 characters: 30% is 8.4, so the first paragraph alone (5) is free.
  const view = readerView(parsedDocument('标题', paragraphs, null), 'free');
  assert.deepEqual(
    view.paragraphs.map((p) => p.text),
    ['开头一段。'],
  );
  assert.equal(view.truncated, true);
  assert.equal(readerView(parsedDocument('标题', paragraphs, null), 'full').paragraphs.length, 4);
});

it('treats a one-paragraph document without a marker as free for everyone', () => {
  const view = readerView(parsedDocument('标题', ['唯一的一段。'], null), 'free');
  assert.equal(view.paragraphs.length, 1);
  assert.equal(view.truncated, false);
});

it('keeps placeholders of the free text only, relative to their paragraph', () => {
  const doc = {
    ...parsedDocument('标题', ['XX局开头。', '会员部分XX县。'], 9),
    placeholders: [
      { text: 'XX局', offset: 0 },
      { text: 'XX县', offset: 11 },
    ],
  };
  const view = readerView(doc, 'free');
  assert.deepEqual(view.paragraphs[0]!.placeholders, [{ text: 'XX局', offset: 0 }]);
  assert.equal(view.paragraphs.length, 2);
  assert.deepEqual(view.paragraphs[1]!.placeholders, []);
  assert.equal(readerView(doc, 'full').paragraphs[1]!.placeholders[0]!.offset, 4);
});

it('drops a field only the paid part holds (a signature at the end), keeps one from outside the text', () => {
  const doc = {
    ...parsedDocument('标题', ['开头一段。', '正文。', '某某县人民政府办公室'], 9),
    signature: '某某县人民政府办公室',
    source: '某某日报',
  };
  const guest = readerView(doc, 'free');
  assert.equal(guest.signature, null);
  assert.equal(guest.source, '某某日报');
  assert.equal(readerView(doc, 'full').signature, '某某县人民政府办公室');
});

it('writes the outline as text indented by level', () => {
  assert.equal(
    outlineText([
      { level: 1, text: '一、总体要求' },
      { level: 2, text: '（一）指导思想' },
      { level: 1, text: '二、主要任务' },
    ]),
    '一、总体要求\n  （一）指导思想\n二、主要任务',
  );
});
