import type { NoticeSpan } from './inline-notices.js';

/**
 * Where a paywall notice of unknown wording stands inside a line of content. Sites glue their notice into a
 * sentence with no bracket around it ("…发展思想试读已结束，如需阅读全文请下载文档切实增强…"), and no list
 * holds every wording. But a notice opens with words that open notices (试读, 本文档, 如需, 以下, 剩余, 开通,
 * 扫码…) near a word only notices use (试读, 付费, VIP, 解锁…), and closes on words that close them (阅读,
 * 查看, 全文, 下载, 可见, 完整版…): the span runs from that opening to the last such close in reach. The
 * caller checks that the span is a notice and that what is left is content; nothing here decides that.
 */

/** Words a notice opens with, a greeting or a tip's label before them. */
const OPENING = new RegExp(
  String.raw`(?:亲[，,]\s*|(?:温馨提示|友情提示|提示)[:：]\s*)?` +
    '(?:试读|试看|免费试看|免费预览|预览|本文档|本文章|本篇|本文|该文档|该内容|此处|以下|下面|剩余|余下|剩下|后面还有|' +
    '还剩|篇幅所限|内容已|内容预览|如需|如果需要|想要|未完|成为会员|开通|立即购买|立即开通|购买|支付|扫码|关注公众号|' +
    '登录|点击|更多内容|完整版|会员专属|会员专享|VIP|vip|付费)',
  'g',
);
/** Words a notice closes on, with the marks that end it. */
const CLOSING = new RegExp(
  '(?:阅读全文|查看全文|浏览全部内容|全部内容|完整内容|剩余内容|全文|完整版|阅读|查看|浏览|可见|' +
    '下载(?:文档|原文档|附件|完整版|全文)?|附件|文档|客服|范文|购买|获取|解锁|全部|会员|VIP|元|[¥￥]\\s*\\d+(?:\\.\\d+)?)' +
    String.raw`(?:吧|哦|呢)?[！!。.…～~]*`,
  'g',
);
/** The longest span a notice runs to; past it, opening and closing words belong to different sentences. */
const SPAN_MAX = 60;

/** Words only a notice uses, one of which every notice has: the span is looked for around the first. */
const STRONG =
  /试读|试看|付费|VIP|vip|会员专|成为会员|开通会员|解锁|积分|下载券|隐藏|未读|预览|完整版|登录后|登录查看|需要登录|购买后|购买全文|支付后|扫码支付|订阅后|篇幅所限|仅(?:展示|提供)部分|联系客服|还有\s*\d+\s*字/;
/** The same words, each of them in turn: a later one carries the notice on. */
const STRONG_WORDS = new RegExp(STRONG.source, 'g');
/** How far past a notice's last word (a strong word or a close) its next close may stand. */
const CLOSE_GAP = 10;
/** How far before its first strong word a notice may open ("本文档仅提供部分内容试读"). */
const OPEN_REACH = 12;

/**
 * The span from the first opening word within OPEN_REACH before the line's first strong word (or that word
 * itself) to the last closing word within SPAN_MAX of it, each close at most CLOSE_GAP past the notice's
 * last word; null when the line has no strong word or no close after it.
 */
export function locateNotice(line: string): NoticeSpan | null {
  const strong = STRONG.exec(line);
  if (!strong) return null;
  OPENING.lastIndex = Math.max(0, strong.index - OPEN_REACH);
  const open = OPENING.exec(line);
  const start = open !== null && open.index <= strong.index ? open.index : strong.index;
  let end = -1;
  // A notice is dense in its words: a close further than CLOSE_GAP past its last word is content's word.
  let reached = strong.index + strong[0].length;
  STRONG_WORDS.lastIndex = reached;
  let nextStrong = STRONG_WORDS.exec(line);
  CLOSING.lastIndex = strong.index;
  for (let m = CLOSING.exec(line); m !== null; m = CLOSING.exec(line)) {
    while (nextStrong !== null && nextStrong.index < m.index && nextStrong.index - reached <= CLOSE_GAP) {
      reached = Math.max(reached, nextStrong.index + nextStrong[0].length);
      nextStrong = STRONG_WORDS.exec(line);
    }
    if (m.index + m[0].length - start > SPAN_MAX || m.index - reached > CLOSE_GAP) break;
    end = m.index + m[0].length;
    reached = end;
  }
  return end > start ? { start, end } : null;
}
