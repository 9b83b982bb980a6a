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
};
/** How far from the cut a span's halves may reach: watermarks and notices are short. */
const REACH = 40;

/** The opening bracket left unclosed near the end of `line`, with its position; null when none. */
function openTail(line: string): { at: number; close: string } | null {
  const from = Math.max(0, line.length - REACH);
  for (let i = line.length - 1; i >= from; i--) {
    const close = PAIRS[line[i]!];
    if (close !== undefined) return line.indexOf(close, i + 1) === -1 ? { at: i, close } : null;
    if (Object.values(PAIRS).includes(line[i]!)) return null;
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

/** The lines with every watermark or paid notice cut by a line break made whole on the first line. */
export function mendSplitSpans(lines: readonly string[]): MendedLine[] {
  const widths = lines.map((l) => trimLine(l).length);
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const open = openTail(out[i]!);
    if (open === null) continue;
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
    // A line that was only the span's tail goes: left blank, it would end the paragraph there.
    if (rest.trim() === '') {
      out.splice(i + 1, 1);
      widths.splice(i + 1, 1);
    } else out[i + 1] = next.slice(0, lead) + rest;
  }
  return out.map((text, i) => ({ text, width: widths[i]! }));
}
