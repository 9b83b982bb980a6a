import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { IndexUnit } from '../index/contracts.js';
import { isBigram } from '../index/gram-keys.js';
import { buildSegment } from '../index/segment-builder.js';
import { listsOf } from '../../testing/posting-lists.js';
import { matchTerm, type InHeading, type TermHits } from './match-term.js';
import { keepResident, walkMaxLists } from './phrase-walk.js';
import { walkInWebAssembly } from './walked-phrase.js';

const codesOf = (text: string): Uint16Array => Uint16Array.from(text, (c) => c.charCodeAt(0));

type Doc = { title: string; parts: ReadonlyArray<{ heading: boolean; text: string }> };

/**
 * Posting lists of documents (title, then body paragraphs and headings), cut into segments of `perSegment`
 * documents: each gram's blobs in slot order.
 */
function libraryOf(docs: readonly Doc[], perSegment: number): Map<number, Uint8Array[]> {
  const blobs = new Map<number, Uint8Array[]>();
  let unitLo = 0;
  for (let from = 0; from < docs.length; from += perSegment) {
    const units: IndexUnit[] = docs.slice(from, from + perSegment).flatMap((d, i) => [
      { docId: from + i, ord: 0, kind: 'title' as const, level: 0, text: d.title, paidFrom: -1 },
      ...d.parts.map((p, k) => ({
        docId: from + i,
        ord: k + 1,
        kind: p.heading ? ('heading' as const) : ('body' as const),
        level: p.heading ? 1 : 0,
        text: p.text,
        paidFrom: -1,
      })),
    ]);
    for (const list of listsOf(buildSegment(units, unitLo, from).lists)) {
      if (isBigram(list.gram)) blobs.set(list.gram, [...(blobs.get(list.gram) ?? []), list.data]);
    }
    unitLo += units.length;
  }
  return blobs;
}

/** A term's hits as plain data: every column, and each hit's exact occurrences read through its reader. */
function plain(h: TermHits): unknown {
  const into = new Int32Array(4096);
  return {
    detail: h.detail,
    slots: [...h.slots],
    counts: [...h.counts],
    inTitle: h.inTitle && [...h.inTitle],
    inHeadings: h.inHeadings && [...h.inHeadings],
    first: h.first && [...h.first],
    posStart: h.posStart && [...h.posStart],
    positions: h.positions && [...h.positions],
    occurrences: h.reader
      ? Array.from({ length: h.length }, (_, i) => [...into.subarray(0, h.reader!.read(i, into))])
      : null,
  };
}

/** How many documents a walk's plain hits hold. */
const hitCount = (hits: unknown): number => (hits as { slots: number[] }).slots.length;

/**
 * Whether index-text offset `at` of document `slot` lies in a heading (its units joined by one separator each,
 * the title first).
 */
function headingsOf(docs: readonly Doc[]): InHeading {
  return (slot, at) => {
    let start = docs[slot]!.title.length + 1;
    for (const part of docs[slot]!.parts) {
      if (at < start + part.text.length) return at >= start && part.heading;
      start += part.text.length + 1;
    }
    return false;
  };
}

function bothWalks(
  codes: Uint16Array,
  blobs: Map<number, Uint8Array[]>,
  detail: 'presence' | 'zones' | 'positions' | 'headings',
  keep: Uint8Array | null = null,
  inHeading: InHeading | null = null,
): [unknown, unknown] {
  const wasm = plain(matchTerm(codes, blobs, detail, keep, inHeading));
  walkInWebAssembly(false);
  try {
    return [wasm, plain(matchTerm(codes, blobs, detail, keep, inHeading))];
  } finally {
    walkInWebAssembly(true);
  }
}

