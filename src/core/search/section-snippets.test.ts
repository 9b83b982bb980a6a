import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IndexUnit, UnitKind } from '../index/contracts.js';
import { MemoryIndexSource } from '../index/memory-source.js';
import { buildSegment } from '../index/segment-builder.js';
import { tablesOf } from '../../testing/search-corpus.js';
import type { TermState } from './collect-hits.js';
import type { LibraryTables } from './library-tables.js';
import type { TermHits } from './match-term.js';
import { sectionOf, sectionUnits, snippets } from './section-snippets.js';

const LONG_HEADING = '三、' + '持续深化理论武装'.repeat(5);
/** One document: units 0 (title) to 6; units 3 and 5 are headings, unit 5 and after paid. */
const UNITS: Array<[UnitKind, string, number]> = [
  ['title', '理论学习工作总结', -1],
  ['opening', '今年以来开展理论学习。', -1],
  ['body', '组织集中学习十二次。', -1],
  ['heading', '二、加强宣讲', -1],
  ['body', '开展宣讲活动三十场。', -1],
  ['heading', LONG_HEADING, 0],
  ['body', '深化理论武装，推进学习。', 0],
];

describe('sections and snippets', () => {
  let t: LibraryTables;
  before(async () => {
    const units: IndexUnit[] = UNITS.map(([kind, text, paidFrom], ord) => ({
      docId: 1,
      ord,
      kind,
      level: 1,
      text,
      paidFrom,
    }));
    const source = new MemoryIndexSource();
    const meta = { id: 1, title: UNITS[0]![1], genre: null, year: null, publishedAt: null, tags: [], paid: true };
    source.addDocuments([meta]);
    source.addSegment(
      buildSegment(units, 0),
      units.map((u) => u.text),
    );
    t = await tablesOf(source);
  });
  const stateShowing = (term: string, unit: number): TermState => ({
    term,
    hits: null as unknown as TermHits,
    tf: new Float64Array(1),
    here: Uint8Array.of(1),
    entry: new Int32Array(0),
    best: Int32Array.of(unit),
  });

  it('finds the heading a unit stands under; a heading stands under its parent, not its sibling', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((u) => sectionOf(t, u)),
      [-1, -1, -1, 3, -1, 5],
    );
  });

  it('names the sections of the units shown, those in the paid part only to a reader with access', () => {
    const states = [stateShowing('宣讲', 4), stateShowing('学习', 6), stateShowing('理论', 0)];
    assert.deepEqual(sectionUnits(t, 0, states, false), [3, 5]);
    assert.deepEqual(sectionUnits(t, 0, states, true), [3]);
  });

  it('shows the title when it holds a term, then each term unit with its section shortened', () => {
    const states = [stateShowing('宣讲', 4), stateShowing('武装', 6)];
    const texts = new Map(UNITS.map(([, text], u) => [u, text]));
    const sections = new Map([
      [3, UNITS[3]![1]],
      [5, LONG_HEADING],
    ]);
    const shown = snippets(t, 0, states, ['宣讲', '武装', '理论'], texts, sections, false, false);
    assert.deepEqual(
      shown.map((s) => [s.ord, s.kind, s.section]),
      [
        [0, 'title', null],
        [4, 'body', '二、加强宣讲'],
        [6, 'body', `${LONG_HEADING.slice(0, 30)}…`],
      ],
    );
    // Without the title's terms, and for a reader who may see no paid text: unit 6 shows nothing.
    const free = snippets(t, 0, states, ['宣讲', '武装'], texts, sections, false, true);
    assert.deepEqual(
      free.map((s) => s.ord),
      [4],
    );
  });
});
