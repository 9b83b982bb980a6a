import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from '../normalize.js';
import { makeCorpus } from '../../testing/search-corpus.js';
import { unionOfBigrams } from './bigram-union.js';
import { decodeBigrams } from './decode-bigrams.js';
import { bigramKey } from './gram-keys.js';
import { findList } from './posting-columns.js';
import { buildSegment } from './segment-builder.js';

describe('unionOfBigrams', () => {
  // Documents in two segments (slot = document index), rich in 想 followed by marks.
  const corpus = makeCorpus(5, 60, 0, '想学党建工作，、；。的习教育推进落实总结');
  const halves = [corpus.slice(0, 30), corpus.slice(30)];
  let unitLo = 0;
  const segments = halves.map((docs, k) => {
    const units = docs.flatMap((d) => d.units);
    const s = buildSegment(units, unitLo, k * 30);
    unitLo += units.length;
    return s;
  });
  const seconds = normalizeText('，、；。');
  const lists = [...seconds].map((c) => {
    const gram = bigramKey('想'.charCodeAt(0), c.charCodeAt(0));
    return segments.map((s) => findList(s.lists, gram)).filter((b): b is Uint8Array => b !== null);
  });
  const titleEnd = (slot: number): number => corpus[slot]!.units[0]!.text.length;
  const union = unionOfBigrams(lists, titleEnd);

  /** Each document's occurrences of 想 and a mark, from its index text: positions, in the title, in headings. */
  const expected = corpus.map((d) => {
    const positions: number[] = [];
    let titles = 0;
    let headings = 0;
    let at = 0;
    for (const u of d.units) {
      const text = normalizeText(u.text);
      for (let i = 0; i + 1 < text.length; i++) {
        if (text[i] !== '想' || !seconds.includes(text[i + 1]!)) continue;
        positions.push(at + i);
        if (u.kind === 'title') titles++;
        if (u.kind === 'heading') headings++;
      }
      at += text.length + 1;
    }
    return { positions, titles, headings };
  });
  const holding = expected.flatMap((e, slot) => (e.positions.length > 0 ? [slot] : []));

  it('holds every occurrence of each bigram, by document', () => {
    const decoded = decodeBigrams(union, 'positions');
    assert.deepEqual([...decoded.slots], holding);
    decoded.slots.forEach((slot, i) => {
      const got = [...decoded.positions!.subarray(decoded.posStart![i]!, decoded.posStart![i + 1]!)];
      assert.deepEqual(got, expected[slot]!.positions, `slot ${slot}`);
    });
  });

  it('counts occurrences in the title and in headings as the index does', () => {
    const decoded = decodeBigrams(union, 'zones');
    assert.ok(decoded.counts.some((c) => c === 1) && decoded.counts.some((c) => c > 1));
    decoded.slots.forEach((slot, i) => {
      const e = expected[slot]!;
      assert.equal(decoded.counts[i], e.positions.length);
      assert.equal(decoded.first![i], e.positions[0]);
      assert.equal(decoded.inHeadings![i], e.headings);
      // A short entry (one occurrence) has no title count: its position says whether it lies there.
      assert.equal(decoded.inTitle![i], e.positions.length > 1 ? e.titles : 0);
    });
  });

  it('holds the entries of the slots asked for alone, when asked', () => {
    // Every slot but each third: slots without an entry among them.
    const only = Int32Array.from(corpus.keys()).filter((slot) => slot % 3 !== 1);
    const full = decodeBigrams(union, 'zones');
    const part = decodeBigrams(unionOfBigrams(lists, titleEnd, only), 'positions');
    const kept = [...full.slots].filter((slot) => only.includes(slot));
    assert.ok(kept.length > 0 && kept.length < full.length && kept.length < only.length);
    assert.deepEqual([...part.slots], kept);
    part.slots.forEach((slot, i) => {
      const got = [...part.positions!.subarray(part.posStart![i]!, part.posStart![i + 1]!)];
      assert.deepEqual(got, expected[slot]!.positions, `slot ${slot}`);
    });
    assert.deepEqual(unionOfBigrams(lists, titleEnd, new Int32Array(0)), []);
  });

  it('is empty when no list holds anything', () => {
    assert.deepEqual(unionOfBigrams([[], []], titleEnd), []);
  });
});
