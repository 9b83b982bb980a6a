import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IndexUnit } from '../index/contracts.js';
import { isBigram } from '../index/gram-keys.js';
import { buildSegment } from '../index/segment-builder.js';
import { listsOf } from '../../testing/posting-lists.js';
import { matchTerm } from './match-term.js';

const codesOf = (text: string): Uint16Array => Uint16Array.from(text, (c) => c.charCodeAt(0));
const starts = (text: string, term: string): number[] => [...text.matchAll(new RegExp(term, 'g'))].map((m) => m.index);
const bodies = (texts: string[]): IndexUnit[] =>
  texts.map((text, docId) => ({ docId, ord: 0, kind: 'body', level: 0, text, paidFrom: -1 }));

describe('matchTerm through the cheapest cover', () => {
  // 群众 in every document, 众办 in few: 我为群众办实事 is read around 群众. 主题 and 教育 in many documents,
  // 题教 in few: 主题教育 is led by 题教, outside its cover.
  const texts = [
    '我为群众办实事，群众满意',
    '群众路线，为群众办事',
    '群众办实事我为群众',
    '我为群众办实事我为群众办实事',
    '为群众办实',
    '群众',
    ...Array.from({ length: 12 }, (_, i) => (i % 4 === 0 ? '开展主题教育，主题鲜明' : '突出主题，抓好教育，教育群众')),
  ];
  const blobs = new Map<number, Uint8Array[]>();
  for (const p of listsOf(buildSegment(bodies(texts), 0, 0).lists)) {
    if (isBigram(p.gram)) blobs.set(p.gram, [p.data]);
  }
  const terms = ['我为群众办实事', '为群众办实', '群众办实事', '我为群众办', '众办实事我为群', '为群众办事'];
  terms.push('群众满意', '主题教育', '展主题教育', '主题鲜明', '抓好教育');

  it('finds exactly the occurrences a scan finds, whichever bigrams it reads', () => {
    for (const term of terms) {
      const expected = texts.map((t, slot) => ({ slot, at: starts(t, term) })).filter((d) => d.at.length > 0);
      const positions = matchTerm(codesOf(term), blobs, 'positions');
      assert.deepEqual(
        [...positions.slots],
        expected.map((d) => d.slot),
        term,
      );
      assert.deepEqual(
        [...positions.positions!],
        expected.flatMap((d) => d.at),
        term,
      );
      assert.deepEqual(
        [...matchTerm(codesOf(term), blobs, 'presence').slots],
        expected.map((d) => d.slot),
        term,
      );
      const zones = matchTerm(codesOf(term), blobs, 'zones');
      const into = new Int32Array(64);
      const read = expected.map((_, i) => [...into.subarray(0, zones.reader!.read(i, into))]);
      assert.deepEqual(
        read,
        expected.map((d) => d.at),
        term,
      );
    }
  });
});

describe('matchTerm of one and two characters', () => {
  const texts = ['甲乙甲', '乙丙', '甲乙丙甲乙', '丙丙', '乙甲乙'];
  const blobs = new Map<number, Uint8Array[]>();
  for (const p of listsOf(buildSegment(bodies(texts), 0, 0).lists)) blobs.set(p.gram, [p.data]);
  const holding = (term: string): number[] => texts.flatMap((t, slot) => (t.includes(term) ? [slot] : []));

  it('reads a character from its unigram list: its documents, or its counts', () => {
    assert.deepEqual([...matchTerm(codesOf('甲'), blobs, 'presence').slots], holding('甲'));
    const counts = matchTerm(codesOf('甲'), blobs, 'zones');
    assert.equal(counts.detail, 'positions');
    assert.deepEqual([...counts.slots], holding('甲'));
    assert.deepEqual(
      [...counts.counts],
      holding('甲').map((s) => starts(texts[s]!, '甲').length),
    );
  });

  it('reads two characters from their bigram list, filtered or not', () => {
    const into = new Int32Array(16);
    const zones = matchTerm(codesOf('甲乙'), blobs, 'zones');
    assert.deepEqual([...zones.slots], holding('甲乙'));
    assert.equal(zones.exact, true);
    const read = holding('甲乙').map((_, i) => [...into.subarray(0, zones.reader!.read(i, into))]);
    assert.deepEqual(
      read,
      holding('甲乙').map((s) => starts(texts[s]!, '甲乙')),
    );
    const keep = Uint8Array.of(0, 1, 1, 1, 0);
    const kept = holding('乙丙').filter((s) => keep[s] === 1);
    assert.deepEqual([...matchTerm(codesOf('乙丙'), blobs, 'presence', keep).slots], kept);
    assert.deepEqual([...matchTerm(codesOf('乙丙'), blobs, 'positions', keep).slots], kept);
  });

  it("refuses detail 'headings' without knowing where headings lie", () => {
    assert.throws(() => matchTerm(codesOf('甲乙丙'), blobs, 'headings'), /inHeading/);
  });
});
