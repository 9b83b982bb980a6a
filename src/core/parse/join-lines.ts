import { PAID_MARK } from '../clean/chars.js';
import { looksLikeHeading, splitHeading } from './headings.js';
import type { SourceLine } from './source-lines.js';

/** A paragraph rebuilt from one or more source lines. May hold PAID_MARK inside. */
export interface RawParagraph {
  text: string;
  paidStart: boolean;
}

/** Ends mid-sentence: a comma, enumeration comma, semicolon or dash (GUIDE: "a line ending in ';' … continues"). */
const ENDS_MID_SENTENCE = /[，,、；;—-]$/;
/** Ends with a word: no punctuation at all. */
const ENDS_BARE = /[\p{L}\p{N}]$/u;
/** A line this long ending bare was broken by a fixed-width wrap, not a heading or title. */
const WRAPPED_LINE = 30;

function isStandaloneHeading(text: string): boolean {
  if (!looksLikeHeading(text)) return false;
  const split = splitHeading(text);
  return split !== null && split.body === '';
}

function continues(prev: RawParagraph, next: SourceLine): boolean {
  if (looksLikeHeading(next.text) || isStandaloneHeading(prev.text)) return false;
  if (ENDS_MID_SENTENCE.test(prev.text)) return !next.indented || /[，,、]$/.test(prev.text);
  return ENDS_BARE.test(prev.text) && prev.text.length >= WRAPPED_LINE && !next.indented;
}

/**
 * Rejoins paragraphs broken across lines. Lines separated by a blank line never join; a line that ends
 * mid-sentence, or a long line ending bare, continues on the next unindented, non-heading line.
 */
export function joinLines(lines: readonly SourceLine[]): RawParagraph[] {
  const out: RawParagraph[] = [];
  let previousBlank = true;
  for (const line of lines) {
    if (line.text.length === 0) {
      previousBlank = true;
      continue;
    }
    const last = out[out.length - 1];
    if (last && !previousBlank && continues(last, line)) {
      last.text += (line.paidStart ? PAID_MARK : '') + line.text;
    } else {
      out.push({ text: line.text, paidStart: line.paidStart });
    }
    previousBlank = false;
  }
  return out;
}
