/**
 * Injected watermarks: bracketed promotional spans glued to headings or sentences, often with symbols
 * inserted to dodge filters ("[最*新热点素材尽在【公^众号：%~长君】#]"). A bracketed span is a watermark when
 * its text, with the dodge symbols taken out, promotes a channel; plain bracketed content stays.
 */
const BRACKETED =
  /\[[^[\]\n]{1,80}\]|【[^【】\n]{1,40}】|\{[^{}\n]{1,60}\}|〖[^〖〗\n]{1,40}〗|「[^「」\n]{1,40}」|『[^『』\n]{1,40}』|《[^《》\n]{1,40}》|〈[^〈〉\n]{1,40}〉|﹝[^﹝﹞\n]{1,40}﹞|〔[^〔〕\n]{1,40}〕|<{1,2}[^<>\n]{1,40}>{1,2}|［[^［］\n]{1,40}］|（[^（）\n]{1,40}）|\([^()\n]{1,40}\)/g;
const DODGE_SYMBOLS = /[*^%~&#@$!_+=|\\/`'·•\-－\s]/g;
const HAS_DODGE_SYMBOL = /[*^%~&#@$!_+=|\\/`]|[\u4e00-\u9fff][·•\-－][\u4e00-\u9fff]/;
const BRACKET_CHARS = /[【】[\]〖〗「」『』《》〈〉﹝﹞〔〕［］<>]/g;
const PROMO = /素材|公众号|公号|微信|关注|尽在|获取|下载|会员|搜索|热点|原创|QQ|qq|VX|vx|加群|扫码|网盘/;
const STRONG_PROMO = /公众号|素材|微信|扫码|加群/;
/** A site's own name or claim ("拾笔公文网", "版权所有"): a watermark when dodge symbols break it up. */
const SITE_WORD = /网|站|库|文稿|范文|版权|所有|笔记|文库|材料|写作|文秘|出品|转载|首发|独家|整理/;

/** Returns the line without watermark spans, and the removed spans. */
export function stripWatermarks(line: string): { line: string; removed: string[] } {
  const removed: string[] = [];
  const out = line.replace(BRACKETED, (span) => {
    const inner = span.slice(1, -1);
    const bare = inner.replace(DODGE_SYMBOLS, '').replace(BRACKET_CHARS, '');
    const dodged = HAS_DODGE_SYMBOL.test(inner) && /[\u4e00-\u9fff]{2}/.test(bare);
    const promoted = PROMO.test(bare) && (dodged || STRONG_PROMO.test(bare));
    // Round brackets hold content often: only a dodged span in them is a watermark.
    const round = span.startsWith('（') || span.startsWith('(');
    const watermark = round
      ? dodged && (PROMO.test(bare) || SITE_WORD.test(bare))
      : promoted || (dodged && SITE_WORD.test(bare));
    if (watermark) {
      removed.push(span);
      return '';
    }
    return span;
  });
  return { line: out, removed };
}
