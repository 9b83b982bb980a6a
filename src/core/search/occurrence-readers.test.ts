import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBigrams } from '../index/decode-bigrams.js';
import { EntryReader } from '../index/entry-reader.js';
import { bigramKey } from '../index/gram-keys.js';
import type { IndexUnit } from '../index/contracts.js';
import { buildSegment } from '../index/segment-builder.js';
import { listsOf } from '../../testing/posting-lists.js';
import { BigramReader, PhraseReader, leaderStarts } from './occurrence-readers.js';

/** Each document's occurrence starts of `term` in `texts`. */
const starts = (texts: string[], term: string): number[][] =>
  texts.map((t) => [...t.matchAll(new RegExp(term, 'g'))].map((m) => m.index));

describe('occurrence readers', () => {
  // Every document holds 甲乙 and 乙丙, so their entries line up document by document.
  const texts = ['甲乙丙', '乙丙甲乙', '甲乙丙甲乙丙丁乙丙', '丙甲乙乙丙甲乙甲乙'];
  const units = texts.map((text, docId): IndexUnit => ({ docId, ord: 0, kind: 'body', level: 0, text, paidFrom: -1 }));
  const lists = listsOf(buildSegment(units, 0, 0).lists);
  const blobsOf = (bigram: string): Uint8Array[] => {
    const gram = bigramKey(bigram.charCodeAt(0), bigram.charCodeAt(1));
    return [lists.find((l) => l.gram === gram)!.data];
  };
  const headsOf = (blobs: Uint8Array[]): Int32Array => decodeBigrams(blobs, 'zones').heads!.slice();
  const into = new Int32Array(64);
  const readAll = (reader: BigramReader | PhraseReader): number[][] =>
    texts.map((_, i) => {
      const n = reader.read(i, into);
      assert.ok(reader.span(i) >= n, 'span bounds the occurrences');
      return [...into.subarray(0, n)];
    });

  it("read a 2-character term's entries at their heads", () => {
    const blobs = blobsOf('乙丙');
    assert.deepEqual(readAll(new BigramReader(new EntryReader(blobs), headsOf(blobs))), starts(texts, '乙丙'));
  });

  it('read a longer term as the leader positions every other list lines up with', () => {
    const lead = blobsOf('乙丙');
    const other = blobsOf('甲乙');
    const leadHeads = headsOf(lead);
    const otherHeads = headsOf(other);
    const heads = Int32Array.from(texts.flatMap((_, i) => [leadHeads[i]!, otherHeads[i]!]));
    const reader = new PhraseReader(
      [
        { entries: new EntryReader(lead), offset: 1 },
        { entries: new EntryReader(other), offset: 0 },
      ],
      heads,
    );
    assert.deepEqual(readAll(reader), starts(texts, '甲乙丙'));
  });

  it('turn leader positions into phrase starts in place, dropping those before the text', () => {
    const into = Int32Array.of(0, 1, 2, 5, 9, 77);
    assert.equal(leaderStarts(into, 5, 2), 3);
    assert.deepEqual([...into.subarray(0, 3)], [0, 3, 7]);
  });
});
