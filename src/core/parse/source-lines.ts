import type { RemovedSpan } from '../document.js';
import { INDENT, PAID_MARK, trimLine } from '../clean/chars.js';
import { markPaywall } from '../clean/paywall.js';
import { splitRunOnParagraphs } from './run-on-paragraphs.js';
import { joinFieldCells } from '../clean/field-cells.js';
import { mendSplitSpans } from '../clean/split-spans.js';
import { fullWidthPunctuation } from '../clean/punctuation.js';
import { stripWatermarks } from '../clean/watermark.js';

/** One line of a source after inline cleaning: markers and watermarks out, indentation noted and trimmed. */
export interface SourceLine {
  /** Trimmed text; '' for blank or removed lines. May hold PAID_MARK where the paid part begins mid-line. */
  text: string;
  indented: boolean;
  /** The line's trimmed length in the source, before inline cleaning: what a hard wrap filled. */
  sourceWidth: number;
  /** How many characters of indentation the line had: a wrapped paragraph's first line fills the wrap with them. */
  indentWidth?: number;
  /** The paid part begins at the start of this line. */
  paidStart: boolean;
  /** What cleaning removed on this line, in order. */
  removed: RemovedSpan[];
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;

/** A markdown page's markup, not its text: "# 标题", "> 引文", "**加粗**" (never the *** of a masked name). */
function withoutMarkdown(line: string): string {
  return line.replace(/^(\s*)(?:#{1,6}\s+|>\s*)/, '$1').replace(/(?<!\*)\*\*(?!\*)([^*\n]+?)(?<!\*)\*\*(?!\*)/g, '$1');
}

/** Splits text into lines and applies the inline rules: paywall markers, watermarks, full-width punctuation. */
export function toSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let begun = false;
  let pendingPaid = false;
  for (const { text: rawLine, width: sourceWidth } of mendSplitSpans(
    joinFieldCells(splitRunOnParagraphs(text.split('\n'))),
  )) {
    const removed: RemovedSpan[] = [];
    const paywall = markPaywall(rawLine, begun);
    begun ||= paywall.begins;
    for (const t of paywall.removed) removed.push({ rule: 'paywall-marker', text: t });
    const watermark = stripWatermarks(withoutMarkdown(paywall.line));
    for (const t of watermark.removed) removed.push({ rule: 'watermark', text: t });
    let line = watermark.line;
    // Zero-width characters left once watermarks are out: invisible, and they break every exact match.
    const invisible = line.match(ZERO_WIDTH);
    if (invisible) {
      removed.push({ rule: 'zero-width', text: invisible.join('') });
      line = line.replace(ZERO_WIDTH, '');
    }
    let paidStart = false;
    if (line.replace(INDENT, '').startsWith(PAID_MARK)) {
      line = line.replace(INDENT, '').slice(1);
      paidStart = true;
    }
    const indented = INDENT.test(line);
    const indentWidth = INDENT.exec(rawLine)?.[0].replace(/\r/g, '').length ?? 0;
    let trimmed = trimLine(line);
    // A notice ending the line: the paid part begins with the next line, not this one.
    const endsPaid = trimmed.endsWith(PAID_MARK);
    if (endsPaid) trimmed = trimLine(trimmed.slice(0, -1));
    if (trimmed.length > 0 && pendingPaid && !paidStart) {
      paidStart = true;
      pendingPaid = false;
    } else if (trimmed.length === 0 && paidStart) {
      pendingPaid = true;
      paidStart = false;
    } else if (paidStart) pendingPaid = false;
    if (endsPaid) pendingPaid = true;
    lines.push({ text: fullWidthPunctuation(trimmed), indented, sourceWidth, indentWidth, paidStart, removed });
  }
  return lines;
}

/** Blanks a line as removed by `rule`, passing a paid boundary it carried on to the next line. */
export function removeLine(lines: SourceLine[], index: number, rule: string): void {
  lines[index]!.removed.push({ rule, text: lines[index]!.text.replace(PAID_MARK, '') });
  moveLine(lines, index);
}

/** Blanks a line whose text became metadata (a subtitle, a signature), passing a paid boundary on. */
export function moveLine(lines: SourceLine[], index: number): void {
  const line = lines[index]!;
  const hadMark = line.paidStart || line.text.includes(PAID_MARK);
  line.text = '';
  line.paidStart = false;
  if (hadMark) {
    const next = lines.slice(index + 1).find((l) => l.text.length > 0);
    if (next) next.paidStart = true;
  }
}
