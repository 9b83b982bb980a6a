import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from '../normalize.js';
import {
  ANY_MARK,
  ANY_MARK_IN_SENTENCE,
  anyPunctuation,
  hasWildcard,
  indexOfTerm,
  isMark,
  marksOf,
  wildcardTerm,
} from './any-punctuation.js';
import { parseQuery } from './parse-query.js';

const W = String.fromCharCode(ANY_MARK);
const S = String.fromCharCode(ANY_MARK_IN_SENTENCE);
const mark = (c: string): boolean => isMark(normalizeText(c).charCodeAt(0));

describe('the marks any punctuation stands for', () => {
  it('are the Chinese and ASCII punctuation marks, quotes, brackets, dashes and the ellipsis', () => {
    for (const c of '，、；：。！？,;:.!?“”‘’「」『』《》〈〉（）()【】〔〕[]—–-～~…·/') assert.ok(mark(c), c);
  });

  it('are not characters, digits, letters, spaces, symbols or the unit separator', () => {
    for (const c of ['的', '党', '1', 'a', 'Ａ', ' ', '\u3000', '%', '●', '★', '#', '*', '\n']) {
      assert.ok(!mark(c), JSON.stringify(c));
    }
  });

  it('leave out the sentence ends in the sentence scope', () => {
    const inSentence = new Set(marksOf(ANY_MARK_IN_SENTENCE));
    for (const c of '。！？；!?;') assert.ok(!inSentence.has(normalizeText(c).charCodeAt(0)), c);
    for (const c of '，、：“”') assert.ok(inSentence.has(normalizeText(c).charCodeAt(0)), c);
    assert.ok(marksOf(ANY_MARK).length > inSentence.size);
  });
});

describe('wildcardTerm', () => {
  it('makes each mark of a term one wildcard, keeping its length', () => {
    assert.equal(wildcardTerm(normalizeText('学思想，强党性'), ANY_MARK), `学思想${W}强党性`);
    assert.equal(wildcardTerm(normalizeText('说：“要'), ANY_MARK), `说${W}${W}要`);
    assert.equal(wildcardTerm('强党性。', ANY_MARK), `强党性${W}`);
  });

  it('leaves a term of marks alone exact', () => {
    assert.equal(wildcardTerm(normalizeText('，。'), ANY_MARK), normalizeText('，。'));
    assert.equal(hasWildcard(wildcardTerm('……', ANY_MARK)), false);
  });

  it('is applied to included and excluded terms, excluded ones with every mark in the sentence scope', () => {
    const parsed = anyPunctuation(parseQuery('学思想，强党性 学思想、强党性 -党，政'), true);
    assert.deepEqual(parsed.include, [`学思想${S}强党性`]);
    assert.deepEqual(parsed.exclude, [`党${W}政`]);
  });
});

describe('indexOfTerm', () => {
  it('finds a term with wildcards where any mark stands, at the text’s own characters', () => {
    const text = normalizeText('我们学思想的强党性，也学思想、强党性。');
    const term = `学思想${W}强党性`;
    const at = indexOfTerm(text, term);
    assert.equal(text.slice(at, at + term.length), '学思想、强党性');
    assert.equal(indexOfTerm(text, term, at + 1), -1);
  });

  it('needs exactly one mark for each wildcard, and finds a leading wildcard', () => {
    const find = (text: string, term: string): number => indexOfTerm(normalizeText(text), term);
    assert.equal(find('学思想强党性', `学思想${W}强党性`), -1);
    assert.equal(find('学思想，“强党性', `学思想${W}强党性`), -1);
    assert.equal(find('学思想，“强党性', `学思想${W}${W}强党性`), 0);
    assert.equal(find('强党性', `${W}强党性`), -1);
    assert.equal(find('，强党性', `${W}强党性`), 0);
    assert.equal(find('学思想。强党性', `学思想${S}强党性`), -1);
    assert.equal(find('学思想：强党性', `学思想${S}强党性`), 0);
  });

  it('is indexOf for a term without wildcards', () => {
    assert.equal(indexOfTerm('学思想，强党性', '，强'), 3);
  });
});
