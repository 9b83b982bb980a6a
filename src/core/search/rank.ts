import type { UnitKind } from '../index/contracts.js';

/**
 * BM25 knobs. k1 (1.0–2.0, default 1.2) sets how fast repeated occurrences saturate; b (0–1, default 0.75)
 * how much long documents are discounted. Field weights put title over headings over body.
 */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

export const FIELD_WEIGHT: Readonly<Record<UnitKind, number>> = {
  title: 6,
  heading: 3,
  opening: 1.2,
  intro: 1.2,
  body: 1,
  closing: 1.2,
};

/** Inverse document frequency of a term held by `matching` of `total` documents. */
export function idf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** BM25 contribution of one term to one document, from its field-weighted frequency. */
export function bm25(weightedFrequency: number, documentLength: number, averageLength: number, termIdf: number): number {
  const norm = BM25.k1 * (1 - BM25.b + (BM25.b * documentLength) / Math.max(1, averageLength));
  return (termIdf * weightedFrequency * (BM25.k1 + 1)) / (weightedFrequency + norm);
}
