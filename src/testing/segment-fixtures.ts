import fc from 'fast-check';
import { decodeBigrams } from '../core/index/decode-bigrams.js';
import { decodeUnigrams } from '../core/index/decode-unigrams.js';
import type { IndexUnit } from '../core/index/contracts.js';

/** Unit texts of few characters, so most grams stand in many documents. */
export const segmentUnitText = fc.string({
  unit: fc.constantFrom(...'党建学习教育工作，。'),
  minLength: 0,
  maxLength: 30,
});

/** A bigram decode's entries as plain data: slot and positions. */
export function entriesOf(d: ReturnType<typeof decodeBigrams>): Array<[number, number[]]> {
  return Array.from({ length: d.length }, (_, i) => [
    d.slots[i]!,
    [...d.positions!.subarray(d.posStart![i]!, d.posStart![i + 1]!)],
  ]);
}

/** A decoded list as plain entries (decoders size their arrays by the blob, so compare contents only). */
export function bigramEntries(blobs: Uint8Array[]): Array<[number, number[]]> {
  return entriesOf(decodeBigrams(blobs, 'positions'));
}

/** A unigram list's entries: slot, count, flags, free count, heading count. */
export function unigramEntries(blobs: Uint8Array[]): number[][] {
  const d = decodeUnigrams(blobs);
  return Array.from({ length: d.length }, (_, i) => [
    d.slots[i]!,
    d.counts[i]!,
    d.flags[i]!,
    d.freeCounts[i]!,
    d.inHeadings[i]!,
  ]);
}

/** One unit a document (a body paragraph unless said), the i-th text for document i: the simplest batch. */
export function bodyUnits(texts: readonly string[], kind: IndexUnit['kind'] = 'body'): IndexUnit[] {
  return texts.map((text, docId): IndexUnit => ({ docId, ord: 0, kind, level: 0, text, paidFrom: -1 }));
}
