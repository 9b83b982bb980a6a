import { isPaidNotice } from './notice-words.js';

/**
 * Paywall notices of known forms inside a line: a delimited span (brackets, dashes, runs of one symbol,
 * arrows) whose words are a notice's, and notices said inside a sentence in the wordings sites use. Each is
 * found as a span of the line, widened over the words around it that are still the notice's.
 */

export interface NoticeSpan {
  start: number;
  end: number;
}

/**
 * A site's own paywall notice, by its form rather than its words: a span in brackets of any kind, between
 * dashes, runs of one symbol (== ** ▼▼) or arrows pointing in (>>> <<<), that names membership or payment
 * and reading: "——试读结束，开通VIP阅读全文——", "【温馨提示：剩余3页未读，开通会员后可查看】",
 * "……（本文共5000字，剩余内容需登录会员后阅读）".
 */
const NOTICE_SPAN =
  /(?:…+|\.{3,}|。{3,}|·{3,})?(?:——+|[【[（(〔『「〖﹝〈])([^【】[\]（）()〔〕『』「」〖〗﹝﹞〈〉\n]{2,48}?)(?:——+|[】\]）)〕』」〗﹞〉])|([=＝*~～#▼▲★☆◆◇■□●○↓…])\2*\s*([^\n]{4,48}?)\s*\2+|([·•。.\-－])(?:\s?\4){2,}\s*([^\n]{4,48}?)\s*\4(?:\s?\4){2,}|(?:>{2,}|»+|＞{2,})\s*([^\n<>«»＜＞]{4,48}?)\s*(?:<{2,}|«+|＜{2,})/g;
/** The notice said inside a sentence without brackets: "以下为付费内容，6.9元解锁全文". */
const INLINE_NOTICE =
  /(?:[▍|]?\s*(?:温馨提示|友情提示|提示)[:：]\s*)?(?:以下|下面|剩余|余下|后续)(?:内容|部分)?(?:为|是|需|需要|仅限)?(?:付费|会员|VIP|vip)(?:(?:专享|专属|可见)(?:内容)?|(?:阅读|查看)?内容)(?:[，,]\s*[^，。！？\n]{0,12}?(?:解锁|阅读|查看|浏览)(?:全文|剩余内容|更多内容)?)?/g;
/** What is left counted after an ellipsis, the rest cut off: "……余下3456字". The ellipsis says it is no figure. */
const INLINE_CUT_REMAINDER =
  /(?:…{1,}|\.{3,})\s*(?:剩余|余下|还剩|剩下)(?:全文)?\s*\d+\s*(?:千|万)?(?:字|页)(?:未读)?(?:…+|\.{3,})?/g;
/** A trial's end said mid-sentence: "试读已结束，剩余4页未读，继续阅读需消耗2下载券". */
const INLINE_TRIAL_END = /试读(?:已)?结束[^。！？\n]{0,40}(?:下载券|积分|全文|会员|VIP)/g;
/**
 * What is left, then the paid way in to read it: "剩余内容需开通会员后查看", "余下全文请订阅专栏后阅读". A
 * notice's "以下内容请登录平台查看" names no payment and stays.
 */
const INLINE_WAY_IN =
  /(?:以下|下面|剩余|余下|后续|剩下)(?:全文|内容|部分)[^，。！？\n]{0,8}?(?:开通|购买|充值|升级|订阅|付费|解锁|下载)(?:[^，。！？\n]{0,8}?(?:会员|VIP|vip|专栏))?[^，。！？\n]{0,6}?(?:阅读|查看|浏览|可见|解锁)(?:全文|剩余内容|完整内容|更多内容)?/g;
/**
 * The text declared paid, then maybe the way to the whole: "本文为付费内容，完整版请扫码购买", "此文系会员专享文章".
 */
const INLINE_DECLARED =
  /(?:本文|本篇|全文|此文|该文|本文档)(?:为|是|系|属于?)(?:付费|会员|VIP|vip|SVIP)(?:专享|专属|可见)?(?:内容|文章|文档|资料)(?:[，,]\s*[^，。！？\n]{0,16}?(?:购买|解锁|开通|订阅|下载|阅读|查看)(?:全文|完整版|完整内容|全部内容)?)?/g;
/** What is left counted, then the way to read it: "剩余3456字，开通VIP继续阅读", "还剩5页，登录会员后查看". */
const INLINE_REMAINDER =
  /(?:…+)?(?:剩余|余下|还剩|剩下)(?:全文)?\s*\d+\s*(?:千|万)?(?:字|页)(?:未读)?[，,：:]?\s*(?:请|需)?(?:点击|开通|登录|购买|充值|升级|成为|加入)\s*(?:VIP|vip|SVIP|会员)?(?:会员)?(?:后|即可)?(?:继续|可)?(?:阅读|查看|浏览)(?:全文|剩余内容)?/g;

/** The line with each delimited span whose words are a notice's replaced by what `replace` makes of it. */
export function replaceDelimitedNotices(line: string, replace: (span: string) => string): string {
  return line.replace(
    NOTICE_SPAN,
    (m, inner?: string, _delim?: string, delimited?: string, _rule?: string, ruled?: string, arrowed?: string) =>
      isPaidNotice(inner ?? delimited ?? ruled ?? arrowed ?? m) ? replace(m) : m,
  );
}

/** The inline wordings, in the order they are looked for. */
const INLINE_FORMS = [
  INLINE_NOTICE,
  INLINE_TRIAL_END,
  INLINE_REMAINDER,
  INLINE_CUT_REMAINDER,
  INLINE_WAY_IN,
  INLINE_DECLARED,
];
/** Stands in for a found span while the next form is looked for: offsets stay, and no form matches it twice. */
const FILL = '\uE001';
const FILLED = /\uE001+/g;

/** The subject or a tip's label just before a notice ("本文|剩余部分需订阅后阅读", "提示：|…"). */
const LEAD = /(?:本文|本篇|该文|此文|全文|(?:温馨提示|友情提示|提示)[:：]\s*)$/;
/** The way to read it just after ("…开通会员|继续阅读"): a notice's close, never content's words. */
const CLOSE =
  /^[，,\s]*(?:请|即可|后|可|立即)?(?:继续)?(?:阅读|查看|浏览|下载)(?:全文|全部(?:内容)?|完整版|剩余内容|原?文档|附件)?/;

/** The span widened over its lead, its close, and dashes standing on both sides of it ("————以下为VIP内容————"). */
export function widenNotice(line: string, span: NoticeSpan): NoticeSpan {
  let { start, end } = span;
  start -= LEAD.exec(line.slice(Math.max(0, start - 8), start))?.[0].length ?? 0;
  end += CLOSE.exec(line.slice(end))?.[0].length ?? 0;
  const dashesBefore = /[—–-]{2,}\s*$/.exec(line.slice(0, start));
  const dashesAfter = /^\s*[—–-]{2,}/.exec(line.slice(end));
  if (dashesBefore && dashesAfter) {
    start -= dashesBefore[0].length;
    end += dashesAfter[0].length;
  }
  return { start, end };
}

/** The known notices of a line as spans, in order, widened and not overlapping. */
export function inlineNoticeSpans(line: string): NoticeSpan[] {
  const fill = (m: string): string => FILL.repeat(m.length);
  let work = replaceDelimitedNotices(line, fill);
  for (const form of INLINE_FORMS) work = work.replace(form, fill);
  const spans: NoticeSpan[] = [];
  for (const m of work.matchAll(FILLED)) {
    const span = widenNotice(line, { start: m.index, end: m.index + m[0].length });
    const last = spans[spans.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else spans.push(span);
  }
  return spans;
}
