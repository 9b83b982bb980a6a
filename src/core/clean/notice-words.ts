/**
 * The words of paywall notices: membership or payment (MEMBERSHIP), reading what is left (READING), and the
 * words only notices use (STRONG_NOTICE). Content may say one such word (发展读书会员); a notice says two.
 */

export const MEMBERSHIP =
  /会员|VIP|vip|付费|仅(?:提供|展示)部分|篇幅所限|如需(?:完整|全文|阅读全文|下载)|联系客服|已隐藏|此处隐藏|隐藏\s*\d+\s*字|需要登录|登录(?:后)?(?:才能|方可|即可)?(?:查看|阅读|可见)|超出(?:免费)?预览|最多(?:只能)?预览|获取完整版|下载(?:完整版|原文档|全文)|立即购买|购买全文|还有\s*\d+\s*(?:千|万)?字|到此结束|展开阅读全文|开通|登录后|充值|订阅|(?:剩余|余下|还剩|剩下)\s*\d+\s*(?:千|万)?(?:字|页)|下载后|试读(?:已)?结束|(?:试看|预览|免费阅读)(?:已)?结束|下载券|积分|购买|支付|解锁|[¥￥]|\d元|隐藏的?内容|游客|回复(?:后|才)|(?:余下|剩余)(?:全文|内容)/;
export const READING =
  /阅读|查看|试看|全文|全部内容|完整内容|专享|可见|剩余|余下|未读|试读|继续|解锁|观看|浏览|下载后|完整版/;
export const STRONG_NOTICE =
  /立即购买|仅(?:提供|展示)部分|篇幅所限|已隐藏|此处隐藏|联系客服|超出(?:免费)?预览|最多(?:只能)?预览|获取完整版|下载(?:完整版|原文档)|成为会员|开通会员|需要登录|登录查看|购买全文|付费文章|还有\s*\d+\s*(?:千|万)?字|试看[^。！？\n]{0,4}结束|展开阅读全文|(?:剩余|余下|还剩|剩下)\s*\d+\s*(?:千|万)?(?:字|页)[^。！？\n]{0,10}?(?:下载|阅读|查看)|试读(?:已)?结束|(?:试看|预览|免费阅读)(?:已)?结束|付费|解锁|VIP|vip|会员专享|隐藏的?内容|下载券|(?:余下|剩余)(?:全文|内容|部分)|完整版|登录后(?:才能|方可|可)?(?:查看|阅读|浏览)(?:全文|完整|全部)/;

export function isPaidNotice(text: string): boolean {
  return MEMBERSHIP.test(text) && READING.test(text);
}

/** Distinct membership words in a text: one may be content (发展读书会员), two are a notice. */
export function membershipWords(text: string): number {
  return new Set(text.match(new RegExp(MEMBERSHIP.source, 'g')) ?? []).size;
}

/** A span that is a notice by its words: membership and reading, with a strong word or two membership words. */
export function isStrongNotice(text: string): boolean {
  return isPaidNotice(text) && (STRONG_NOTICE.test(text) || membershipWords(text) >= 2);
}
