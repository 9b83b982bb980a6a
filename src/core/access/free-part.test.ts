import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parsedDocument } from '../../testing/prepared-files.js';
import { effectiveFreeChars, hasPaidPart, storedHasPaidPart } from './free-part.js';

const ten = (c: string): string => c.repeat(10);

it("keeps the marker's boundary when the page had one", () => {
  assert.equal(effectiveFreeChars(parsedDocument('t', [ten('甲'), ten('乙')], 4)), 4);
});

it('frees the paragraphs within the first 30% of a document without a marker, ending at a paragraph end', () => {
  // Ten paragraphs of 10 characters: 109 characters with the line breaks; 30% is 32.7, three paragraphs end by 32.
  const doc = parsedDocument('t', [...'甲乙丙丁戊己庚辛壬癸'].map(ten), null);
  assert.equal(effectiveFreeChars(doc), 32);
  assert.equal(effectiveFreeChars(doc, 0.5), 54);
  assert.equal(effectiveFreeChars(doc, 1), null);
});

it('frees the first paragraph at least, and a one-paragraph document whole', () => {
  assert.equal(effectiveFreeChars(parsedDocument('t', ['甲'.repeat(80), ten('乙')], null)), 80);
  assert.equal(effectiveFreeChars(parsedDocument('t', ['甲'.repeat(80)], null)), null);
  assert.equal(hasPaidPart(parsedDocument('t', ['甲'.repeat(80)], null)), false);
});

it('agrees with what a stored row says without its texts', () => {
  for (const paragraphs of [[ten('甲')], [ten('甲'), ten('乙')], ['一', '二', '三'.repeat(50)]]) {
    for (const free of [null, 3]) {
      const doc = parsedDocument('t', paragraphs, free);
      assert.equal(storedHasPaidPart(free, paragraphs.length), hasPaidPart(doc), JSON.stringify([paragraphs, free]));
    }
  }
});

it('does not end the free part on a heading', () => {
  const doc = parsedDocument('t', [ten('甲'), '一、标题', ten('乙'), ten('丙'), ten('丁'), ten('戊')], null);
  // 30% of 59 is 17.7: the heading ends at 15, within it; the free part ends before the heading, at 10.
  assert.equal(effectiveFreeChars(doc), 10);
});
