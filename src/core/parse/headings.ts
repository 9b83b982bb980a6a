/**
 * Heading markers of Chinese official documents, outermost first (GUIDE: 一、 → （一） → 1. → （1）),
 * and 一是/二是 items, which sit one level below the heading they follow.
 */

export const MARKER_KINDS = ['chinese', 'paren-chinese', 'arabic', 'paren-arabic'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

const NUMERAL = '[一二三四五六七八九十百零〇]+';
const MARKERS: ReadonlyArray<readonly [MarkerKind, RegExp]> = [
  ['chinese', new RegExp(`^${NUMERAL}、`)],
  ['paren-chinese', new RegExp(`^[（(]${NUMERAL}[）)]`)],
  ['arabic', /^\d{1,2}(?:[.．](?!\d)|、)/],
  ['paren-arabic', /^[（(]\d{1,2}[）)]/],
];

/** 一是/二是, and 第一，/第二， (a 第一条 is an article of rules, not an item). */
const ITEM = new RegExp(`^(?:(?:${NUMERAL})是|第${NUMERAL}[，,])`);
const SEQUENCE_ITEM = /^(?:首先|其次|再次|最后)[，,：:]/;

/** The numbered-heading marker a line starts with, if any. */
export function markerKind(line: string): MarkerKind | null {
  for (const [kind, pattern] of MARKERS) if (pattern.test(line)) return kind;
  return null;
}

/** True for a 一是/二是 item at the start of a paragraph. */
export function isItem(line: string): boolean {
  return ITEM.test(line);
}

/** True for a 首先/其次/再次/最后 item (only an outline item when 首先 opens a sequence). */
export function isSequenceItem(line: string): boolean {
  return SEQUENCE_ITEM.test(line);
}

/** True when the line starts like any heading or item. */
export function looksLikeHeading(line: string): boolean {
  return markerKind(line) !== null || isItem(line);
}

const FIRST_SENTENCE = /^[^。！？!?]*[。！？!?]/;
/** A heading longer than this is a paragraph that merely starts with a marker. */
const MAX_HEADING = 80;
/** 一、 opens a section whatever follows: its first sentence may run long (一、对…成效明显的地方，…。). */
const MAX_TOP_HEADING = 160;

/**
 * Splits a heading that shares its line with the body: "（一）压实主体责任，强化政治意识。D的XX大闭幕之际…"
 * → heading "（一）压实主体责任，强化政治意识。" + body. A line with no sentence end is all heading.
 * Returns null when the would-be heading is too long to be one.
 */
export function splitHeading(line: string): { heading: string; body: string } | null {
  const m = line.match(FIRST_SENTENCE);
  if (!m) return line.length <= MAX_HEADING * 2 ? { heading: line, body: '' } : null;
  const heading = m[0];
  if (heading.length > (markerKind(line) === 'chinese' ? MAX_TOP_HEADING : MAX_HEADING)) return null;
  return { heading, body: line.slice(heading.length).trimStart() };
}

/** Outline text of a heading: without trailing punctuation. */
export function outlineText(heading: string): string {
  return heading.replace(/[。！？!?；;：:，,、\s]+$/, '');
}
