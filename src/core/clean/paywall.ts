import { PAID_MARK } from './chars.js';
import { inlineNoticeSpans, replaceDelimitedNotices, widenNotice, type NoticeSpan } from './inline-notices.js';
import { locateNotice } from './notice-span.js';
import { isStrongNotice, membershipWords, MEMBERSHIP, READING, STRONG_NOTICE } from './notice-words.js';

/**
 * Paywall markers of 素材 sites. `##paidbegin##` opens the member-only part (at a line start or inside a
 * sentence); `##paidend##` closes it near the end. Chinese notices ("以下内容为会员专享") mark the same boundary.
 */
const PAID_BEGIN = new RegExp(
  String.raw`#{2,}\s*paid[\s_-]*begin\s*#{2,}|` +
    String.raw`[【\[]?(?:以下|下面|剩余|后续)(?:内容|部分)?(?:为|需|仅限|需要)?(?:付费|会员|VIP|vip)(?:专享|可见|阅读|内容|查看)?(?:内容)?[】\]]?(?=\s*$)`,
  'gi',
);
const PAID_END =
  /#{2,}\s*paid[\s_-]*end\s*#{2,}|(?:——+|[-=*~]{2,}|[【[（(])?\s*(?:(?:付费|会员|VIP|vip)(?:专享)?(?:内容|部分)(?:已|到此)?(?:结束|完毕)|以上(?:为|是)?(?:付费|会员|VIP|vip)(?:专享)?(?:内容|部分))\s*(?:——+|[-=*~]{2,}|[】\]）)])?/gi;
/** What a notice leaves on its line once it is out: the dashes or symbols it stood between. */
const DECORATION_ONLY = /^[\s—–\-=*~#…·.▼▲★☆◆◇■□●○↓↑]+$/;

/** A line alone that is a notice: short, no heading's number, no sentence ended (but the notice's own). */
const NOTICE_LINE_MAX = 60;
const NUMBERED =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，、])/;
/**
 * A preview's end said as a line of its own: a document site's page count with the way to the whole
 * ("本文共12页，当前第1页，下载完整版"), or a fold's arrow before 阅读全文 ("▼点击阅读全文").
 */
const PREVIEW_END =
  /^(?:本文|本文档|全文|文档)?共\s*\d+\s*页[，,]?[^。！？\n]{0,16}?(?:下载|查看|阅读)(?:完整版|全文|完整文档)$|^(?:本文|本文档|全文|文档)?共\s*\d+\s*页[，,]?\s*(?:当前|此处|以上|本页)(?:为|是|仅为|仅)?(?:免费)?(?:预览|试读|试看)(?:页|部分|内容)?[^。！？\n]{0,16}$|^[…．.\s]*(?:剩余|余下|还剩|剩下)(?:全文)?\s*\d+\s*(?:千|万)?(?:字|页)(?:未读)?[…．.\s]*$|^[▼↓⇩∨]+\s*(?:点击|展开)?(?:阅读|查看)全文\s*[▼↓⇩∨]*$|^(?:点击|展开)(?:阅读|查看)全文\s*[▼↓⇩∨]+$|^(?:还剩|剩余|余下|剩下)\s*\d+\s*页未读[，,]?\s*(?:是否)?继续(?:免费)?阅读(?:全文)?\s*[？?。.…]*$|^(?:全文|免费)(?:阅读|预览|试读|试看)(?:已)?结束[，,。！!]?[^。！？\n]{0,30}$|^(?:阅读|预览|试读)(?:已)?结束[，,][^。！？\n]{0,30}?(?:下载|积分|下载券|会员|VIP|购买|付费)[^。！？\n]{0,12}$|^试读(?:范围|部分)?(?:已|到此)?结束[，,]\s*(?:购买|付费|开通|订阅)[^。！？\n]{0,16}$|^(?:购买|付费|订阅|开通会员|开通VIP)后(?:即)?(?:可|方可|才能)?(?:继续)?(?:阅读|查看)(?:全文|完整内容|剩余内容)[。.！!]?$|^(?:本文|本文档|全文|文档)?共\s*\d+\s*页[，,]?\s*前\s*\d+\s*页(?:已|为|可)?(?:免费)?(?:预览|试读|试看)[。.]?$/;

