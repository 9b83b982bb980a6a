import type { UnitKind } from '../index/contracts.js';

/**
 * BM25 knobs. k1 (1.0–2.0, default 1.2) sets how fast repeated occurrences saturate; b (0–1, default 0.75)
 * how much long documents are discounted.
 */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/**
 * Field weights: title over headings over the rest (opening, intro, body and closing weigh alike). The
 * index records how many of a bigram's occurrences in a document lie in its title and in its headings, so
 * a common two-character term is ranked without reading its positions: these three tiers are what it knows.
 * Whole numbers, so a frequency summed occurrence by occurrence equals one computed from those counts.
 */
export const FIELD_WEIGHT = { title: 6, heading: 3, text: 1 } as const;

/** The weight of an occurrence in a unit of this kind. */
export function kindWeight(kind: UnitKind): number {
  return kind === 'title' ? FIELD_WEIGHT.title : kind === 'heading' ? FIELD_WEIGHT.heading : FIELD_WEIGHT.text;
}

/** Field-weighted frequency of `count` occurrences, `inTitle` of them in the title and `inHeadings` in headings. */
export function weightedFrequency(count: number, inTitle: number, inHeadings: number): number {
  return (
    count * FIELD_WEIGHT.text +
    inTitle * (FIELD_WEIGHT.title - FIELD_WEIGHT.text) +
    inHeadings * (FIELD_WEIGHT.heading - FIELD_WEIGHT.text)
  );
}

/** Inverse document frequency of a term held by `matching` of `total` documents. */
export function idf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** BM25 contribution of one term to one document, from its field-weighted frequency. */
export function bm25(
  weightedFrequency: number,
  documentLength: number,
  averageLength: number,
  termIdf: number,
): number {
  const norm = BM25.k1 * (1 - BM25.b + (BM25.b * documentLength) / Math.max(1, averageLength));
  return (termIdf * weightedFrequency * (BM25.k1 + 1)) / (weightedFrequency + norm);
}
