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
const PAID_END = /#{2,}\s*paid[\s_-]*end\s*#{2,}/gi;

/**
 * A site's own paywall notice, by its form rather than its words: a span in brackets or between dashes
 * (or a short line alone that ends no sentence) that names membership or payment and reading: "——试读结束，开通VIP阅读全文——",
 * "【温馨提示：剩余3页未读，开通会员后可查看】", "……（本文共5000字，剩余内容需登录会员后阅读）".
 */
const NOTICE_SPAN =
  /(?:…+|\.{3,})?(?:——+|[【[（(〔])([^【】[\]（）()〔〕\n]{2,48}?)(?:——+|[】\]）)〕])|^[^【】[\]（）()\n]{3,39}[^【】[\]（）()\n。！？!?]$/g;
const MEMBERSHIP = /会员|VIP|vip|付费|开通|登录后|充值|订阅/;
const READING = /阅读|查看|全文|专享|可见|剩余|未读|试读|继续|解锁|观看/;

function isPaidNotice(text: string): boolean {
  return MEMBERSHIP.test(text) && READING.test(text);
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
  out = out.replace(NOTICE_SPAN, (m, inner: string | undefined) => (isPaidNotice(inner ?? m) ? begin(m) : m));
  return { line: out, removed, begins };
}
