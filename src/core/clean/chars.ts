/** Character classes shared by the cleaning and parsing rules. */

/** CJK ideographs, CJK punctuation and full-width forms: the "Chinese text" context. */
export function isCjkContext(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2014 ||
    c === 0x2026
  );
}

/** Sentence-ending punctuation: a line ending in one of these is a complete paragraph. */
export const SENTENCE_END = /[。！？!?：:…]$/;

/** Terminators that end a sentence inside a paragraph. */
export const SENTENCE_TERMINATORS = '。！？!?';

/** Leading indentation as scraped text carries it: ASCII spaces, U+3000, tabs, NBSP. */
export const INDENT = /^[\s\u3000\u00a0]+/;

/** Whether a code unit is white space as `\s` matches it (U+3000 and NBSP among them). */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Strips indentation and trailing white space (as INDENT and `\s` match them), walking in from both ends. */
export function trimLine(line: string): string {
  let from = 0;
  let to = line.length;
  while (from < to && isSpace(line.charCodeAt(from))) from++;
  while (to > from && isSpace(line.charCodeAt(to - 1))) to--;
  return from === 0 && to === line.length ? line : line.slice(from, to);
}

/** Private-use character standing for the paid boundary while lines are cleaned and joined. */
export const PAID_MARK = '\uE000';

/**
 * Top-level domains a site's address ends with, as a pattern's source: the common ones, the new ones 范文
 * sites buy (.top, .vip, .wang), and the reserved .example and .test that stand for any site.
 */
export const SITE_TLDS =
  'com|cn|net|org|cc|top|vip|info|xyz|io|co|me|tv|site|club|wang|shop|ltd|link|pro|biz|mobi|asia|example|test';
