/**
 * Signals that a line advertises a site, a membership or a ghost-writing service rather than being content.
 * Each pattern is one independent signal; a line is an ad when several agree (see `isAdLine`), so one
 * incidental word ("通过微信公众号发布") never removes content.
 */
const SIGNALS: readonly RegExp[] = [
  /会员|svip|vip/i,
  /代笔|代写|润笔|代发/,
  /素材库|文库|范文网|资料库/,
  /网盘|百度云/,
  /一键(?:搜索|查找|下载|精准)|极速下载|免费下载|下载/,
  /每天更新|每日更新|日更|持续更新/,
  /谨防假冒|认准|唯一平台|官方平台/,
  /接单|好评如潮|高度保密|原创高质量|质量保障/,
  /欢迎加入|有意加入|加入我们|扫码|添加客服|联系客服|客服/,
  /(?:QQ|qq|微信|V信|vx|VX|wx|电话|手机|联系)\s*[:：号]?\s*[\dA-Za-z]/,
  /公众号\s*[:：]/,
  /\d[\d -]{4,}\d/,
];

/**
 * Every signal in one pattern (case folded for all, so it matches wherever any signal does, and maybe a
 * little more): most lines hold none, and one scan of them settles that instead of twelve.
 */
const ANY_SIGNAL = new RegExp(SIGNALS.map((s) => `(?:${s.source})`).join('|'), 'i');

/** Number of distinct ad signals in the line. */
export function adSignalCount(line: string): number {
  if (!ANY_SIGNAL.test(line)) return 0;
  let n = 0;
  for (const s of SIGNALS) if (s.test(line)) n++;
  return n;
}

/** A bracketed brand opening the line: "【某某素材库】——", "【某某代笔】：". */
export const BRAND_OPENING = /^[【[][^【】[\]]{2,12}[】\]]\s*[—\-:：]/;

export interface AdContext {
  /** The same line occurs elsewhere in this file. */
  repeatedInFile: boolean;
  /** The same line occurs in several other documents of the batch. */
  repeatedAcrossBatch: boolean;
}

/** Decides whether a line is advertising, from its signals and how it repeats. */
export function isAdLine(line: string, context: AdContext): boolean {
  const score = adSignalCount(line);
  if (score >= 3) return true;
  if (score >= 2 && (BRAND_OPENING.test(line) || context.repeatedInFile || context.repeatedAcrossBatch)) return true;
  return score >= 1 && context.repeatedAcrossBatch;
}
