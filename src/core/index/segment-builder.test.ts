import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BigramCursor } from './bigram-cursor.js';
import { decodeBigrams, ownBigrams } from './decode-bigrams.js';
import { DecodeScratch } from './decode-scratch.js';
import { decodeUnigramSlots, decodeUnigrams } from './decode-unigrams.js';
import { isBigram } from './gram-keys.js';
import { IN_HEADING, IN_TITLE } from './posting-format.js';
import { type IndexUnit } from './contracts.js';
import { buildSegment } from './segment-builder.js';
import {
  bigramEntries,
  bodyUnits,
  entriesOf,
  segmentUnitText,
  unigramEntries,
} from '../../testing/segment-fixtures.js';
import { listsOf, type ListView } from '../../testing/posting-lists.js';

const unitText = segmentUnitText;

describe('segment lists, as the builder writes them', () => {
  // Or only those with it in a heading, and how often.
  it("gives a unigram's documents with their counts as the whole entries say", () => {
    const kinds = ['title', 'heading', 'body', 'heading', 'body'] as const;
    let inHeadingsChecked = 0;
    const docsArb = fc.array(fc.array(unitText, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(docsArb, fc.integer({ min: 1, max: 3 }), fc.nat(), (docs, segments, paidSeed) => {
        const units: IndexUnit[] = docs.flatMap((texts, docId) =>
          texts.map((text, ord) => ({
            docId,
            ord,
            kind: kinds[ord]!,
            level: kinds[ord] === 'heading' ? 1 : 0,
            text,
            paidFrom: (docId + paidSeed) % 3 === 0 && ord === 4 ? text.length >> 1 : -1,
          })),
        );
        // The documents in `segments` segments, each list's blobs in slot order.
        const blobs = new Map<number, Uint8Array[]>();
        const per = Math.ceil(docs.length / segments);
        for (let from = 0; from < docs.length; from += per) {
          const part = units.filter((u) => u.docId >= from && u.docId < from + per).map((u) => ({ ...u }));
          for (const p of listsOf(buildSegment(part, 0, from).lists)) {
            if (!isBigram(p.gram)) blobs.set(p.gram, [...(blobs.get(p.gram) ?? []), p.data]);
          }
        }
        // Longer lists last, each read by slots first: the decoders' scratch arrays grow along the way.
        for (const list of [...blobs.values()].sort((a, b) => a[0]!.length - b[0]!.length)) {
          const all = decodeUnigramSlots(list, false);
          const whole = decodeUnigrams(list);
          assert.deepEqual([...all.slots], [...whole.slots]);
          assert.deepEqual([...all.counts], [...whole.counts]);
          const inHeadings = decodeUnigramSlots(list, true);
          const expected = [...whole.slots].map((slot, i) => [slot, whole.inHeadings[i]!]).filter(([, n]) => n! > 0);
          assert.deepEqual(
            [...inHeadings.slots].map((slot, i) => [slot, inHeadings.counts[i]]),
            expected,
          );
          assert.equal(whole.flags.length, whole.length);
          if (expected.length > 0) inHeadingsChecked++;
        }
      }),
      { numRuns: 150 },
    );
    assert.ok(inHeadingsChecked > 0, 'no list with a document in a heading checked');
    // A list longer than any decoded before, read by slots first: both decoders grow their arrays for it.
    const many: IndexUnit[] = Array.from({ length: 20_000 }, (_, docId) => ({
      docId,
      ord: 0,
      kind: docId % 3 ? 'body' : 'heading',
      level: 0,
      text: '党建'.repeat(1 + (docId % 2)),
      paidFrom: -1,
    }));
    const long = [listsOf(buildSegment(many, 0, 0).lists).find((p) => p.gram === '党'.charCodeAt(0))!.data];
    assert.equal(decodeUnigramSlots(long, true).length, Math.ceil(20_000 / 3));
    const whole = decodeUnigrams(long);
    assert.equal(whole.length, 20_000);
    assert.deepEqual(
      [whole.flags.length, whole.inHeadings.length, whole.inHeadings[3], whole.counts[3]],
      [20_000, 20_000, 2, 2],
    );
  });

  it('lists each document once per gram, with positions in its index text and title/paid flags', () => {
    const units: IndexUnit[] = [
      { docId: 0, ord: 0, kind: 'title', level: 0, text: '党建', paidFrom: -1 },
      { docId: 0, ord: 1, kind: 'body', level: 0, text: '抓党建促发展', paidFrom: 3 },
      { docId: 1, ord: 0, kind: 'title', level: 0, text: '发展', paidFrom: -1 },
    ];
    const segment = buildSegment(units, 0, 0);
    const list = (gram: number): Uint8Array => listsOf(segment.lists).find((p) => p.gram === gram)!.data;
    const dang = decodeUnigrams([list('党'.charCodeAt(0))]);
    assert.deepEqual([...dang.slots.subarray(0, dang.length)], [0]);
    assert.deepEqual([dang.counts[0], dang.flags[0], dang.freeCounts[0]], [2, 1, 2]);
    const fa = decodeUnigrams([list('发'.charCodeAt(0))]);
    assert.deepEqual([...fa.slots.subarray(0, fa.length)], [0, 1]);
    // "发" of 抓党建促发展 is at offset 3 + 4 = 7, past the paid boundary at 3 + 3 = 6.
    assert.deepEqual([fa.counts[0], fa.flags[0], fa.freeCounts[0]], [1, 2, 0]);
    // "促" stands right at the boundary (paid), "建" once before it in the body and once in the title.
    const cu = decodeUnigrams([list('促'.charCodeAt(0))]);
    assert.deepEqual([cu.counts[0], cu.flags[0], cu.freeCounts[0]], [1, 2, 0]);
    const jian = decodeUnigrams([list('建'.charCodeAt(0))]);
    assert.deepEqual([jian.counts[0], jian.flags[0], jian.freeCounts[0]], [2, 1, 2]);
    const dangjian = decodeBigrams([list(65536 + '党'.charCodeAt(0) * 65536 + '建'.charCodeAt(0))], 'positions');
    assert.deepEqual([...dangjian.positions!.subarray(0, 2)], [0, 4]);
    assert.equal(
      listsOf(segment.lists).some((p) => p.gram === 65536 + '建'.charCodeAt(0) * 65536 + 10),
      false,
    );
  });

  // As position · 2 + 1: heading counts for every entry, positions unchanged.
  it("marks a short entry's one position when it lies in a heading", () => {
    const units: IndexUnit[] = [
      { docId: 0, ord: 0, kind: 'title', level: 0, text: '丁', paidFrom: -1 },
      { docId: 0, ord: 1, kind: 'heading', level: 1, text: '甲乙', paidFrom: -1 },
      { docId: 1, ord: 0, kind: 'title', level: 0, text: '丁', paidFrom: -1 },
      { docId: 1, ord: 1, kind: 'body', level: 0, text: `${'丙'.repeat(100)}甲乙`, paidFrom: -1 },
    ];
    const jiayi = 65536 + '甲'.charCodeAt(0) * 65536 + '乙'.charCodeAt(0);
    const data = listsOf(buildSegment(units, 0, 0).lists).find((p) => p.gram === jiayi)!.data;
    // Slot 0: head 1 · 2 + 1, position 2 (after 丁 and the separator) · 2 + 1. Slot 1: head, 102 · 2 (two bytes).
    assert.deepEqual([...data], [3, 5, 3, (204 & 0x7f) | 0x80, 204 >> 7]);
    assert.deepEqual(bigramEntries([data]), [
      [0, [2]],
      [1, [102]],
    ]);
    const zones = decodeBigrams([data], 'zones');
    assert.deepEqual(
      [[...zones.first!], [...zones.inHeadings!], [...zones.inTitle!]],
      [
        [2, 102],
        [1, 0],
        [0, 0],
      ],
    );
    const cursor = new BigramCursor([data]);
    const seen: Array<[number, number, number, boolean]> = [];
    while (cursor.next()) {
      seen.push([cursor.slot, cursor.headings, cursor.nextPosition(), cursor.has(cursor.slot === 0 ? 2 : 102)]);
    }
    assert.deepEqual(seen, [
      [0, 1, 2, true],
      [1, 0, 102, true],
    ]);
  });

  // A longer one states its positions' bytes and, when any lie in the title or a heading, how many.
  it('writes a single occurrence as a short entry (one head byte, its position)', () => {
    const units: IndexUnit[] = [
      { docId: 0, ord: 0, kind: 'title', level: 0, text: '甲乙', paidFrom: -1 },
      { docId: 1, ord: 0, kind: 'title', level: 0, text: '甲乙', paidFrom: -1 },
      { docId: 1, ord: 1, kind: 'heading', level: 1, text: '甲乙', paidFrom: -1 },
      { docId: 2, ord: 0, kind: 'title', level: 0, text: '丁', paidFrom: -1 },
      { docId: 2, ord: 1, kind: 'body', level: 0, text: `甲乙${'丙'.repeat(200)}甲乙`, paidFrom: -1 },
    ];
    const segment = buildSegment(units, 0, 0);
    const list = (gram: number): Uint8Array => listsOf(segment.lists).find((p) => p.gram === gram)!.data;
    const jiayi = 65536 + '甲'.charCodeAt(0) * 65536 + '乙'.charCodeAt(0);
    // Slot 0: head (gap 1 · 2 + short), position 0.
    // Slot 1: head (gap 1 · 2), 2 bytes of positions · 2 + zoned, 1 in the title, 1 in a heading; 0, +3.
    // Slot 2: head, 3 bytes · 2 (no zones): 2 (after 丁 and the separator), +202 (two bytes).
    assert.deepEqual([...list(jiayi)], [3, 0, 2, 5, 1, 1, 0, 3, 2, 6, 2, (202 & 0x7f) | 0x80, 202 >> 7]);
    assert.deepEqual(bigramEntries([list(jiayi)]), [
      [0, [0]],
      [1, [0, 3]],
      [2, [2, 204]],
    ]);
    const zones = decodeBigrams([list(jiayi)], 'zones');
    assert.deepEqual([...zones.counts], [1, 2, 2]);
    // Slot 0's one occurrence lies in the title, which its position says: no heading bit, title count 0.
    assert.deepEqual([...zones.inTitle!], [0, 1, 0]);
    assert.deepEqual([...zones.inHeadings!], [0, 1, 0]);
    assert.deepEqual([...zones.first!], [0, 0, 2]);
    assert.equal(zones.positions, null);
    const present = decodeBigrams([list(jiayi)], 'presence');
    assert.deepEqual([...present.slots], [0, 1, 2]);
    assert.deepEqual([...present.counts], [1, 1, 1]);
    // 乙 once in the title of slot 0 is flagged (not short); in slot 1's title and heading, flagged both
    // ways, with its one occurrence in a heading; twice in slot 2's body is not short either.
    const yi = list('乙'.charCodeAt(0));
    assert.deepEqual(unigramEntries([yi]), [
      [0, 1, IN_TITLE, 1, 0],
      [1, 2, IN_TITLE | IN_HEADING, 2, 1],
      [2, 2, 0, 2, 0],
    ]);
    // Slot 0: head (gap 1 · 2), 1 · 8 + IN_TITLE. Slot 1: head, 2 · 8 + IN_TITLE + IN_HEADING, 1 in headings.
    // Slot 2: head, 2 · 8.
    assert.deepEqual([...yi], [2, 9, 2, 21, 1, 2, 16]);
    // 丁 once in slot 2's title; 丙 in its body only, 200 times.
    assert.deepEqual(unigramEntries([list('丁'.charCodeAt(0))]), [[2, 1, IN_TITLE, 1, 0]]);
    assert.deepEqual(unigramEntries([list('丙'.charCodeAt(0))]), [[2, 200, 0, 200, 0]]);
  });

  it('decodes into a reused scratch exactly as into fresh arrays; an owned copy outlives the next decode', () => {
    let checked = 0;
    const textsArb = fc.array(unitText, { minLength: 1, maxLength: 12 });
    const bigramsOf = (texts: string[]): ListView[] => {
      const units = bodyUnits(texts, 'title');
      return listsOf(buildSegment(units, 0, 0).lists).filter((p) => isBigram(p.gram));
    };
    fc.assert(
      fc.property(textsArb, textsArb, (a, b) => {
        const lists = [a, b].map(bigramsOf);
        const scratch = new DecodeScratch();
        const kept = lists[0]!.map((p) => ownBigrams(decodeBigrams([p.data], 'positions', scratch)));
        for (const p of lists[1]!) {
          assert.deepEqual(entriesOf(decodeBigrams([p.data], 'positions', scratch)), bigramEntries([p.data]));
        }
        lists[0]!.forEach((p, i) => assert.deepEqual(entriesOf(kept[i]!), bigramEntries([p.data])));
        if (lists[0]!.length > 0 && lists[1]!.length > 0) checked++;
      }),
    );
    assert.ok(checked > 0, 'no run decoded lists of both segments');
  });

  // Zone counts match where the positions lie.
  it("a cursor over several segments' blobs walks, seeks and decodes entries exactly as the full decode", () => {
    let checked = 0;
    const batchesArb = fc.array(fc.array(fc.tuple(unitText, unitText), { minLength: 1, maxLength: 10 }), {
      minLength: 1,
      maxLength: 3,
    });
    const keptArb = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(batchesArb, fc.array(fc.nat(40), { maxLength: 6 }), keptArb, (batches, targets, kept) => {
        // Consecutive segments (slots continue); a document is a title and a heading (odd slots) or body.
        let slotLo = 0;
        const byGram = new Map<number, Uint8Array[]>();
        const titleLength: number[] = [];
        for (const docs of batches) {
          const units = docs.flatMap(([title, text], i): IndexUnit[] => {
            titleLength.push(title.length);
            const kind = (slotLo + i) % 2 ? 'heading' : 'body';
            return [
              { docId: i, ord: 0, kind: 'title', level: 0, text: title, paidFrom: -1 },
              { docId: i, ord: 1, kind, level: 0, text, paidFrom: -1 },
            ];
          });
          const segment = buildSegment(units, 0, slotLo);
          slotLo = segment.slotHi;
          for (const p of listsOf(segment.lists)) {
            if (isBigram(p.gram)) byGram.set(p.gram, [...(byGram.get(p.gram) ?? []), p.data]);
          }
        }
        for (const blobs of byGram.values()) {
          const expected = bigramEntries(blobs);
          const walked: Array<[number, number[]]> = [];
          const cursor = new BigramCursor(blobs);
          const into = new Int32Array(64);
          while (cursor.next()) {
            assert.ok(cursor.span() <= into.length);
            const positions = [...into.subarray(0, cursor.positions(into))];
            walked.push([cursor.slot, positions]);
            // keep(): of ascending starts, those whose start + offset is a position (each position and its
            // neighbours as starts, so some line up and some do not).
            for (const offset of [0, 1, 2]) {
              const starts = [...new Set(positions.flatMap((p) => [p - 1, p, p + 1]))].sort((a, b) => a - b);
              const buffer = Int32Array.from(starts);
              const n = cursor.keep(buffer, starts.length, offset);
              assert.deepEqual(
                [...buffer.subarray(0, n)],
                starts.filter((s) => positions.includes(s + offset)),
              );
            }
          }
          assert.deepEqual(walked, expected);
          checked++;
          const zones = decodeBigrams(blobs, 'zones');
          assert.deepEqual(
            [...zones.counts],
            expected.map(([, p]) => p.length),
          );
          assert.deepEqual(
            [...zones.first!],
            expected.map(([, p]) => p[0]),
          );
          // Title counts from long entries (a short one's position says whether it lies there); heading counts
          // from every entry (a short one's from its position's bit).
          const long = (p: number[], n: number): number => (p.length > 1 ? n : 0);
          const inHeadings = expected.map(([slot, p]) =>
            slot % 2 ? p.filter((at) => at > titleLength[slot]!).length : 0,
          );
          const inTitle = expected.map(([slot, p]) => long(p, p.filter((at) => at < titleLength[slot]!).length));
          assert.deepEqual([...zones.inTitle!], inTitle);
          assert.deepEqual([...zones.inHeadings!], inHeadings);
          const headed = new BigramCursor(blobs);
          const cursorHeadings: number[] = [];
          while (headed.next()) cursorHeadings.push(headed.headings);
          assert.deepEqual(cursorHeadings, inHeadings);
          // Seeking ascending targets lands on the first entry at or after each.
          const seeker = new BigramCursor(blobs);
          seeker.next();
          for (const target of [...targets].sort((a, b) => a - b)) {
            const want = expected.find(([slot]) => slot >= target);
            assert.equal(seeker.seek(target), want !== undefined);
            if (want) assert.equal(seeker.slot, want[0]);
          }
          // With a keep mask: the first entry at or after each target whose slot it marks, also from an entry
          // the cursor already stands on (at or past the target) that the mask leaves out.
          const keep = Uint8Array.from(kept, (k) => (k ? 1 : 0));
          const filtered = new BigramCursor(blobs);
          filtered.next();
          for (const target of [...targets].sort((a, b) => a - b)) {
            const from = Math.max(target, filtered.slot);
            const want = expected.find(([slot]) => slot >= from && keep[slot] === 1);
            assert.equal(filtered.seek(target, keep), want !== undefined);
            if (want) assert.equal(filtered.slot, want[0]);
            else break;
          }
        }
      }),
    );
    assert.ok(checked > 0, 'no list walked');
  });
});
