import { normalizeCodes } from '../normalize.js';
import type { ParsedQuery } from './parse-query.js';

/*
 * The search mode where a punctuation mark in a query stands for any one punctuation mark: 学思想，强党性
 * finds 学思想、强党性. A term keeps its length: each mark becomes a wildcard code unit that no normalized
 * text holds (noncharacters), so offsets, highlights and the paid boundary work as for an exact term.
 */

/** The marks that end a sentence (the sentence scope's and its snippets' bounds). */
export const SENTENCE_END = /[。！？!?；;]/;

/** In a term: any one punctuation mark. */
export const ANY_MARK = 0xffff;
/** In a term of the sentence scope: any one punctuation mark but a sentence's end (a hit lies in one sentence). */
export const ANY_MARK_IN_SENTENCE = 0xfffe;

/**
 * The marks of GB/T 15834 (标点符号用法) and their ASCII and width variants: 点号 (。，、；：？！.), quotes,
 * brackets, book-title marks, dashes and connectors (— – - ～ ~), the ellipsis, the interpunct and the slash.
 * Not symbols (% * # ● ★), not spaces. Normalized before use (full-width forms become ASCII).
 */
const MARK_SOURCE =
  '。｡．.，,、､；;：:？?！!' +
  '“”‘’「」『』"\'' +
  '（）()［］[]｛｝{}〔〕【】〖〗〘〙《》〈〉' +
  '—–―‒-－～~〜⸺⸻…⋯·・‧･/／';

/** Per normalized code unit: 0 not a mark, 1 a mark, 2 a mark ending a sentence. */
let markTable: Uint8Array | null = null;
let marks: { any: number[]; inSentence: number[] } | null = null;

function table(): Uint8Array {
  if (markTable !== null) return markTable;
  const t = new Uint8Array(65536);
  for (const c of normalizeCodes(MARK_SOURCE)) t[c] = SENTENCE_END.test(String.fromCharCode(c)) ? 2 : 1;
  markTable = t;
  return t;
}

/** Whether normalized code unit `c` is a punctuation mark. */
export function isMark(c: number): boolean {
  return table()[c]! > 0;
}

/** The marks a wildcard stands for (normalized code units, ascending). */
export function marksOf(wildcard: number): readonly number[] {
  if (marks === null) {
    const t = table();
    const any: number[] = [];
    for (let c = 0; c < 65536; c++) if (t[c]! > 0) any.push(c);
    marks = { any, inSentence: any.filter((c) => t[c] === 1) };
  }
  return wildcard === ANY_MARK_IN_SENTENCE ? marks.inSentence : marks.any;
}

/** Whether code unit `c` is a wildcard. */
export function isWildcard(c: number): boolean {
  return c === ANY_MARK || c === ANY_MARK_IN_SENTENCE;
}

/** Whether text code unit `c` is one a term's code unit `want` (a wildcard or itself) matches. */
export function fits(want: number, c: number): boolean {
  if (want === ANY_MARK) return table()[c]! > 0;
  if (want === ANY_MARK_IN_SENTENCE) return table()[c] === 1;
  return want === c;
}

/**
 * A normalized term with each mark as `wildcard`. A term of marks alone stays exact: it has nothing exact
 * to find it by, and "any mark" would match nearly every document.
 */
export function wildcardTerm(term: string, wildcard: number): string {
  const t = table();
  let literal = false;
  for (let i = 0; i < term.length && !literal; i++) literal = t[term.charCodeAt(i)] === 0;
  if (!literal) return term;
  let out = '';
  for (let i = 0; i < term.length; i++) out += t[term.charCodeAt(i)]! > 0 ? String.fromCharCode(wildcard) : term[i];
  return out;
}

/**
 * A parsed query in the any-punctuation mode. Excluded terms rule a document out wherever they stand, so
 * their marks match every mark, also in the sentence scope.
 */
export function anyPunctuation(parsed: ParsedQuery, sentence: boolean): ParsedQuery {
  const included = sentence ? ANY_MARK_IN_SENTENCE : ANY_MARK;
  return {
    include: [...new Set(parsed.include.map((t) => wildcardTerm(t, included)))],
    exclude: [...new Set(parsed.exclude.map((t) => wildcardTerm(t, ANY_MARK)))],
  };
}

/** Whether a term holds a wildcard. */
export function hasWildcard(term: string): boolean {
  return term.indexOf('\uffff') >= 0 || term.indexOf('\ufffe') >= 0;
}

/** Whether `term` (wildcards and all) occurs in normalized `text` at `at`. */
export function occursAt(text: string, term: string, at: number): boolean {
  if (at < 0 || at + term.length > text.length) return false;
  for (let i = 0; i < term.length; i++) if (!fits(term.charCodeAt(i), text.charCodeAt(at + i))) return false;
  return true;
}

/** The first occurrence of `term` (wildcards and all) in normalized `text` at or after `from`, -1 when none. */
export function indexOfTerm(text: string, term: string, from = 0): number {
  if (!hasWildcard(term)) return text.indexOf(term, from);
  // Found by its first exact run (every term with a wildcard has one), then checked whole.
  let a = 0;
  while (isWildcard(term.charCodeAt(a))) a++;
  let b = a;
  while (b < term.length && !isWildcard(term.charCodeAt(b))) b++;
  const anchor = term.slice(a, b);
  for (let at = text.indexOf(anchor, from + a); at >= 0; at = text.indexOf(anchor, at + 1)) {
    if (at - a + term.length > text.length) return -1;
    if (occursAt(text, term, at - a)) return at - a;
  }
  return -1;
}
