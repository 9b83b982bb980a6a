import { PAID_MARK } from '../clean/chars.js';
import { moveLine, type SourceLine } from './source-lines.js';

/** What a document says of itself around its body: when and where, who speaks or issues it. */
export interface DocumentFrame {
  /** "2026年1月26日在…会议上": the dash line under a title, without its dashes. */
  subtitle: string | null;
  /** A byline under the title (某某省人民政府省长 某某) or the issuing organ signed at the end. */
  signature: string | null;
  /** The date signed at the end or given under the title, "YYYY-MM-DD". */
  signedAt: string | null;
  /** The signature and date at the end stood in the paid part: they are paid text, for its readers alone. */
  closingPaid: boolean;
}

const DASH_LINE = /^[—－–-]{1,2}\s*(\S.{3,98})$/;
/** A subtitle printed without its dashes: "2025年1月16日在某某省第十四届人民代表大会第三次会议上". */
const DATED_OCCASION = /^((?:19|20)\d{2}年\d{1,2}月\d{1,2}日在.{4,80}(?:上|时))$/;
const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const DATE_ONLY =
  /^[（(]?\s*((?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[)）]?$/;
/** A position and a name ("某某省人民政府省长 某某"), or a name alone; no punctuation a sentence has. */
const BYLINE = /^(?:[\u4e00-\u9fff（）、]{2,30}\s+)?[\u4e00-\u9fff·]{2,4}$/;
/** Short lines of the BYLINE form that open a document's parts instead (第一章 总则, 前言). */
const NOT_A_NAME =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分编篇]|前\s*言|引\s*言|总\s*则|附\s*则|序\s*言|导\s*语|摘\s*要|目\s*录|概\s*述|说\s*明|附\s*件)/;
const ORGAN =
  /(?:人民政府|人民代表大会(?:常务委员会)?|委员会|办公厅|办公室|党组|党委|工委|人大常委会|政协|法院|检察院|局|厅|部|委|署|院|中心|公司|集团|大学|学校|支部|总支|协会|联合会|政府|调查(?:总)?队|(?:总|支|大)队)$/;

function chineseNumber(text: string): string {
  if (/^\d+$/.test(text)) return text;
  if (text.length === 4) return [...text].map((c) => CN_DIGIT[c] ?? '0').join('');
  // 十 = 10, 十二 = 12, 二十 = 20, 二十五 = 25.
  const [tens, ones] = text.split('十');
  if (ones === undefined) return CN_DIGIT[text] ?? '0';
  return String((tens ? Number(CN_DIGIT[tens]) : 1) * 10 + (ones ? Number(CN_DIGIT[ones]) : 0));
}

/** "YYYY-MM-DD" of a line that is a date and nothing else (2024年3月5日, 二〇二四年三月五日, （2024年3月5日）). */
export function dateLineOf(text: string): string | null {
  const m = DATE_ONLY.exec(text);
  if (!m) return null;
  const pad = (s: string): string => chineseNumber(s).padStart(2, '0');
  return `${chineseNumber(m[1]!)}-${pad(m[2]!)}-${pad(m[3]!)}`;
}

/**
 * Indices of the lines that still hold text, up to where the paid part begins: a frame line is shown to
 * every reader, so one from the paid part stays paid text.
 */
function filledLines(lines: readonly SourceLine[]): number[] {
  const paidFrom = paidLineOf(lines);
  const free = paidFrom < 0 ? lines : lines.slice(0, paidFrom);
  return free.flatMap((l, i) => (l.text ? [i] : []));
}

/** The line the paid part begins on (or inside); -1 when there is none. */
function paidLineOf(lines: readonly SourceLine[]): number {
  return lines.findIndex((l) => l.paidStart || l.text.includes(PAID_MARK));
}

/**
 * Takes a document's frame out of its body lines (they become metadata, not paragraphs or outline):
 * a dash subtitle or a date line right under the title, a byline after them, and at the end the issuing
 * organ and date of a signature. Only lines of these exact forms move; a long or punctuated line stays.
 */
export function takeFrame(lines: SourceLine[]): DocumentFrame {
  const frame: DocumentFrame = { subtitle: null, signature: null, signedAt: null, closingPaid: false };
  const head = filledLines(lines).slice(0, 4);
  // Under the title, in this order, each at most once: ——subtitle, （date）, byline; a body line must follow.
  for (let k = 0; k < head.length - 1; k++) {
    const text = lines[head[k]!]!.text;
    const dash =
      frame.subtitle === null && frame.signedAt === null ? (DASH_LINE.exec(text) ?? DATED_OCCASION.exec(text)) : null;
    const dated = frame.signedAt === null ? dateLineOf(text) : null;
    if (dash) {
      frame.subtitle = dash[1]!.trim();
      // A hard wrap cut it ("——2025年1月14日在…第四次会" / "议上"): its short tail, unindented, goes with it.
      const next = lines[head[k + 1]!]!;
      const whole = frame.subtitle + next.text;
      if (
        k + 2 < head.length &&
        !next.indented &&
        next.text.length <= 12 &&
        endsOccasion(whole) &&
        !endsOccasion(frame.subtitle)
      ) {
        frame.subtitle = whole;
        moveLine(lines, head[k + 1]!);
        head.splice(k + 1, 1);
      }
    } else if (dated) frame.signedAt = dated;
    else if (isByline(text)) frame.signature = text;
    else break;
    moveLine(lines, head[k]!);
    if (frame.signature !== null) break;
  }
  takeSignature(lines, frame);
  return frame;
}

