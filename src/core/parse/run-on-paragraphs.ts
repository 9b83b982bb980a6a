import { looksLikeHeading } from './headings.js';

/**
 * Paragraphs run together on one line, each still indented ("…通知如下。__一、提高思想认识__各地要…", each _
 * an ideographic space): a copied page or a converted file that lost its line breaks but kept its indents.
 * Such a line is split before an indent that ends a sentence or a heading, or opens one; the indent stays
 * on the new line, so the line joiner reads it as a paragraph's start. Other gaps stay: a roster's
 * "组_长：韩_正__国务院副总理".
 */
// Two ideographic spaces (spaces beside them too: "【字体：大 中 小】     \u3000\u30009月26日"), or four spaces.
const GAP = /(?:[ \u00a0]*\u3000){2,}[ \u00a0]*|[ \u00a0]{4,}/u;
const INDENT_INSIDE = new RegExp(`(?<=\\S)(?:${GAP.source})(?=\\S)`, 'gu');
const ENDS_SENTENCE = /[。！？；：!?;:”’」』）)】\]…]$/;
/**
 * A whole page copied onto one line ("标题            浏览器不支持…   标题 胡和平出席并讲话   2016年09月27日 07:02
 * 来源：…"): past this length a line is no paragraph of its own, and a gap of three spaces parts its blocks.
 */
const PAGE_ON_ONE_LINE = 200;
const BLOCK_GAP = /(?<=\S)[ \u00a0\u3000]{3,}(?=\S)/gu;

export function splitRunOnParagraphs(lines: readonly string[]): string[] {
  return lines.flatMap(splitBlocks).flatMap((line) => {
    // Most lines have no gap at all: they pass as they are.
    if (!GAP.test(line)) return [line];
    const pieces: string[] = [];
    let from = 0;
    for (const m of line.matchAll(INDENT_INSIDE)) {
      const before = line.slice(from, m.index).trim();
      const after = line.slice(m.index + m[0].length);
      if (ENDS_SENTENCE.test(before) || isHeading(before) || isHeading(after)) {
        pieces.push(line.slice(from, m.index));
        from = m.index;
      }
    }
    pieces.push(line.slice(from));
    return pieces;
  });
}

/** A heading standing alone (一、总体要求), or opening what follows the gap. */
function isHeading(text: string): boolean {
  const head = text.split(GAP)[0]!.trim();
  return head.length <= 40 && looksLikeHeading(head);
}

/** A page on one line parted at its wide gaps; the gap stays at the head of the next part, as an indent. */
function splitBlocks(line: string): string[] {
  if (line.length < PAGE_ON_ONE_LINE || !/[ \u00a0\u3000]{3}/u.test(line)) return [line];
  const pieces: string[] = [];
  let from = 0;
  for (const m of line.matchAll(BLOCK_GAP)) {
    pieces.push(line.slice(from, m.index));
    from = m.index;
  }
  pieces.push(line.slice(from));
  return pieces;
}
