import { BIGRAM_BASE } from './contracts.js';

/*
 * Gram keys: a unigram is its UTF-16 code unit (0 .. 65535), a bigram BIGRAM_BASE + c1 · 65536 + c2. Every
 * key is an integer under 2^33 (exact in a double), and all bigrams sort after all unigrams.
 */

/** Gram key of one code unit. */
export function unigramKey(c: number): number {
  return c;
}

/** Gram key of two adjacent code units. */
export function bigramKey(c1: number, c2: number): number {
  return BIGRAM_BASE + c1 * 65536 + c2;
}

/** Whether a gram key is a bigram's (else a unigram's). */
export function isBigram(gram: number): boolean {
  return gram >= BIGRAM_BASE;
}
