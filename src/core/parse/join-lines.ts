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

/** Long lines sharing one length in a page this share of them was hard-wrapped at that width. */
const WRAP_SHARE = 0.25;
const MIN_WRAPPED_LINES = 4;

/**
 * The width a page was hard-wrapped at (copied pages, fixed-width text): the length most of its long lines
 * share; null for a page of one line a paragraph.
 */
export function wrapWidth(lines: readonly SourceLine[]): number | null {
  const counts = new Map<number, number>();
  let long = 0;
  for (const l of lines) {
    if (l.text.length < 20) continue;
    long++;
    counts.set(l.sourceWidth, (counts.get(l.sourceWidth) ?? 0) + 1);
  }
  let width: number | null = null;
  let most = 0;
  for (const [length, n] of counts) if (n > most) [width, most] = [length, n];
  return most >= MIN_WRAPPED_LINES && most >= long * WRAP_SHARE ? width : null;
}

function continues(prev: RawParagraph, next: SourceLine, wrappedLine: boolean, lastWidth: number): boolean {
  if (looksLikeHeading(next.text)) return false;
  // A line filled to the page's wrap width was cut by the wrap, whatever it ends with (93.4%, ）, 。), a
  // long numbered heading too ("一、原则同意《…》（以下简" / "称《总体规划》）。").
  if (wrappedLine && !next.indented) return true;
  if (isStandaloneHeading(prev.text)) return false;
  if (ENDS_MID_SENTENCE.test(prev.text)) return !next.indented || /[，,、]$/.test(prev.text);
  // Measured as the line stood on the page: one that lost a watermark was as long as the wrap made it.
  return ENDS_BARE.test(prev.text) && Math.max(lastWidth, prev.text.length) >= WRAPPED_LINE && !next.indented;
}

/**
 * Rejoins paragraphs broken across lines. Lines separated by a blank line never join; a line that ends
 * mid-sentence, or a long line ending bare, continues on the next unindented, non-heading line.
 */
export function joinLines(lines: readonly SourceLine[]): RawParagraph[] {
  const out: RawParagraph[] = [];
  const width = wrapWidth(lines);
  let previousBlank = true;
  let lastLength = 0;
  for (const line of lines) {
    if (line.text.length === 0) {
      previousBlank = true;
      continue;
    }
    const last = out[out.length - 1];
    // An indented first line is the wrap width less its indent (two ideographic spaces, four ASCII ones).
    const wrappedLine = width !== null && lastLength >= width - 2 && lastLength <= width;
    if (last && !previousBlank && continues(last, line, wrappedLine, lastLength)) {
      last.text += (line.paidStart ? PAID_MARK : '') + line.text;
    } else {
      out.push({ text: line.text, paidStart: line.paidStart });
    }
    previousBlank = false;
    // The source width: a line that lost a watermark or a paid notice still filled the wrap.
    lastLength = line.sourceWidth + Math.max(0, (line.indentWidth ?? 0) - 2);
  }
  return out;
}
