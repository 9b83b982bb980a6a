import { trimLine } from './chars.js';
import { markPaywall } from './paywall.js';
import { stripWatermarks } from './watermark.js';

/**
 * A hard-wrapped page cuts lines at a fixed width, wherever that falls: inside a watermark or a paywall
 * notice too ("…宜居【剩余内容请开通" / "会员后查看】宜业…"). Neither half is recognisable alone, and the
 * lines are joined only after the inline rules ran. So a bracketed span cut by a line break is mended first:
 * the head of the next line up to the closing bracket moves to the end of the line it was cut from, but only
 * when the whole span is a watermark or a paid notice; every other cut (a 《title》, a parenthesis) stays.
 */

const PAIRS: Readonly<Record<string, string>> = {
  '【': '】',
  '〖': '〗',
  '[': ']',
  '［': '］',
  '「': '」',
  '『': '』',
  '〔': '〕',
  '﹝': '﹞',
  '〈': '〉',
  '《': '》',
  '{': '}',
  // Round brackets hold content most often: mended only when the whole span is a dodged watermark.
  '（': '）',
  '(': ')',
};
const CLOSERS = new Set(Object.values(PAIRS));
/** How far from the cut a span's halves may reach: watermarks and notices are short. */
const REACH = 40;

/** The opening bracket left unclosed near the end of `line`, with its position; null when none. */
function openTail(line: string): { at: number; close: string } | null {
  const from = Math.max(0, line.length - REACH);
  for (let i = line.length - 1; i >= from; i--) {
    const close = PAIRS[line[i]!];
    if (close !== undefined) return line.indexOf(close, i + 1) === -1 ? { at: i, close } : null;
    if (CLOSERS.has(line[i]!)) return null;
  }
  return null;
}

function isCleanedSpan(span: string): boolean {
  return stripWatermarks(span).removed.length > 0 || markPaywall(span, false).removed.length > 0;
}

/** A source line after mending, with the width it had on the page (the wrap measures that, not the text). */
export interface MendedLine {
  text: string;
  /** The line's length in the source, trimmed, before a span's tail moved onto it. */
  width: number;
}

/** What a delimited notice begins and ends with: a bracket, a dash or a run of one symbol. */
const DELIMITER = /[【】[\]（）()〔〕『』「」〖〗﹝﹞〈〉—*=~#·•。.\-－＝～▼▲★☆◆◇■□●○↓…]/;

const ONLY_DELIMITERS = new RegExp(`^(?:${DELIMITER.source}|\\s)*$`);

function delimited(span: string): boolean {
  return DELIMITER.test(span[0]!) && DELIMITER.test(span[span.length - 1]!);
}

/**
 * A notice between rules or dashes that a wrap cut anywhere ("…促****" / "** [全文需付费] ******进…",
 * "…发布*** 以下为付费内容 " / "***权威信息"), or said in a sentence and cut there ("…列本文为付费内容" /
 * "，完整版请扫码购买入…"): the part on the next line moves up, so the notice goes whole.
 */
function mendDelimited(out: string[], i: number): boolean {
  const line = out[i]!.replace(/\r$/, '');
  const next = out[i + 1]!;
  const lead = next.length - next.trimStart().length;
  const tail = line.slice(Math.max(0, line.length - REACH));
  const head = next.slice(lead, lead + REACH);
  const tailSpans = markPaywall(tail, false).removed.filter(delimited);
  const headSpans = markPaywall(head, false).removed.filter(delimited);
  // Two lines read as one may be two paragraphs: only a notice of a known form is looked for across them.
  for (const span of markPaywall(tail + head, false, { unknownWording: false }).removed) {
    const at = (tail + head).indexOf(span);
    const end = at + span.length;
    // Only a span cut by the break: delimited at both ends, or a notice's words cut off mid-sentence (a line
    // ending a sentence ends its paragraph, and words read across a paragraph's end are no notice).
    if (at < 0 || at >= tail.length || end <= tail.length) continue;
    // A whole line taken for a notice is no span cut by the break: the two lines are read as one there.
    if (!delimited(span) && (/[。！？!?：:]\s*$/.test(tail) || span === (tail + head).trim())) continue;
    // A notice whole on one line, that the other line's delimiters only lengthen, stays: the dashes of a
    // ——heading under it, the 。 ending the sentence above it, are the text's own.
    const above = span.slice(0, tail.length - at);
    const below = span.slice(tail.length - at);
    if (ONLY_DELIMITERS.test(below) && tailSpans.includes(above.trim())) continue;
    if (/^[。！？…]$/.test(above.trim()) && headSpans.includes(below.trim())) continue;
    const moved = end - tail.length;
    out[i] = line.trimEnd() + next.slice(lead, lead + moved) + (out[i]!.endsWith('\r') ? '\r' : '');
    const rest = next.slice(lead + moved).trim();
    out[i + 1] = rest === '' ? '' : next.slice(0, lead) + next.slice(lead + moved).trimStart();
    return rest === '';
  }
  return false;
}

/** The lines with every watermark or paid notice cut by a line break made whole on the first line. */
export function mendSplitSpans(lines: readonly string[]): MendedLine[] {
  const widths = lines.map((l) => trimLine(l).length);
  const out = [...lines];
  // A line that was only a span's tail goes: left blank, it would end the paragraph there.
  const dropNext = (i: number): void => {
    out.splice(i + 1, 1);
    widths.splice(i + 1, 1);
  };
  for (let i = 0; i + 1 < out.length; i++) {
    if (mendDelimited(out, i)) dropNext(i);
    const open = openTail(out[i]!);
    // The next line may have just gone, when it held only a notice's tail.
    if (open === null || i + 1 >= out.length) continue;
    const next = out[i + 1]!;
    const lead = next.length - next.trimStart().length;
    const end = next.indexOf(open.close, lead);
    if (end === -1 || end - lead > REACH) continue;
    const head = next.slice(lead, end + 1);
    // The head holds no other opening: the close is this span's.
    if (head.slice(0, -1).includes(out[i]![open.at]!)) continue;
    if (!isCleanedSpan(out[i]!.slice(open.at) + head)) continue;
    out[i] = out[i]! + head;
    const rest = next.slice(end + 1);
    if (rest.trim() === '') dropNext(i);
    else out[i + 1] = next.slice(0, lead) + rest;
  }
  return out.map((text, i) => ({ text, width: widths[i]! }));
}