/** A notice's own first words: a sentence that opens so is the notice, not content around one. */
const NOTICE_HEAD = /^[…．.\s【[（(—-]*(?:试读|试看|预览|免费阅读|以下|下面|剩余|余下|后续|本文|全文|开通|登录|付费)/;
/** A count of what is left and nothing else: "……余下全文9千字…", "剩余3页", "全文共5000字". */
const REMAINDER_ONLY =
  /^[…．.\s]*(?:余下|剩余|剩下|还剩|全文|本文)(?:全文|内容)?共?\s*\d+(?:\.\d+)?\s*(?:千|万)?(?:字|页)?(?:未读)?[…．.\s]*$/;

/**
 * A line that is a notice whole: short, no heading's number, and beside its bracketed notices (if any) only
 * more notice ("[VIP专享]以下内容需开通会员查看"), never a sentence of content around a notice.
 */
function isNoticeLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 4 || t.length > NOTICE_LINE_MAX || NUMBERED.test(t)) return false;
  let spans = 0;
  const rest = replaceDelimitedNotices(t, () => (spans++, ''));
  if (rest.length === 0) return false;
  // A sentence's end is content's mark, but a short notice strong and plain ends one too: "试读结束，请开通会员。"
  const noticeFirst = NOTICE_HEAD.test(rest);
  if (
    /[。！？!?]$/.test(rest) &&
    !(noticeFirst && rest.length <= 40 && STRONG_NOTICE.test(rest) && membershipWords(rest) >= 2)
  ) {
    return false;
  }
  // What is left beside a bracketed notice may only say what remains: "……余下全文9千字…（订阅专栏解锁）".
  if (spans > 0 && REMAINDER_ONLY.test(rest)) return true;
  return isStrongNotice(rest);
}

export interface PaywallResult {
  line: string;
  removed: string[];
  /** True when this line holds the paid boundary (as PAID_MARK at the marker's place). */
  begins: boolean;
}

export interface PaywallOptions {
  /** Look for notices of unknown wording too (see locateNotice); off where two lines are read as one. */
  unknownWording?: boolean;
}

/**
 * Replaces the first paid-begin marker with PAID_MARK and drops paid-end markers; other begin markers are
 * dropped too.
 */
export function markPaywall(line: string, alreadyBegun: boolean, options: PaywallOptions = {}): PaywallResult {
  const removed: string[] = [];
  let begins = false;
  let out = line.replace(PAID_END, (m) => {
    removed.push(m);
    return '';
  });
  const begin = (m: string): string => {
    removed.push(m);
    if (alreadyBegun || begins) return '';
    begins = true;
    return PAID_MARK;
  };
  out = out.replace(PAID_BEGIN, begin);
  const known = inlineNoticeSpans(out);
  const spans = known.length > 0 || options.unknownWording === false ? known : locatedNotices(out);
  // A line that is a notice goes whole, brackets and all ("[VIP专享]以下内容需开通会员查看"); but a short line
  // of a hard-wrapped page holds a notice inside its content ("统筹做好其他疾病本文为付费内容，…购买患者的"),
  // and what is left of it there is content, no notice's word in it.
  if (isNoticeLine(out) || PREVIEW_END.test(out.trim())) {
    if (spans.length === 0 || !isContentLeft(withoutSpans(out, spans, () => ''))) {
      return { line: out.replace(/\S.*\S|\S/, begin), removed, begins };
    }
  }
  out = withoutSpans(out, spans, begin);
  // "—— 以下为付费内容 ——" loses its words to a marker pattern: the dashes around them go with them.
  const bareLine = out.replace(PAID_MARK, '');
  if (removed.length > 0 && DECORATION_ONLY.test(bareLine)) {
    removed.push(bareLine.trim());
    out = out.includes(PAID_MARK) ? PAID_MARK : '';
  }
  return { line: out, removed, begins };
}

/** The line with each span replaced by what `replace` makes of its text. */
function withoutSpans(line: string, spans: readonly NoticeSpan[], replace: (text: string) => string): string {
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += line.slice(at, start) + replace(line.slice(start, end));
    at = end;
  }
  return out + line.slice(at);
}

/** What is left of a line once its notices are out is content: some words, none of a notice's or a button's. */
function isContentLeft(rest: string): boolean {
  return hasContentWords(rest) && !MEMBERSHIP.test(rest) && !READING.test(rest) && !NOTICE_CONTEXT.test(rest);
}

/** Words around a notice that content seldom has beside one: its buttons, its count of pages, its file. */
const NOTICE_CONTEXT = /下载|登录|注册|免费|文档|本文|预览|超出|范围|隐藏|客服|积分|完整/;

/**
 * A notice of unknown wording inside the line (see locateNotice), when that span is a notice by its words
 * and the line has content beside it; else none.
 */
function locatedNotices(line: string): NoticeSpan[] {
  const found = locateNotice(line);
  if (found === null) return [];
  const span = widenNotice(line, found);
  const rest = line.slice(0, span.start) + line.slice(span.end);
  return isStrongNotice(line.slice(span.start, span.end)) && hasContentWords(rest) ? [span] : [];
}

/** Content enough beside a notice to keep: six Chinese characters at least. */
function hasContentWords(text: string): boolean {
  return text.replace(/[^\p{Script=Han}]/gu, '').length >= 6;
}
