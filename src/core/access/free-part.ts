import type { ParsedDocument } from '../document.js';

/**
 * The share of a document without a paywall marker that is free: what 素材 sites give away (the first
 * 30%, cut at a paragraph end). Applied where the library indexes a document (document-units.ts) and where
 * a reader gets it (reader-view.ts), so search, snippets and pages agree; changing it needs the index
 * rebuilt (a schema migration), so it is a constant of the library, not a setting of one server.
 */
export const DEFAULT_FREE_SHARE = 0.3;

/**
 * Where the free part of a document ends, in characters of its text (paragraphs joined by "\n"): the
 * marker's `freeChars` when the page had one; else the end of the last paragraph within the free share of
 * the text that is not a heading (the first paragraph at least). Null when everything is free: a
 * one-paragraph document. Pure.
 */
export function effectiveFreeChars(
  doc: Pick<ParsedDocument, 'paragraphs' | 'freeChars'>,
  share: number = DEFAULT_FREE_SHARE,
): number | null {
  if (doc.freeChars !== null) return doc.freeChars;
  if (doc.paragraphs.length < 2 || share >= 1) return null;
  const total = doc.paragraphs.reduce((n, p) => n + p.text.length, 0) + doc.paragraphs.length - 1;
  const target = total * share;
  let cut = doc.paragraphs[0]!.text.length;
  let end = -1;
  for (const p of doc.paragraphs) {
    end += 1 + p.text.length;
    if (end > target) break;
    // Not right after a heading: a free part ending on a heading would show it without a word under it.
    if (p.level === null || end === doc.paragraphs[0]!.text.length) cut = end;
  }
  return cut >= total ? null : cut;
}

/** True when the document has a part a reader without access does not get (see effectiveFreeChars). */
export function hasPaidPart(doc: Pick<ParsedDocument, 'paragraphs' | 'freeChars'>): boolean {
  return effectiveFreeChars(doc) !== null;
}

/**
 * The same, from what a stored row knows without its texts: a marker's freeChars, or more than one
 * paragraph (the default share then always leaves a paid part, see effectiveFreeChars).
 */
export function storedHasPaidPart(freeChars: number | null, paragraphs: number): boolean {
  return freeChars !== null || (paragraphs >= 2 && DEFAULT_FREE_SHARE < 1);
}
