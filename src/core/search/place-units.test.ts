import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { DocMeta, IndexUnit, UnitKind } from '../index/contracts.js';
import { MemoryIndexSource } from '../index/memory-source.js';
import { buildSegment } from '../index/segment-builder.js';
import { tablesOf } from '../../testing/search-corpus.js';
import type { LibraryTables } from './library-tables.js';
import { NEVER } from './library-tables.js';
import { place, Placement, unitAt } from './place-units.js';
import { scopeKinds } from './scope-kinds.js';

/** Two documents; the second's index text is "AB\nCDE\nFGHI\nJK" (units at 0, 3, 7, 12), paid from "H". */
const UNITS: Array<[number, UnitKind, number, string, number]> = [
  [1, 'title', 0, '标题', -1],
  [1, 'body', 0, '正文一段', -1],
  [2, 'title', 0, 'AB', -1],
  [2, 'heading', 1, 'CDE', -1],
  [2, 'body', 0, 'FGHI', 2],
  [2, 'heading', 2, 'JK', 0],
];

describe('placing occurrences in units', () => {
  let t: LibraryTables;
  before(async () => {
    const units: IndexUnit[] = UNITS.map(([docId, kind, level, text, paidFrom], i) => ({
      docId,
      ord: docId === 1 ? i : i - 2,
      kind,
      level,
      text,
      paidFrom,
    }));
    const meta = (id: number): DocMeta => ({
      id,
      title: '',
      genre: null,
      year: null,
      publishedAt: null,
      tags: [],
      paid: id === 2,
    });
    const source = new MemoryIndexSource();
    source.addDocuments([meta(1), meta(2)]);
    source.addSegment(
      buildSegment(units, 0),
      units.map((u) => u.text),
    );
    t = await tablesOf(source);
  });

  it('finds the unit holding each offset of a document (a separator counts with the unit before it)', () => {
    const d = 1;
    assert.equal(t.docUnitLo[d], 2);
    assert.equal(t.docPaidAt[d], 9);
    const expected = [2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5];
    assert.deepEqual(
      expected.map((_, at) => unitAt(t, d, at)),
      expected,
    );
    assert.deepEqual(
      [0, 2, 3, 5].map((at) => unitAt(t, 0, at)),
      [0, 0, 1, 1],
    );
  });

  it('weighs occurrences by their units, in the scope and level, before the paid offset', () => {
    const placed = new Placement();
    const all = scopeKinds('all');
    const at = Int32Array.of(-1, 0, 4, 7, 8, 9, 12);
    // Title 6, heading 3, body 1 + 1; the best unit is the title.
    assert.equal(place(t, placed, 1, at, 1, 5, 1, NEVER, true, all, undefined), 11);
    assert.equal(placed.best, 2);
    assert.equal(place(t, placed, 1, at, 2, 7, 1, NEVER, true, all, undefined), 3 + 1 + 1 + 1 + 3);
    assert.equal(placed.best, 3, 'the first unit of the highest weight');
    // Headings only, then level 2 only.
    assert.equal(place(t, placed, 1, at, 1, 7, 1, NEVER, true, scopeKinds('outline'), undefined), 6);
    assert.equal(place(t, placed, 1, at, 1, 7, 1, NEVER, true, scopeKinds('outline'), 2), 3);
    assert.equal(placed.best, 5);
    assert.equal(place(t, placed, 1, at, 4, 5, 1, NEVER, true, scopeKinds('title'), undefined), 0);
    assert.equal(placed.best, -1);
    // Paid from offset 9: a 1-character occurrence at 8 is free, one of 2 characters there is not.
    assert.equal(place(t, placed, 1, at, 1, 7, 1, t.docPaidAt[1]!, true, all, undefined), 6 + 3 + 1 + 1);
    assert.equal(place(t, placed, 1, at, 4, 7, 2, t.docPaidAt[1]!, true, all, undefined), 0);
    // Without placing units: the occurrences before the paid offset, counted.
    assert.equal(place(t, placed, 1, at, 1, 7, 1, t.docPaidAt[1]!, false, all, undefined), 4);
    assert.equal(place(t, placed, 1, at, 1, 7, 1, NEVER, false, scopeKinds('title'), undefined), 6);
  });
});
