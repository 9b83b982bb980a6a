import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNIT_SEPARATOR, type IndexUnit } from './contracts.js';
import { normalizationTable, normalizeText } from '../normalize.js';
import {
  IN_HEADING_ZONE,
  IN_TEXT,
  IN_TITLE_ZONE,
  countCodes,
  countRange,
  logBigrams,
  writeIndexText,
} from './index-text.js';

const unit = (ord: number, kind: IndexUnit['kind'], text: string, paidFrom = -1): IndexUnit => ({
  docId: 7,
  ord,
  kind,
  level: kind === 'heading' ? 1 : 0,
  text,
  paidFrom,
});

/** A document's index text as writeIndexText lays it: codes, zones and what it returns. */
function laid(units: IndexUnit[]): {
  text: string;
  zones: number[];
  paidAt: number;
  titleEnd: number;
  headings: number[];
} {
  const len = units.reduce((n, u) => n + u.text.length, units.length - 1);
  const codes = new Uint16Array(len + 3);
  const zones = new Uint8Array(len + 3);
  const { paidAt, titleEnd, headings } = writeIndexText(units, len, normalizationTable(), codes, zones);
  const text = String.fromCharCode(...codes.subarray(0, len));
  return { text, zones: [...zones.subarray(0, len)], paidAt, titleEnd, headings };
}

describe('the index text', () => {
  const doc = [
    unit(0, 'title', 'ＡＢ學'),
    unit(1, 'body', '正文'),
    unit(2, 'heading', '標題'),
    unit(3, 'body', '付费内容', 2),
  ];

  it('joins the normalized units by the separator, each position marked with its unit zone', () => {
    const { text, zones, titleEnd, headings } = laid(doc);
    const sep = String.fromCharCode(UNIT_SEPARATOR);
    assert.equal(text, doc.map((u) => normalizeText(u.text)).join(sep));
    assert.equal(text.slice(0, 2), 'ab');
    assert.equal(titleEnd, 3);
    assert.deepEqual(headings, [7, 9]);
    const T = IN_TITLE_ZONE;
    const H = IN_HEADING_ZONE;
    const B = IN_TEXT;
    // Separators keep the zone the array held (0 here).
    assert.deepEqual(zones, [T, T, T, 0, B, B, 0, H, H, 0, B, B, B, B]);
  });

  it('starts the paid part at the first paid unit, or at the end when none is', () => {
    assert.equal(laid(doc).paidAt, 10 + 2);
    assert.equal(laid([unit(0, 'title', '题'), unit(1, 'body', '全付费', 0), unit(2, 'body', '又', 0)]).paidAt, 2);
    const free = [unit(0, 'title', '题目'), unit(1, 'body', '正文')];
    assert.equal(laid(free).paidAt, 5);
  });

  it('counts the characters of a range and lists each once, never the separator', () => {
    const codes = Uint16Array.from('甲乙\n甲丙甲', (c) => c.charCodeAt(0));
    const count = new Uint32Array(65536);
    const touched = new Uint16Array(8);
    const distinct = countCodes(codes, codes.length, count, touched);
    assert.deepEqual(String.fromCharCode(...touched.subarray(0, distinct)), '甲乙丙');
    assert.deepEqual([count['甲'.charCodeAt(0)], count['乙'.charCodeAt(0)], count['丙'.charCodeAt(0)]], [3, 1, 1]);
    assert.equal(count[UNIT_SEPARATOR], 0);
    const into = new Uint32Array(65536);
    countRange(codes, 1, 5, into);
    const at = (c: string): number => into[c.charCodeAt(0)]!;
    assert.deepEqual([at('甲'), at('乙'), at('丙'), into[UNIT_SEPARATOR]], [1, 1, 1, 0]);
  });

  it('logs every bigram but those across a separator, with its slot and position · 4 + zone', () => {
    const codes = Uint16Array.from('甲乙\n丙丁戊', (c) => c.charCodeAt(0));
    const zones = Uint8Array.of(1, 1, 0, 2, 2, 0);
    const keys = new Int32Array(8).fill(-1);
    const slots = new Int32Array(8);
    const positions = new Int32Array(8);
    const rows = logBigrams(codes, zones, codes.length, 5, 2, keys, slots, positions);
    assert.equal(rows, 5);
    const key = (s: string): number => (s.charCodeAt(0) << 16) | s.charCodeAt(1);
    assert.deepEqual([...keys.subarray(0, 5)], [-1, -1, key('甲乙'), key('丙丁'), key('丁戊')]);
    assert.deepEqual([...slots.subarray(2, 5)], [5, 5, 5]);
    assert.deepEqual([...positions.subarray(2, 5)], [0 * 4 + 1, 3 * 4 + 2, 4 * 4 + 2]);
  });
});
