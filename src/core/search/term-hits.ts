import { DecodeScratch } from '../index/decode-scratch.js';
import type { TermDetail } from './term-detail.js';

/** Reads the exact occurrence starts of hit i (an index into TermHits' arrays) when they are wanted later. */
export interface OccurrenceReader {
  /** An upper bound on hit i's occurrences (to size `into`). */
  span(i: number): number;
  /** Hit i's occurrence starts, ascending, into `into` from index 0; returns how many. */
  read(i: number, into: Int32Array): number;
}

/**
 * Documents (by slot, ascending) holding a term, with the occurrences in each. A 1-character term comes
 * from its unigram list: its slots alone for 'presence' and 'headings', else counts and flags (no
 * positions: all there is, so its detail is 'positions'); a longer one to the detail asked for.
 *
 * With detail 'zones', `counts`, `inTitle`, `inHeadings` and `first` describe a 2-character term's own
 * occurrences (`exact`), and for a longer term those of its leading bigram: an upper bound, since each
 * occurrence of the term holds one of the leader's in the same unit (`exact` false). Either way `reader`
 * gives the exact occurrences of the hits that need them.
 */
export interface TermHits {
  detail: TermDetail;
  length: number;
  slots: Int32Array;
  /** Occurrences per slot; 1 for 'presence' and 'headings'; see above for 'zones'. */
  counts: Int32Array;
  /** 1-character terms: IN_TITLE / IN_PAID / IN_HEADING bits per slot (posting-format.ts); null for longer ones. */
  flags: Uint8Array | null;
  /** 1-character terms: occurrences before the paid part. */
  freeCounts: Int32Array | null;
  /**
   * Detail 'zones': see above and DecodedBigrams (`inTitle` 0 for an entry with one occurrence: `first` says
   * whether it lies in the title; `inHeadings` counts it too). `inHeadings` also holds a 1-character term's
   * occurrences in headings.
   */
  inTitle: Int32Array | null;
  inHeadings: Int32Array | null;
  first: Int32Array | null;
  exact: boolean;
  reader: OccurrenceReader | null;
  /**
   * Slot i's occurrence starts are positions[posStart[i] .. posStart[i+1]); null unless the detail is
   * 'positions' (and for 1-character terms).
   */
  posStart: Int32Array | null;
  positions: Int32Array | null;
}

/**
 * Every TermHits is made here, its fields always in this order: the search engine's loops over hits then
 * meet one object shape, whichever path made them (V8 compiles them for one shape and never throws the
 * code away for another).
 */
export function termHits(h: TermHits): TermHits {
  return {
    detail: h.detail,
    length: h.length,
    slots: h.slots,
    counts: h.counts,
    flags: h.flags,
    freeCounts: h.freeCounts,
    inTitle: h.inTitle,
    inHeadings: h.inHeadings,
    first: h.first,
    exact: h.exact,
    reader: h.reader,
    posStart: h.posStart,
    positions: h.positions,
  };
}

/** The zone fields of hits without zones. */
export const NO_ZONES = { inTitle: null, inHeadings: null, first: null, exact: true, reader: null } as const;

/**
 * Where a term's hits are gathered before being copied out at their size (matching is synchronous, so
 * calls never share it).
 */
export const outScratch = new DecodeScratch();

/** The documents (the first `n` of `slots`) holding a term in a heading: what an outline count reads. */
export function headingHits(slots: Int32Array, n: number): TermHits {
  return {
    detail: 'headings',
    length: n,
    slots: slots.slice(0, n),
    counts: new Int32Array(n).fill(1),
    flags: null,
    freeCounts: null,
    ...NO_ZONES,
    posStart: null,
    positions: null,
  };
}
