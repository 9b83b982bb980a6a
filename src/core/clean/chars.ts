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
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026
  );
}

/** Sentence-ending punctuation: a line ending in one of these is a complete paragraph. */
export const SENTENCE_END = /[。！？!?：:…]$/;

/** Terminators that end a sentence inside a paragraph. */
export const SENTENCE_TERMINATORS = '。！？!?';

/** Leading indentation as scraped text carries it: ASCII spaces, U+3000, tabs, NBSP. */
export const INDENT = /^[\s\u3000\u00a0]+/;

/** Strips indentation and trailing white space. */
export function trimLine(line: string): string {
  return line.replace(INDENT, '').replace(/[\s\u3000\u00a0]+$/, '');
}

/** Private-use character standing for the paid boundary while lines are cleaned and joined. */
export const PAID_MARK = '\uE000';