/** How a speech's subtitle ends: at its occasion (…会议上, …开幕时) or a bracket. */
function endsOccasion(text: string): boolean {
  return /(?:上|时|中|讲话|报告|发言|致辞|[）)])$/.test(text);
}

/** A position and a name, or a name alone (spaced out with full-width spaces in print). */
function isByline(text: string): boolean {
  return (
    (BYLINE.test(text) || /^(?:[\u4e00-\u9fff][\s\u3000]+){1,3}[\u4e00-\u9fff]$/.test(text)) && !NOT_A_NAME.test(text)
  );
}

/** A note printed under a signature: （此件公开发布）, （本文有删减）. It stays text; the signature is above it. */
const SIGNATURE_NOTE = /^[（(][^（）()]{2,20}[)）]$/;

/**
 * A line of a document's frame: an organ, a date, a note under a signature. Such lines stand in many
 * documents of one issuer, so repetition across a batch never marks them as boilerplate.
 */
export function isFrameLine(text: string): boolean {
  return isOrgan(text) || dateLineOf(text) !== null || SIGNATURE_NOTE.test(text);
}

/** An issuing organ's line: short, ending as organs' names end, no sentence punctuation. */
function isOrgan(text: string): boolean {
  return text.length <= 30 && ORGAN.test(text) && !/[，。；：！？,;:、]/.test(text) && !NOT_A_NAME.test(text);
}

/**
 * The organ and date signed: the first organ line with a date under it, wherever it stands (a 印发 notice
 * signs before the document it sends, a forwarding notice before the report it forwards); else an organ
 * or a date alone ending the text.
 */
function takeSignature(lines: SourceLine[], frame: DocumentFrame): void {
  // A signature in the paid part is taken too, marked paid (closingPaid), unless a free byline or date
  // under the title already said who and when: one field must not mix free and paid text.
  const paidFrom = paidLineOf(lines);
  const inPaid = (at: number): boolean => paidFrom >= 0 && at >= paidFrom;
  const paidAllowed = frame.signature === null && frame.signedAt === null;
  // Nor when the paid part would be left empty: the boundary stays where the site put it.
  const firstPaid = paidFrom < 0 ? -1 : lines.findIndex((l, i) => i >= paidFrom && l.text !== '');
  const filled = lines.flatMap((l, i) => (l.text && (paidAllowed || !inPaid(i)) ? [i] : []));
  for (let k = 0; k + 1 < filled.length; k++) {
    const organAt = filled[k]!;
    const signedDate = filled[k + 1] === firstPaid ? null : dateLineOf(lines[filled[k + 1]!]!.text);
    if (signedDate && organAt !== firstPaid && isOrgan(lines[organAt]!.text)) {
      // A line moves only into a field it fills: an organ under a byline, a second date, stay text.
      if (frame.signature === null) {
        // Organs that sign jointly stand one above the other over the one date.
        let first = k;
        while (first > 0 && filled[first - 1] !== firstPaid && isOrgan(lines[filled[first - 1]!]!.text)) first--;
        const organs = filled.slice(first, k + 1);
        frame.signature = organs.map((at) => lines[at]!.text).join('\u3000');
        frame.closingPaid ||= organs.some(inPaid);
        for (const at of organs) moveLine(lines, at);
      }
      if (frame.signedAt === null || frame.signedAt === signedDate) {
        frame.signedAt = signedDate;
        frame.closingPaid ||= inPaid(filled[k + 1]!);
        moveLine(lines, filled[k + 1]!);
      }
      return;
    }
  }
  // The last line, or the one above a note printed under the signature.
  let lastAt = filled.at(-1);
  if (lastAt !== undefined && SIGNATURE_NOTE.test(lines[lastAt]!.text)) lastAt = filled.at(-2);
  if (lastAt === undefined || lastAt === firstPaid) return;
  // A date under the paid part's only line (an organ, most likely) would split the signature from its date.
  if (inPaid(lastAt) && filled[filled.indexOf(lastAt) - 1] === firstPaid) return;
  const signedDate = dateLineOf(lines[lastAt]!.text);
  if (signedDate) {
    if (frame.signedAt === null || frame.signedAt === signedDate) {
      frame.signedAt = signedDate;
      frame.closingPaid ||= inPaid(lastAt);
      moveLine(lines, lastAt);
    }
  } else if (frame.signature === null && isOrgan(lines[lastAt]!.text)) {
    // An organ alone at the end signs only a document no byline signed.
    frame.signature = lines[lastAt]!.text;
    frame.closingPaid ||= inPaid(lastAt);
    moveLine(lines, lastAt);
  }
}
