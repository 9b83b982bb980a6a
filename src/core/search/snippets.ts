import { normalizeText } from '../normalize.js';
import { indexOfTerm, SENTENCE_END } from './any-punctuation.js';

export interface Snippet {
  /** 0 for the title, 1 + i for paragraph i, -1 for a title the document is also known by. */
  ord: number;
  /** The unit's kind (title, heading, opening, intro, body, closing), or the alias's (compilation, repost). */
  kind: string;
  /** The nearest heading above the hit, shortened; null at the top of a document. */
  section: string | null;
  text: string;
  highlights: Array<[number, number]>;
}

const WINDOW = 80;

/**
 * All occurrences of the terms (wildcards: see any-punctuation.ts) in a text (non-overlapping, leftmost first),
 * as [start, end) ranges.
 */
export function findRanges(
  normalized: string,
  terms: readonly string[],
  limit = normalized.length,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    let at = indexOfTerm(normalized, term);
    while (at >= 0 && at + term.length <= limit) {
      ranges.push([at, at + term.length]);
      at = indexOfTerm(normalized, term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The sentence around `at`: from after the previous terminator to the next one, inclusive. */
export function sentenceAround(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  return [start, Math.min(text.length, end + 1)];
}

/**
 * A snippet of a unit's text around its first hit, with highlight ranges. `visibleUpTo` clips the text
 * (paid part for readers without access); `sentence` makes the snippet the whole sentence of the hit.
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  visibleUpTo: number,
  sentence: boolean,
): { text: string; highlights: Array<[number, number]> } | null {
  const visible = text.slice(0, visibleUpTo);
  const ranges = findRanges(normalizeText(visible), terms);
  const first = ranges[0];
  if (!first) return null;
  let [start, end] = sentence
    ? sentenceAround(visible, first[0])
    : [Math.max(0, first[0] - 24), Math.min(visible.length, first[0] + WINDOW - 24)];
  if (!sentence && end - start < WINDOW) start = Math.max(0, end - WINDOW);
  end = Math.max(end, first[1]);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < visible.length ? '…' : '';
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + prefix.length, e - start + prefix.length] as [number, number]);
  return { text: prefix + visible.slice(start, end) + suffix, highlights };
}
