import { namesSomebody, pageFields } from './page-fields.js';
import { furnitureOf, postLineOf, type FurnitureKind } from './page-furniture.js';

/**
 * Site chrome around a scraped article: publication line, editor's intro, tag line, related-articles
 * list, copyright and footer. Dates and tags are kept as metadata; the rest is dropped.
 */

export type ChromeKind =
  | 'site-meta'
  | 'site-intro'
  | 'site-tags'
  | 'site-related'
  | 'site-footer'
  | 'site-breadcrumb'
  | 'site-toolbar'
  | 'site-banner'
  | 'site-caption'
  | FurnitureKind;

export interface ChromeMatch {
  kind: ChromeKind;
  publishedAt?: string;
  source?: string;
  author?: string;
  tags?: string[];
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const INTRO =
  /小编|为大家(?:整理|收集|带来|分享|精心)|供大家(?:参考|借鉴|学习)|仅供(?:参考|学习|交流)|欢迎(?:阅读|借鉴|参考|下载)|希望(?:对|能)(?:大家|您|你)/;
const TAGS = /^(?:推荐访问|关键词|关键字|标签|tags?)\s*[:：]\s*(.*)$/i;
const RELATED =
  /^(?:(?:相关|热门|推荐|往期|更多|最新|精彩|为你|延伸|类似)(?:文章|推荐|阅读|报道|链接|文档|资料|内容|回顾|更新|范文)|猜你喜欢|上一篇|下一篇|网友评论|发表评论|评论区|全部评论|最新评论|热门评论|我来说两句)\s*[:：]?/;
/** A site's claim about its content: taken from the web, removed on request ("如有侵权请联系删除"). */
const CLAIM =
  /(?:侵权|侵犯)[^。]{0,30}(?:删除|联系|告知)|本站(?:所有|内容|资源|文章)[^。]{0,30}(?:来源|网络|采集|转载|删除)|转载请注明/;
/** 上一篇：/下一篇： name another page, however long its title. */
const PREV_NEXT = /^(?:上一篇|下一篇)\s*[:：]/;
const FOOTER =
  /版权所有|版权归|copyright|©|all rights reserved|未经(?:授权|许可)|powered by|icp备|icp证|公网安备|免责声明|转载请注明|网站标识码|技术支持[:：]/i;

/** "当前位置：" and its kin, or a path of short steps from 首页 joined by arrows. */
const BREADCRUMB_LABEL = /^(?:当前位置|您的位置|你的位置|所在位置|您现在的位置|当前页面)\s*[:：]/;
const BREADCRUMB_STEP = /\s*(?:>|＞|»|›|→|\/|>>)\s*/;
/** Words of a page's toolbar, share bar and font-size switch; a line made of nothing else is chrome. */
const TOOLBAR_WORD =
  /分享到|(?:立即|免费)?下载|打印(?:本页|此页)?|全屏|(?:收藏|分享|点赞|评论|在看|转发|赞赏|回复|淘帖)\d*|复制(?:链接)?|微信|朋友圈|微博|QQ空间|QQ好友|QQ|豆瓣|字[号体]|加大|还原|减小|放大|缩小|默认|关闭(?:窗口|本页)?|返回(?:顶部|列表|首页)?|(?:我要)?纠错|举报|支持|反对|用APP打开|手机版|小黑屋|展开全文|收起|查看更多|加载更多|阅读全文|全文阅读|更多|上一页|下一页|首页|尾页|末页|设为首页|加入收藏|登录|注册|退出|[大中小]/gi;
const TOOLBAR_REST = /^[\s\d【】[\]()（）:：|｜/·•、,，<>《》»«-]*$/;
/** A web address or a site's own domain (www.….com, m.….cn). */
const DOMAIN = /(?:https?:\/\/|www\.|\bm\.)[\w-]+(?:\.[\w-]+)+|\b[\w-]+\.(?:com|cn|net|org|cc|top|vip)\b/i;
const PROMOTION = /会员|VIP|vip|开通|每日更新|专注于|一键|客服|充值|免费(?:阅读|下载)|温馨提示/;
const CAPTION =
  /^[（(]?(?:本报|本台|本网|新华社)?(?:记者|通讯员)\s*\S{2,8}\s*摄[)）]?$|^[（(]?(?:图[为：:]|图片来源|摄影[:：]|图\/)/;
const DOWNLOAD = /^【?(?:原文下载|附件下载|下载附件|点击下载|全文下载|下载全文|Word下载)】?\s*[:：]?/;

/** A site's name: a few words ending as site names do (某某范文网, 笔墨素材库, 公文荟平台). */
const SITE_NAME =
  /^[\w\u4e00-\u9fff·.-]{1,20}(?:网|站|库|文库|范文|平台|官网|之家|在线|荟|文稿|文苑|书屋|笔记|素材|写作|文秘|范本|文档|阁|轩|斋|\.com|\.cn|\.net)$/i;

/** True for a site's name standing alone ("某某材料网"): never a title. */
export function isSiteName(text: string): boolean {
  return text.length <= 24 && SITE_NAME.test(text.replace(/\s+/g, ''));
}

/**
 * The steps of a breadcrumb (a labelled position line, or 首页 > 栏目 > …, every step short), a trailing
 * "| 某某网" left off; null for any other line.
 */
export function breadcrumbSteps(line: string): string[] | null {
  const labelled = BREADCRUMB_LABEL.exec(line);
  if (labelled && line.length > 80) return null;
  const path = line.slice(labelled ? labelled[0].length : 0).replace(/\s*[|｜丨]\s*[^|｜丨]+$/, '');
  const steps = path.split(BREADCRUMB_STEP).map((s) => s.trim());
  if (labelled) return steps.filter((s) => s.length > 0);
  const isPath =
    steps.length >= 3 - (line.startsWith('首页') ? 1 : 0) &&
    steps.every((s) => s.length > 0 && s.length <= 40 && !/[。，；！？]/.test(s)) &&
    steps.slice(0, -1).every((s) => s.length <= 16) &&
    steps.some((s) => /[\u4e00-\u9fff]/.test(s));
  return isPath ? steps : null;
}

/** A line of toolbar words alone ("下载 | 打印 | 收藏 | 【字号：大 中 小】"), or one such word a line. */
function isToolbar(line: string): boolean {
  if (line.length > 40 || !TOOLBAR_REST.test(line.replace(TOOLBAR_WORD, ''))) return false;
  // A toolbar word other than a font size's 大 中 小: figures and dates alone are no toolbar.
  return (line.match(TOOLBAR_WORD) ?? []).some((w) => !/^[大中小]$/.test(w));
}

function pad(n: string | undefined): string {
  return (n ?? '0').padStart(2, '0');
}

/** Formats a matched date as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS". */
export function formatDate(m: RegExpMatchArray): string {
  const day = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return m[4] === undefined ? day : `${day} ${pad(m[4])}:${pad(m[5])}:${pad(m[6])}`;
}

/** Classifies one trimmed line as site chrome, or returns null for content. `title` drops itself from tag lists. */
export function matchChrome(line: string, title: string | null): ChromeMatch | null {
  const fields = pageFields(line);
  if (fields) return metaOf(fields);
  const tags = line.match(TAGS);
  if (tags) {
    const words = (tags[1] ?? '')
      .split(/[\s,，、;；|]+/)
      .map((w) => w.trim())
      .filter((w) => w.length > 0 && w !== title);
    return { kind: 'site-tags', tags: [...new Set(words)] };
  }
  const post = postLineOf(line);
  if (post) {
    const author = post.author !== null && namesSomebody(post.author) ? { author: post.author } : {};
    return { kind: 'site-meta', publishedAt: formatDate(post.date).slice(0, 10), ...author };
  }
  const furniture = furnitureOf(line);
  if (furniture) return { kind: furniture };
  if (RELATED.test(line) && (line.length <= 20 || (PREV_NEXT.test(line) && line.length <= 80))) {
    return { kind: 'site-related' };
  }
  if (isToolbar(line)) return { kind: 'site-toolbar' };
  if (breadcrumbSteps(line)) return { kind: 'site-breadcrumb' };
  if (DOWNLOAD.test(line) && line.length <= 40) return { kind: 'site-download' };
  if (CAPTION.test(line) && line.length <= 40) return { kind: 'site-caption' };
  if (DOMAIN.test(line) && (PROMOTION.test(line) || (line.length <= 60 && !/[。；！？]/.test(line)))) {
    return { kind: 'site-banner' };
  }
  if ((FOOTER.test(line) || CLAIM.test(line)) && line.length <= 200) return { kind: 'site-footer' };
  if (INTRO.test(line) && line.length <= 160) return { kind: 'site-intro' };
  return null;
}

/** The facts of a line of page fields: its date, a source and an author that name somebody. */
function metaOf(fields: ReadonlyArray<{ label: string; value: string }>): ChromeMatch {
  const match: ChromeMatch = { kind: 'site-meta' };
  for (const { label, value } of fields) {
    const date = label === 'date' ? value.match(DATE) : null;
    if (date && !match.publishedAt) match.publishedAt = formatDate(date);
    if (label === 'source' && !match.source && namesSomebody(value)) match.source = value;
    if ((label === 'author' || label === 'editor') && !match.author && namesSomebody(value)) match.author = value;
  }
  return match;
}
