import type { BigramDetail } from '../index/decode-bigrams.js';

/**
 * How much a term's hits tell, from least to most: which documents hold it; also how often and how often
 * in the title and in headings (for a longer term, bounds: see TermHits); every occurrence's position.
 * Apart from these, 'headings': which documents hold it in a heading (see InHeading), and no more.
 */
export type TermDetail = BigramDetail | 'headings';

/**
 * The decoded details that answer a search needing each, cheapest to search first: more detail answers
 * less, 'headings' only itself (its documents are a subset).
 */
const SERVED_BY: Readonly<Record<TermDetail, readonly TermDetail[]>> = {
  presence: ['presence', 'zones', 'positions'],
  headings: ['headings', 'positions'],
  zones: ['zones', 'positions'],
  positions: ['positions'],
};

/** The details whose hits answer a search that needs `need`, the one to prefer first. */
export function servedBy(need: TermDetail): readonly TermDetail[] {
  return SERVED_BY[need];
}

/**
 * Whether the occurrence starting at index-text offset `at` of the document in `slot` lies in a heading: the
 * caller knows where headings lie (the index knows only how many of an entry's occurrences do).
 */
export type InHeading = (slot: number, at: number) => boolean;
