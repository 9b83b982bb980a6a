import { PAID_MARK } from './chars.js';

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

/**
 * A site's own paywall notice, by its form rather than its words: a span in brackets of any kind, between
 * dashes, runs of one symbol (== ** ▼▼) or arrows pointing in (>>> <<<), that names membership or payment and reading: "——试读结束，开通VIP
 * 阅读全文——", "【温馨提示：剩余3页未读，开通会员后可查看】", "……（本文共5000字，剩余内容需登录会员后阅读）".
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
const MEMBERSHIP =
  /会员|VIP|vip|付费|开通|登录后|充值|订阅|(?:剩余|余下|还剩|剩下)\s*\d+\s*(?:千|万)?(?:字|页)|下载后|试读(?:已)?结束|(?:试看|预览|免费阅读)(?:已)?结束|下载券|积分|购买|支付|解锁|[¥￥]|\d元|隐藏的?内容|游客|回复(?:后|才)|(?:余下|剩余)(?:全文|内容)/;
const READING = /阅读|查看|全文|专享|可见|剩余|余下|未读|试读|继续|解锁|观看|浏览|下载后|完整版/;
/** A line alone that is a notice: short, no heading's number, no sentence ended (but the notice's own). */
const NOTICE_LINE_MAX = 60;
const NUMBERED =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，、])/;
const STRONG_NOTICE =
  /(?:剩余|余下|还剩|剩下)\s*\d+\s*(?:千|万)?(?:字|页)[^。！？\n]{0,10}?(?:下载|阅读|查看)|试读(?:已)?结束|(?:试看|预览|免费阅读)(?:已)?结束|付费|解锁|VIP|vip|会员专享|隐藏的?内容|下载券|(?:余下|剩余)(?:全文|内容|部分)|完整版|登录后(?:才能|方可|可)?(?:查看|阅读|浏览)(?:全文|完整|全部)/;

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

function isPaidNotice(text: string): boolean {
  return MEMBERSHIP.test(text) && READING.test(text);
}

/** Distinct membership words in a text: one may be content (发展读书会员), two are a notice. */
function membershipWords(text: string): number {
  return new Set(text.match(new RegExp(MEMBERSHIP.source, 'g')) ?? []).size;
}

/**
 * A line that is a notice whole: short, no heading's number, and beside its bracketed notices (if any) only
 * more notice ("[VIP专享]以下内容需开通会员查看"), never a sentence of content around a notice.
 */
function isNoticeLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 4 || t.length > NOTICE_LINE_MAX || NUMBERED.test(t)) return false;
  let spans = 0;
  const rest = t.replace(
    NOTICE_SPAN,
    (m, inner?: string, _d?: string, delimited?: string, _r?: string, ruled?: string, arrowed?: string) =>
      isPaidNotice(inner ?? delimited ?? ruled ?? arrowed ?? m) ? (spans++, '') : m,
  );
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
  return isPaidNotice(rest) && (STRONG_NOTICE.test(rest) || membershipWords(rest) >= 2);
}

export interface PaywallResult {
  line: string;
  removed: string[];
  /** True when this line holds the paid boundary (as PAID_MARK at the marker's place). */
  begins: boolean;
}

/**
 * Replaces the first paid-begin marker with PAID_MARK and drops paid-end markers; other begin markers are
 * dropped too.
 */
export function markPaywall(line: string, alreadyBegun: boolean): PaywallResult {
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
  // A line that is a notice goes whole, brackets and all ("[VIP专享]以下内容需开通会员查看"); but a short line
  // of a hard-wrapped page holds a notice inside its content ("统筹做好其他疾病本文为付费内容，…购买患者的"),
  // and what the inline rules leave of it there is content, no notice's word in it.
  if (isNoticeLine(out) || PREVIEW_END.test(out.trim())) {
    const inline = inlineNotices(out, () => PAID_MARK).replace(PAID_MARK, '');
    if (inline === out || !isContentLeft(inline)) return { line: out.replace(/\S.*\S|\S/, begin), removed, begins };
  }
  out = inlineNotices(out, begin);
  // "—— 以下为付费内容 ——" loses its words to a marker pattern: the dashes around them go with them.
  const bareLine = out.replace(PAID_MARK, '');
  if (removed.length > 0 && DECORATION_ONLY.test(bareLine)) {
    removed.push(bareLine.trim());
    out = out.includes(PAID_MARK) ? PAID_MARK : '';
  }
  return { line: out, removed, begins };
}

/** The line with each notice span or inline notice replaced by what `begin` makes of it. */
function inlineNotices(line: string, begin: (m: string) => string): string {
  return line
    .replace(
      NOTICE_SPAN,
      (m, inner?: string, _delim?: string, delimited?: string, _rule?: string, ruled?: string, arrowed?: string) =>
        isPaidNotice(inner ?? delimited ?? ruled ?? arrowed ?? m) ? begin(m) : m,
    )
    .replace(INLINE_NOTICE, begin)
    .replace(INLINE_TRIAL_END, begin)
    .replace(INLINE_REMAINDER, begin)
    .replace(INLINE_CUT_REMAINDER, begin)
    .replace(INLINE_WAY_IN, begin)
    .replace(INLINE_DECLARED, begin);
}

/** What is left of a line once its notices are out is content: some words, none of a notice's or a button's. */
function isContentLeft(rest: string): boolean {
  const words = rest.replace(/[^\p{Script=Han}]/gu, '');
  return words.length >= 6 && !MEMBERSHIP.test(rest) && !READING.test(rest) && !/下载|登录|注册|免费/.test(rest);
}
