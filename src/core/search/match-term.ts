import { BigramCursor } from '../index/bigram-cursor.js';
import { decodeBigrams, ownBigrams, type BigramDetail } from '../index/decode-bigrams.js';
import { DecodeScratch, blobsLength } from '../index/decode-scratch.js';
import { decodeUnigramSlots, decodeUnigrams } from '../index/decode-unigrams.js';
import { EntryReader } from '../index/entry-reader.js';
import { bigramKey } from '../index/gram-keys.js';
import { phraseCover } from './bigram-cover.js';
import { matchPhrase } from './match-phrase.js';
import { BigramReader } from './occurrence-readers.js';
import type { InHeading, TermDetail } from './term-detail.js';
import { headingHits, NO_ZONES, outScratch, termHits, type TermHits } from './term-hits.js';

// The terms matchTerm speaks in, for its callers.
export { servedBy, type InHeading, type TermDetail } from './term-detail.js';
export type { OccurrenceReader, TermHits } from './term-hits.js';

/** The grams a term is read from: its one character, or every bigram in it (matchTerm picks those it intersects). */
export function gramsOf(codes: Uint16Array): Array<{ gram: number; offset: number }> {
  if (codes.length === 1) return [{ gram: codes[0]!, offset: 0 }];
  const out: Array<{ gram: number; offset: number }> = [];
  for (let o = 0; o + 1 < codes.length; o++) out.push({ gram: bigramKey(codes[o]!, codes[o + 1]!), offset: o });
  return out;
}

/** One decode scratch for a 2-character term's list (matching is synchronous, so calls never share it). */
const scratch = new DecodeScratch();

/**
 * Exact occurrences of a term from its grams' postings: a 1- or 2-character term is its posting list; a
 * longer one is a positional intersection of the covering bigrams with the fewest bytes (`blobs` holds
 * every bigram gramsOf names; see phraseCover). With detail 'headings' (which
 * needs `inHeading`), only the documents holding the term in a heading: a 2-character term's heading
 * counts settle it, and a longer term's document is settled by its leader's (all its occurrences in
 * headings) or by its first occurrence `inHeading` accepts.
 *
 * The intersection walks the lists' heads together, the list with the fewest bytes leading, and reads
 * positions only for a document every list holds: with detail 'positions', the leader's give candidate
 * starts, each other list (fewest bytes first) keeps those it lines up with, and a document is left as
 * soon as none remain; otherwise the first start that lines up everywhere settles the document (the rest
 * of its positions are never read), and with 'zones' the leader's counts and where every list's entry
 * lies are kept, so the exact occurrences of the documents that turn out to matter can be read later.
 *
 * With `keep` (1 per slot that may match, from a search's filters), the other slots of a 2-character or
 * longer term are left out: a longer term never seeks the other lists nor reads positions for them.
 */
export function matchTerm(
  codes: Uint16Array,
  blobs: ReadonlyMap<number, Uint8Array[]>,
  detail: TermDetail,
  keep: Uint8Array | null = null,
  inHeading: InHeading | null = null,
): TermHits {
  const grams = gramsOf(codes);
  if (detail === 'headings' && inHeading === null) {
    throw new Error("matchTerm: detail 'headings' needs to know where headings lie (inHeading)");
  }
  // One function per path, so each keeps compiled code of its own whatever the queries before it were.
  if (codes.length === 1) return termHits(matchUnigram(blobs.get(grams[0]!.gram) ?? [], detail));
  if (codes.length === 2) {
    const list = blobs.get(grams[0]!.gram) ?? [];
    // A filtered count walks its one list as a phrase walk does, by jumps past the slots left out (faster
    // than the decode). Unfiltered, the decode steps its entries faster than the walk, which also copies
    // the list.
    if (detail === 'presence' && keep !== null) {
      return termHits(matchPhrase([{ blobs: list, offset: 0, bytes: blobsLength(list) }], detail, keep, null));
    }
    return termHits(detail === 'headings' ? matchBigramInHeadings(list, keep) : matchBigram(list, detail, keep));
  }
  const lists = grams.map((g) => {
    const list = blobs.get(g.gram) ?? [];
    return { blobs: list, offset: g.offset, bytes: blobsLength(list) };
  });
  return termHits(matchPhrase(phraseCover(lists), detail, keep, detail === 'headings' ? inHeading : null));
}

/**
 * A 1-character term: with detail 'presence' or 'headings' its documents only (those with it in a
 * heading), else its whole entries.
 */
function matchUnigram(list: readonly Uint8Array[], detail: TermDetail): TermHits {
  if (detail === 'presence' || detail === 'headings') {
    const found = decodeUnigramSlots(list, detail === 'headings');
    return { detail, ...found, flags: null, freeCounts: null, ...NO_ZONES, posStart: null, positions: null };
  }
  const u = decodeUnigrams(list);
  return {
    detail: 'positions',
    length: u.length,
    slots: u.slots,
    counts: u.counts,
    flags: u.flags,
    freeCounts: u.freeCounts,
    ...NO_ZONES,
    inHeadings: u.inHeadings,
    posStart: null,
    positions: null,
  };
}

/** A 2-character term: its list decoded to `detail`, with a reader of its entries' positions for 'zones'. */
function matchBigram(list: readonly Uint8Array[], detail: BigramDetail, keep: Uint8Array | null): TermHits {
  const { heads, ...b } = ownBigrams(decodeBigrams(list, detail, scratch, keep));
  const reader = heads ? new BigramReader(new EntryReader(list), heads) : null;
  return { detail, flags: null, freeCounts: null, ...b, exact: true, reader };
}

/**
 * A 2-character term's documents with an occurrence in a heading, by its entries' heading counts (a short
 * entry's its position's bit); positions are stepped over unread.
 */
function matchBigramInHeadings(list: readonly Uint8Array[], keep: Uint8Array | null): TermHits {
  const cursor = new BigramCursor(list, keep !== null);
  // Every entry takes two bytes or more.
  const out = outScratch.reserve((blobsLength(list) >> 1) + 1, 0);
  let n = 0;
  while (cursor.next(keep)) if (cursor.headings > 0) out.slots[n++] = cursor.slot;
  return headingHits(out.slots, n);
}