describe('the phrase walk in WebAssembly', () => {
  // Three characters make phrases repeat within and across documents, units and segments.
  const text = fc.stringMatching(/^[甲乙丙]{0,24}$/);
  const doc = fc.record({ title: text, parts: fc.array(fc.record({ heading: fc.boolean(), text }), { maxLength: 4 }) });

  // Nor does it read anything it was not given.
  it('finds nothing for a term one of whose bigrams no segment holds, filtered or not', () => {
    const docs = Array.from({ length: 16 }, (_, i) => ({
      title: '丙',
      parts: [{ heading: i % 2 === 0, text: '甲乙丙甲乙' }],
    }));
    const blobs = libraryOf(docs, 4);
    // First in this file, while the module's memory is as it starts. The first twelve slots left out: a walk
    // that read a bounds row of a list without blobs (the mask's bytes) scanned memory past its end from there.
    const keep = Uint8Array.from({ length: 16 }, (_, i) => (i < 12 ? 0 : 1));
    for (const term of ['丁戊', '甲乙丁', '丁甲乙', '丁戊己']) {
      for (const mask of [keep, null]) {
        for (const detail of ['presence', 'zones', 'positions', 'headings'] as const) {
          const inHeading = detail === 'headings' ? headingsOf(docs) : null;
          const [wasm, js] = bothWalks(codesOf(term), blobs, detail, mask, inHeading);
          assert.deepEqual(wasm, js, `${term} (${detail})`);
          assert.deepEqual((wasm as { slots: number[] }).slots, [], `${term} (${detail})`);
        }
      }
    }
  });

  // The documents, counts, zones, first positions, occurrences, positions and heading documents.
  it('finds what the JavaScript walk finds, filtered or not', () => {
    let found = 0;
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 5 }),
        // Two characters: a filtered count walks its one list.
        fc.stringMatching(/^[甲乙丙]{2,7}$/),
        fc.option(fc.uint8Array({ min: 0, max: 1, maxLength: 16 })),
        (docs, perSegment, term, keep) => {
          const blobs = libraryOf(docs, perSegment);
          for (const detail of ['presence', 'zones', 'positions', 'headings'] as const) {
            const inHeading = detail === 'headings' ? headingsOf(docs) : null;
            const [wasm, js] = bothWalks(codesOf(term), blobs, detail, keep, inHeading);
            assert.deepEqual(wasm, js, `${term} (${detail}, keep ${keep === null ? 'none' : [...keep].join('')})`);
            if (hitCount(js) > 0) found++;
          }
        },
      ),
      { numRuns: 300 },
    );
    assert.ok(found > 0, 'no walk found a document to compare');
  });

  // The mask is read eight slots at a time.
  it('stops at every kept document after a run of slots left out, whatever the length of the run', () => {
    // Every document holds both terms; the mask leaves out runs of 1 to 40 slots between kept ones, from
    // each start, so runs end at every offset within a word of eight.
    const docs = Array.from({ length: 96 }, () => ({ title: '丙', parts: [{ heading: false, text: '甲乙丙丁甲乙' }] }));
    const blobs = libraryOf(docs, 32);
    for (let gap = 1; gap <= 40; gap++) {
      for (let from = 0; from < 9; from++) {
        const keep = Uint8Array.from({ length: docs.length }, (_, i) =>
          i < from || (i - from) % (gap + 1) === gap ? 1 : 0,
        );
        const expected = [...keep.keys()].filter((i) => keep[i] === 1);
        for (const term of ['甲乙', '甲乙丙', '乙丙丁甲']) {
          const [wasm, js] = bothWalks(codesOf(term), blobs, 'presence', keep);
          assert.deepEqual(wasm, js, `${term}, gap ${gap} from ${from}`);
          assert.deepEqual((wasm as { slots: number[] }).slots, expected, `${term}, gap ${gap} from ${from}`);
        }
      }
    }
  });

  it('walks lists kept in its memory from earlier walks as lists copied in afresh, within the budget or not', () => {
    let found = 0;
    const docsArb = fc.array(doc, { minLength: 1, maxLength: 14 });
    const termsArb = fc.array(fc.stringMatching(/^[甲乙丙]{3,6}$/), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(docsArb, termsArb, fc.constantFrom(64, 4096, 32 << 20), (docs, terms, budget) => {
        // Each segment's blobs are walked again and again (each term twice), in a region that holds all of
        // them or few.
        const blobs = libraryOf(docs, 3);
        const jsHits = terms.map((t) => bothWalks(codesOf(t), blobs, 'zones')[1]);
        found += jsHits.filter((h) => hitCount(h) > 0).length;
        keepResident(budget);
        try {
          for (let round = 0; round < 2; round++) {
            terms.forEach((t, i) => {
              const hits = plain(matchTerm(codesOf(t), blobs, 'zones'));
              assert.deepEqual(hits, jsHits[i], `${t}, round ${round}, budget ${budget}`);
            });
          }
          const keep = Uint8Array.from({ length: docs.length }, (_, i) => i % 2);
          for (const t of terms) {
            assert.deepEqual(...bothWalks(codesOf(t), blobs, 'presence', keep), `${t} filtered, budget ${budget}`);
          }
        } finally {
          keepResident(32 << 20);
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(found > 0, 'no walk found a document to compare');
  });

  // Lists of many entries: skip tables sampled every 16th.
  it('jumps as the JavaScript walk does over lists of many entries, filtered in runs of slots or not', () => {
    const part = fc.record({ heading: fc.boolean(), text: fc.stringMatching(/^[甲乙丙丁]{0,12}$/) });
    const title = fc.stringMatching(/^[甲乙丙]{0,6}$/);
    const many = fc.array(fc.record({ title, parts: fc.array(part, { maxLength: 2 }) }), {
      minLength: 100,
      maxLength: 400,
    });
    // A filter's mask in runs (as genre order lays a batch's documents), or none.
    const run = fc.record({ length: fc.integer({ min: 1, max: 200 }), on: fc.boolean() });
    const runs = fc.option(fc.array(run, { maxLength: 16 }), { freq: 1 });
    let found = 0;
    const terms = fc.constantFrom('甲乙丙', '乙丙丁', '丙丁甲乙', '丁甲乙', '甲乙丙丁甲');
    fc.assert(
      fc.property(many, fc.integer({ min: 40, max: 400 }), terms, runs, (docs, perSegment, term, mask) => {
        const blobs = libraryOf(docs, perSegment);
        const keep =
          mask === null
            ? null
            : Uint8Array.from(mask.flatMap((r) => Array.from({ length: r.length }, () => (r.on ? 1 : 0))));
        for (const detail of ['presence', 'zones', 'positions', 'headings'] as const) {
          const inHeading = detail === 'headings' ? headingsOf(docs) : null;
          const [wasm, js] = bothWalks(codesOf(term), blobs, detail, keep, inHeading);
          assert.deepEqual(wasm, js, `${term} (${detail})`);
          if (hitCount(js) > 0) found++;
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(found > 0, 'no walk found a document to compare');
  });

  it('lands a far jump right before the document sought, even the one its skip table samples', () => {
    // 甲乙 in every document, 乙丙 in a few: 甲乙丙 is led by 乙丙, and 甲乙 is sought by jumps. Its skip
    // table samples every 16th entry with the slot of the one before (15, 31, …): documents 31 and 95 sit there.
    const rare = new Set([3, 31, 95, 200, 299]);
    const docs = Array.from({ length: 300 }, (_, i) => ({
      title: '丁',
      parts: [{ heading: i % 2 === 0, text: rare.has(i) ? '丁甲乙丙丁' : '丁甲乙丁' }],
    }));
    const blobs = libraryOf(docs, 300);
    for (const detail of ['presence', 'zones', 'positions', 'headings'] as const) {
      const inHeading = detail === 'headings' ? headingsOf(docs) : null;
      const [wasm, js] = bothWalks(codesOf('甲乙丙'), blobs, detail, null, inHeading);
      assert.deepEqual(wasm, js, detail);
      assert.deepEqual((wasm as { slots: number[] }).slots, detail === 'headings' ? [200] : [...rare], detail);
    }
  });

  // A term longer than the walk takes is walked in JavaScript.
  it('agrees with the exact positions on a phrase in every document, whatever its length', () => {
    const long = '甲乙'.repeat(walkMaxLists() + 2);
    const docs = Array.from({ length: 40 }, (_, i) => ({
      title: i % 3 === 0 ? '甲乙丙' : '丙',
      parts: [{ heading: i % 2 === 0, text: `乙丙甲乙丙${'甲'.repeat(i % 5)}甲乙丙${i % 7 === 0 ? long : ''}` }],
    }));
    const blobs = libraryOf(docs, 8);
    for (const term of ['甲乙丙', '乙丙甲乙丙', long]) {
      const positions = matchTerm(codesOf(term), blobs, 'positions');
      const presence = matchTerm(codesOf(term), blobs, 'presence');
      assert.ok(positions.length > 0, `no document holds ${term.slice(0, 8)}`);
      assert.deepEqual([...presence.slots], [...positions.slots], term.slice(0, 8));
      const [wasm, js] = bothWalks(codesOf(term), blobs, 'zones');
      assert.deepEqual(wasm, js, term.slice(0, 8));
    }
  });
});
