import { unionOfBigrams } from '../index/bigram-union.js';
import { decodeBigrams } from '../index/decode-bigrams.js';
import { blobsLength } from '../index/decode-scratch.js';
import { bigramKey } from '../index/gram-keys.js';
import { isWildcard, marksOf } from './any-punctuation.js';
import { phraseCover } from './bigram-cover.js';
import { matchPhrase } from './match-phrase.js';
import type { InHeading, TermDetail } from './term-detail.js';
import { termHits, type TermHits } from './term-hits.js';

/**
 * A union is built for the leader's documents alone when each seek there (one a document and list) stands
 * for this many of the union's bytes: seeking every list to every document cost more than building the
 * whole union when the leader held most documents (2,450 of 2,500 at 10M characters).
 */
const RESTRICT_BYTES = 8;

/** Whether normalized term codes hold a wildcard (see any-punctuation.ts). */
export function hasWildcardCode(codes: Uint16Array): boolean {
  for (let i = 0; i < codes.length; i++) if (isWildcard(codes[i]!)) return true;
  return false;
}

/**
 * The grams each bigram place of a term with wildcards may be: one bigram where both characters are exact,
 * else every pair a wildcard stands for (a character and any mark, or two marks).
 */
function placeGrams(codes: Uint16Array): number[][] {
  const sides = (c: number): readonly number[] => (isWildcard(c) ? marksOf(c) : [c]);
  const places: number[][] = [];
  for (let o = 0; o + 1 < codes.length; o++) {
    const grams: number[] = [];
    for (const a of sides(codes[o]!)) for (const b of sides(codes[o + 1]!)) grams.push(bigramKey(a, b));
    places.push(grams);
  }
  return places;
}

/** Every gram a term with wildcards may be read from (see placeGrams). */
export function wildcardGrams(codes: Uint16Array): number[] {
  return [...new Set(placeGrams(codes).flat())];
}

/**
 * A term with wildcards (two characters or more, one exact at least), read as a longer term is (see
 * matchTerm): each bigram place is a list, a place with a wildcard the union of its pairs' lists, so a
 * position where the cover's lists line up holds the exact characters and a mark at every wildcard. The
 * cover is chosen on the pairs' bytes summed, and only the unions it takes are built, beside the smallest
 * list only for the documents it holds.
 */
export function matchWildcardTerm(
  codes: Uint16Array,
  blobs: ReadonlyMap<number, Uint8Array[]>,
  detail: TermDetail,
  keep: Uint8Array | null,
  inHeading: InHeading,
  titleEnd: (slot: number) => number,
): TermHits {
  const places = placeGrams(codes).map((grams, offset) => {
    const lists = grams.map((g) => blobs.get(g) ?? []);
    return { lists, offset, bytes: lists.reduce((n, l) => n + blobsLength(l), 0) };
  });
  const chosen = phraseCover(places);
  // The smallest list says where the term can occur (those of its slots `keep` lets through). A union far
  // larger than its seeks there is built for those slots alone (RESTRICT_BYTES: the bytes a seek must save).
  const lead = chosen.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  const leadList = lead.lists.length === 1 ? lead.lists[0]! : unionOfBigrams(lead.lists, titleEnd);
  const more = chosen.some((p) => p !== lead && p.lists.length > 1);
  const only = more ? decodeBigrams(leadList, 'presence', undefined, keep).slots : null;
  const cover = chosen.map((p) => {
    if (p === lead) return { blobs: leadList, offset: p.offset, bytes: blobsLength(leadList) };
    if (p.lists.length === 1) return { blobs: p.lists[0]!, offset: p.offset, bytes: p.bytes };
    const seeks = (only?.length ?? Infinity) * p.lists.filter((l) => l.length > 0).length;
    const list = unionOfBigrams(p.lists, titleEnd, seeks * RESTRICT_BYTES < p.bytes ? only : null);
    return { blobs: list, offset: p.offset, bytes: blobsLength(list) };
  });
  return termHits(matchPhrase(cover, detail, keep, detail === 'headings' ? inHeading : null));
}
