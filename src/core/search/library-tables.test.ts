import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexUnit } from '../index/contracts.js';
import { MemoryIndexSource } from '../index/memory-source.js';
import { buildSegment } from '../index/segment-builder.js';
import { makeCorpus, sourceOf, tablesOf } from '../../testing/search-corpus.js';
import { KIND } from './scope-kinds.js';
import { LibraryTables, NEVER } from './library-tables.js';

describe('LibraryTables', () => {
  const corpus = makeCorpus(21, 30, 0.5);

  it('holds each document: its units, length, title end, paid offset and time; dead slots own nothing', async () => {
    const t = await tablesOf(sourceOf(corpus, 3, 4));
    assert.equal(t.docs.length, corpus.length);
    assert.equal(t.lastDocId(), corpus[corpus.length - 1]!.meta.id);
    let totalLength = 0;
    corpus.forEach((doc, d) => {
      const units = doc.units;
      assert.equal(t.docIndex.get(doc.meta.id), d);
      assert.equal(t.docUnitHi[d]! - t.docUnitLo[d]!, units.length);
      const length = units.reduce((n, u) => n + u.text.length + 1, 0) - 1;
      assert.equal(t.docLength[d], length);
      totalLength += length;
      assert.equal(t.docTitleEnd[d], units[0]!.text.length);
      let start = 0;
      let paidAt = NEVER;
      units.forEach((u, i) => {
        const unit = t.docUnitLo[d]! + i;
        assert.equal(t.unitDoc[unit], d);
        assert.equal(t.unitKind[unit], KIND[u.kind]);
        assert.equal(t.unitLevel[unit], u.level);
        assert.equal(t.unitStart[unit], start);
        if (paidAt === NEVER && u.paidFrom >= 0) paidAt = start + u.paidFrom;
        start += u.text.length + 1;
      });
      assert.equal(t.docPaidAt[d], paidAt);
      assert.equal(t.docTime[d], Date.UTC(doc.meta.year!, 0, 1));
      assert.equal(t.docIds[d], doc.meta.id);
    });
    assert.equal(t.totalLength, totalLength);
    // Every fourth document is followed by a dead copy, its slot owned by no document.
    const slots = corpus.flatMap((_, d) => (d % 4 === 0 ? [d, -1] : [d]));
    assert.deepEqual([...t.slotDoc.subarray(0, slots.length)], slots);
    for (let u = 0; u < t.unitsLoaded; u++) {
      if (t.unitDoc[u]! < 0) continue;
      const d = t.unitDoc[u]!;
      assert.ok(u >= t.docUnitLo[d]! && u < t.docUnitHi[d]!);
    }
  });

  it('knows exactly which characters of each slot lie in a heading', async () => {
    const source = sourceOf(corpus, 2, 3);
    const t = await tablesOf(source);
    for (const s of await source.segments()) {
      for (let k = 0; k < s.slotUnitLo.length; k++) {
        const lo = s.slotUnitLo[k]!;
        const hi = k + 1 < s.slotUnitLo.length ? s.slotUnitLo[k + 1]! : s.unitHi;
        let at = 0;
        for (let u = lo; u < hi; u++) {
          const heading = t.unitKind[u] === KIND.heading;
          const length = s.unitLength[u - s.unitLo]!;
          for (let c = 0; c < length; c++) {
            assert.equal(t.inHeading(s.slotLo + k, at + c), heading, `slot ${s.slotLo + k} at ${at + c}`);
          }
          // The separator after a unit is in no heading.
          assert.equal(t.inHeading(s.slotLo + k, at + length), false);
          at += length + 1;
        }
      }
    }
  });

  it('loaded part by part, as refresh does, holds what one load holds', async () => {
    const whole = await tablesOf(sourceOf(corpus, 1));
    const source = new MemoryIndexSource();
    const parts = new LibraryTables();
    let unitLo = 0;
    for (const [from, to] of [
      [0, 10],
      [10, 11],
      [11, 30],
    ] as const) {
      const part = corpus.slice(from, to);
      source.addDocuments(part.map((d) => d.meta));
      const units: IndexUnit[] = part.flatMap((d) => d.units);
      source.addSegment(
        buildSegment(units, unitLo, from),
        units.map((u) => u.text),
      );
      unitLo += units.length;
      const segments = await source.segments(parts.unitsLoaded);
      parts.load(await source.documents(parts.lastDocId()), segments);
    }
    assert.equal(parts.docs.length, whole.docs.length);
    assert.equal(parts.unitsLoaded, whole.unitsLoaded);
    assert.equal(parts.totalLength, whole.totalLength);
    const n = whole.docs.length;
    const u = whole.unitsLoaded;
    const docKeys = ['docUnitLo', 'docUnitHi', 'docPaidAt', 'docLength', 'docTitleEnd', 'docTime', 'docIds'] as const;
    for (const key of docKeys) {
      assert.deepEqual([...parts[key].subarray(0, n)], [...whole[key].subarray(0, n)], key);
    }
    for (const key of ['unitDoc', 'unitKind', 'unitLevel', 'unitPaidFrom', 'unitStart'] as const) {
      assert.deepEqual([...parts[key].subarray(0, u)], [...whole[key].subarray(0, u)], key);
    }
    assert.deepEqual([...parts.slotDoc.subarray(0, n)], [...whole.slotDoc.subarray(0, n)]);
    for (let s = 0; s < n; s++) {
      for (let at = 0; at < whole.docLength[s]!; at++) assert.equal(parts.inHeading(s, at), whole.inHeading(s, at));
    }
  });
});
