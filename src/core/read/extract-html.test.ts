import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { NOTICE_BODY, NOTICE_TITLE } from '../../testing/sample-text.js';
import { extractHtml } from './extract-html.js';

const paragraphs = (text: string): string =>
  text
    .split('\n')
    .map((l) => `<p>${l}</p>`)
    .join('\n');

/** A 范文 page: the date line in a box of its own above the text, which Readability drops. */
function page(fieldsBox: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${NOTICE_TITLE}_某某公文网</title></head><body>
<main><article><h1>${NOTICE_TITLE}</h1>${fieldsBox}
<div class="content">${paragraphs(body)}</div></article></main></body></html>`;
}

describe("an HTML page's own date line", () => {
  it('is read as the page date even when Readability drops its box, and recorded as removed', () => {
    const html = page(
      '<div class="top"><span>时间：2025-08-19 18:18:43</span> <span>阅读：47960</span></div>',
      NOTICE_BODY,
    );
    const doc = parseFile(extractHtml(html)).documents[0]!;
    assert.equal(doc.publishedAt, '2025-08-19 18:18:43');
    assert.ok(!documentText(doc).includes('47960'));
    assert.ok(doc.removed.some((r) => r.rule === 'site-meta' && r.text.includes('2025-08-19')));
  });

  it('leaves a line of fields the body holds where it is: it is content (会议时间：…)', () => {
    const body = `${NOTICE_BODY}\n会议时间：2025年3月5日\n请各单位按时参加。`;
    const doc = parseFile(extractHtml(page('', body))).documents[0]!;
    assert.ok(documentText(doc).includes('会议时间：2025年3月5日'));
    assert.equal(doc.publishedAt, null);
  });
});
