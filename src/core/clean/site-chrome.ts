import { SITE_TLDS } from './chars.js';
import { AMBIGUOUS, labelAlone, namesSomebody, pageFields } from './page-fields.js';
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
  | 'site-disclaimer'
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
/** A name and a follow button after a gap or a plus: "素材君 关注", "李文静 +关注", "某某 关注作者". */
const FOLLOW_BYLINE = /^([\p{Script=Han}A-Za-z\d_·]{1,12})(?:\s+[+＋]?\s*|\s*[+＋]\s*)关注(?:作者|TA|他|她)?$/u;
const TAGS = /^(?:推荐访问|关键词|关键字|(?:文章|本文|文档|相关|tags?)?标签|标签云|tags?)\s*(?:[:：]|>>|》)\s*(.*)$/i;
const RELATED =
  /^(?:用户评价|文档评价|(?:相关|关联|热门|推荐|往期|更多|最新|精彩|为你|为您|本站|延伸|类似)(?:文章|推荐|阅读|报道|链接|文档|资料|内容|回顾|更新|范文|解读|稿件|问题|排行|热点|标签|专题|话题)|(?:点击|阅读|浏览)排行|排行榜|(?:本周|今日|本月)(?:热点|热门)|往期精彩(?:回顾|推荐|文章|内容)?|猜你喜欢|(?:该用户|该作者|作者|TA)还?上传了?的?(?:这些|其他|更多)?(?:文档|资料)|(?:阅读|看过)本文的(?:人|网友|读者)(?:还看了|也看了|还喜欢)|更多相关(?:文章|阅读|范文|内容|推荐)?|(?:精华|编辑|小编|站长|精品|热点)推荐|我要评论|已有\s*\d+\s*人(?:发表)?评论|上一篇|下一篇|上篇|下篇|上一条|下一条|网友评论|发表评论|评论区|全部评论|最新评论|热门评论|我来说两句|精选留言|全部留言|热门留言|留言区)\s*[:：]?/;
/**
 * Arrows and marks a list's header or link is dressed in, of any symbol class: "▼ 往期精彩回顾 ▼", "◆ 上一篇：…",
 * "<<上一篇：…", "下一篇：…>>".
 */
const HEADER_MARKS = /^[\p{S}\s▍|«»‹›…·•—–=~*#-]+|[\p{S}\s|«»‹›…·•—–=~*#-]+$/gu;
/** A header set whole in one pair of brackets: "[相关链接]", "【推荐阅读】", "〔热门文章〕". */
const BRACKETED_HEADER = /^[[【〔〖［]([^[\]【】〔〕〖〗［］]{2,18})[\]】〕〗］]$/;

/** A line as a header reads once its marks and a bracket pair around it are taken off. */
function headerOf(line: string): string {
  const bare = line.replace(HEADER_MARKS, '');
  return BRACKETED_HEADER.exec(bare)?.[1] ?? bare;
}
/** A site's claim about its content: taken from the web, removed on request ("如有侵权请联系删除"). */
const CLAIM =
  /(?:侵权|侵犯)[^。]{0,30}(?:删除|联系|告知)|侵删|本站(?:所有|内容|资源|文章)[^。]{0,30}(?:来源|网络|采集|转载|删除)|转载请注明|转载请保留|转载须保留|^[（(]本文来自|^本文(?:由.{1,20}(?:整理|发布|提供|原创|投稿|上传|分享|生成|辅助生成)|系.{1,20}(?:原创|投稿|整理)|来源于|转载自|转自|整理自|首发于|刊发于|刊登于|原载于)/;
/** 上一篇：/下一篇： name another page, however long its title. */
const PREV_NEXT = /^(?:上一篇|下一篇|上篇|下篇|上一条|下一条)(?:文章|范文|内容|资料|新闻)?\s*[:：]/;
const FOOTER =
  /版权所有|版权归|copyright|©|all rights reserved|未经(?:授权|许可)|powered by|icp备|icp证|公网安备|免责声明|转载请注明|网站标识码|技术支持[:：]/i;

/** A date with its time of day alone on a line: a page's stamp (a date alone may be a document's own). */
const PAGE_TIMESTAMP = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** A post's stamp without its year ("01-12 08:30"): no document dates itself so. */
const SHORT_TIMESTAMP = /^\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}$/;
/** A line that is a web address with at most a short label: "本文链接：https://…", "原文地址：www.…". */
const ADDRESS_LINE = /^[\u4e00-\u9fff]{0,8}\s*[:：]?\s*(?:https?:\/\/|www\.)\S+$/i;

/** "当前位置：" and its kin, or a path of short steps from 首页 joined by arrows. */
const BREADCRUMB_LABEL =
  /^(?:(?:您|你)(?:现在|当前)?(?:所在)?的?位置|当前(?:所在)?的?位置|所在的?位置|当前页面)\s*[:：]/;
/** "位置：" alone may open a content line (项目位置：…): a position only with a path from the home page after it. */
const BARE_POSITION = /^(?:位置|导航|当前栏目)\s*[:：]\s*(?=(?:网站|本站)?(?:首页|主页))/;
const BREADCRUMB_STEP = /\s*(?:->|—>|>>|>|＞|»|›|→|\/)\s*|\s+[-–—－]\s+/;
/** Words of a page's toolbar, share bar and font-size switch; a line made of nothing else is chrome. */
const TOOLBAR_WORD =
  /分享至好友和朋友圈|收藏成功|查看我的收藏|匿名发表|登录账号|立即注册|手机(?:版)?阅读(?:本文|全文)?|扫一扫分享|(?:点击)?阅读全文|(?:打印|收藏|分享|下载)(?:本文|此文)|分享[到至]|(?:立即|免费)?下载|打印(?:本页|此页|本稿)?|全屏|(?:收藏|分享|点赞|评论|在看|转发|赞赏|回复|淘帖)\d*|复制(?:链接|本文|全文|网址)?|微信|朋友圈|(?:新浪|腾讯)?微博|人人网|开心网|百度贴吧|钉钉|QQ空间|QQ好友|QQ|豆瓣|字[号体]|加大|还原|减小|放大|缩小|默认|关闭(?:窗口|本页)?|返回(?:顶部|列表|首页)?|(?:我要)?纠错|举报|支持|反对|用APP打开|(?:政府)?网站找错|适老化(?:无障碍)?(?:服务)?|使用道具|转藏|喜欢作者|举报\/反馈|反馈|加入书架|(?:在)?手机(?:上)?打开|(?:打开|下载)APP|APP内打开|立即打开|搜索|写下你的留言|网站声明|最新上传|热门下载|手机版|电脑版|PC版|触屏版|在线阅读|复制本文|复制全文|文章目录|本文目录|(?:VIP|SVIP)会员|开通|小黑屋|展开全文|收起(?:全文)?|查看更多|加载更多|阅读全文|全文阅读|更多|上一页|下一页|首页|尾页|末页|设为首页|加入收藏|登录|注册|退出|打赏(?:作者)?|推荐|写留言|留言|一键收藏|喜欢|发新帖|发帖|回帖|展开全部|展开阅读全文|无障碍(?:浏览|阅读)?|长者模式|关怀版|简体版|繁體版|繁體|简体|English|保存到相册|下载附件|已赞过|已踩过|联系我们|关于我们|网站地图|广告服务|隐私政策|用户协议|意见反馈|帮助中心|投稿须知|视力保护色|我要打印|回到顶部|TOP|(?:是否)?(?:打开|开启|进入|退出)?(?:网站|信息)?无障碍(?:浏览|阅读|模式)?|长者版|适老版|关怀模式|(?:本?网站)?支持IPv6|继续(?:免费)?阅读(?:全文)?|直接下载|不看了|继续访问|放弃|取消|确定|(?:点击)?展开(?:阅读)?全文|查看全部|海报分享|暂无(?:目录|笔记|书签)|(?:文档)?贡献者|(?:付费|VIP专享|会员专享|VIP|精品)文档|保存|知道了|我要跟帖|跟帖|发表|热评论|切[换換]到繁[体體]|正常|查看评论|隐藏边栏|A\+|A-|昵称|验证码|我要反馈|不感兴趣|已输入\d+字|赏|赞|[大中小]|^[X×✖✕✗]$/gi;
const TOOLBAR_REST = /^[\s\d【】〖〗[\]()（）:：|｜/·•、,，<>《》»«…?？.↑↓←→▲▼-]*$/;
/** A web address or a site's own domain (www.….com, m.….cn), or one spelt to dodge a filter (某某点com). */
const DOMAIN = new RegExp(
  String.raw`(?:https?:\/\/|www\.|\bm\.)[\w-]+(?:\.[\w-]+)+|\b[\w-]+\.(?:${SITE_TLDS})\b|[a-z\d-]{3,}\s*(?:点|dot|\[\.\]|\(\.\)|。|．)\s*(?:${SITE_TLDS})\b`,
  'i',
);
const PROMOTION = /会员|VIP|vip|开通|每日更新|专注于|一键|客服|充值|免费(?:阅读|下载)|温馨提示/;
const CAPTION =
  /^[（(]?(?:本报|本台|本网|新华社)?(?:记者|通讯员)\s*\S{2,8}\s*摄[)）]?$|^[（(]?(?:图[为：:]|图片来源|图片(?:来自|源自|选自|由)|图源|摄影[:：]|图\/)/;
const DOWNLOAD =
  /^(?:(?:需要|所需|消耗|下载)?(?:金币|积分|下载券|财富值|下载币)\s*[:：]\s*\d{1,5}|(?:(?:开通|加入|成为|升级)\s*)?(?:VIP|vip|SVIP|会员)后?(?:免费|专享)?下载|登录后(?:免费)?下载|购买后再?下载)|^【?(?:原文下载|附件下载|下载附件|点击下载|全文下载|下载全文|Word下载|word下载|下载本文|下载(?:Word|word|WORD|PDF|pdf)(?:文档|版|原文)?)】?\s*[:：]?/;

/** A download link naming its file, however long its title: "附件下载：关于……的通知.docx". */
const DOWNLOAD_FILE = /^.{0,150}\.(?:docx?|wps|pdf|txt|zip|rar|7z|xlsx?|pptx?)$/i;

/** A site's name: a few words ending as site names do (某某范文网, 笔墨素材库, 公文荟平台). */
const SITE_NAME =
  /^[\w\u4e00-\u9fff·.-]{1,20}(?:网|站|库|文库|范文|平台|官网|之家|在线|荟|文稿|文苑|书屋|笔记|素材|写作|文秘|范本|文档|阁|轩|斋|馆|社区|博客|论坛|\.com|\.cn|\.net)$/i;
/** A year a footer puts beside the name: "某某网 2025", "© 2019-2025 某某网". */
const NAME_YEAR =
  /^(?:©️?|\(c\))?\s*(?:(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\s+)?|\s+(?:©️?\s*)?(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?$/g;

/** Where a page's comments or other answers begin: "精选留言", "全部评论（12）", "评论 3", "其他5条回答". */
const COMMENTS_HEADER =
  /^(?:网友评论|发表评论|评论区|全部评论|最新评论|热门评论|我来说两句|精选留言|全部留言|热门留言|留言区|写留言|评论\s*[（(]?\d+[)）]?|\d+\s*条(?:评论|留言|回复)|本回答由.{1,12}(?:推荐|提供|认证)|其他\s*\d+\s*(?:个|条)回答)/;

export function isCommentsHeader(line: string): boolean {
  const header = headerOf(line);
  return header.length <= 40 && COMMENTS_HEADER.test(header);
}

/** True for a site's name standing alone ("某某材料网", "某某网 2025"): never a title. */
export function isSiteName(text: string): boolean {
  return text.length <= 24 && SITE_NAME.test(text.replace(NAME_YEAR, '').replace(/\s+/g, ''));
}

/**
 * A site's disclaimer: a 声明 line naming the site, the platform or the author with rights, stands or liability
 * ("声明：本文内容由互联网用户自发贡献，本站不拥有所有权…", "版权声明：本文为博主原创文章…").
 */
const DISCLAIMER_HEAD = /^[【[]?(?:特别|免责|版权|郑重|重要)?声明[】\]]?\s*[:：]?/;
const DISCLAIMER_WHO = /本站|本网|本平台|本号|本公众号|本文|博主|原作者|作者|用户|网友/;
const DISCLAIMER_WHAT = /版权|侵权|所有权|立场|观点|法律责任|删除|转载|出处|协议|授权/;

/** What a site says of its stand, whatever its head: "…并不表明本站同意其观点", "本站仅提供信息存储空间服务". */
const SITE_STAND =
  /(?:不代表|不表明|并不代表|并不表明)本(?:站|网|平台)|仅代表(?:作者|其)(?:本人|个人)?(?:观点)?|用户自发贡献|本(?:站|网|平台)仅提供(?:信息)?存储空间/;

function isDisclaimer(line: string): boolean {
  if (line.length > 200) return false;
  return (
    (DISCLAIMER_HEAD.test(line) && DISCLAIMER_WHO.test(line) && DISCLAIMER_WHAT.test(line)) || SITE_STAND.test(line)
  );
}

/**
 * The steps of a breadcrumb (a labelled position line, or 首页 > 栏目 > …, every step short), a trailing
 * "| 某某网" left off; null for any other line.
 */
export function breadcrumbSteps(line: string): string[] | null {
  const labelled = BREADCRUMB_LABEL.exec(line) ?? BARE_POSITION.exec(line);
  // A labelled path may end in a long document title; past this it is no page's position line.
  if (labelled && line.length > 140) return null;
  const path = line.slice(labelled ? labelled[0].length : 0).replace(/\s*[|｜丨]\s*[^|｜丨]+$/, '');
  const steps = path.split(BREADCRUMB_STEP).map((s) => s.trim());
  if (labelled) return steps.filter((s) => s.length > 0);
  const isPath =
    steps.length >= 3 - (/^(?:网站)?(?:首页|主页)/.test(line) ? 1 : 0) &&
    // The last step may be a document's full title: a 公文's runs to 80 characters.
    steps.every((s) => s.length > 0 && s.length <= 80 && !/[。，；！？]/.test(s)) &&
    steps.slice(0, -1).every((s) => s.length <= 16) &&
    steps.some((s) => /[\u4e00-\u9fff]/.test(s));
  return isPath ? steps : null;
}

/**
 * A label spaced out to a table column's width, alone with its colon (主 题 词：): a field table's header cell.
 * A document's own tail labels (附 件：, 联 系 人：, 抄 送：) are the document's.
 */
const SPACED_LABEL = /^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){2,4}\s*[:：]$/u;
const TAIL_LABEL = /^(?:附件|联系人|抄送|主送|抄报|印发|签发人?|承办人)$/;

function isSpacedLabel(line: string): boolean {
  return SPACED_LABEL.test(line) && !TAIL_LABEL.test(line.replace(/[\s:：]/g, ''));
}

/** Bracketed toolbar buttons a line of fields carries ("【我要纠错】 责任编辑：宋岩"): taken out to read the fields. */
const TOOLBAR_SPAN = /[【[〖]([^【】[\]〖〗]{1,12})[】\]〗]/g;

function withoutToolbarSpans(line: string): string {
  return line.replace(TOOLBAR_SPAN, (m, inner: string) => (isToolbar(inner) ? ' ' : m)).trim();
}

/** A line of toolbar words alone ("下载 | 打印 | 收藏 | 【字号：大 中 小】"), or one such word a line. */
/** A button's icon a text copy leaves as its image's name in brackets: "[tobarThumb] 点赞 1". */
const ICON_NAME = /\[[A-Za-z][\w-]{0,20}\]/g;

function isToolbar(line: string): boolean {
  if (line.length > 40 || !TOOLBAR_REST.test(line.replace(ICON_NAME, '').replace(TOOLBAR_WORD, ''))) return false;
  // A toolbar word other than a font size's 大 中 小, or two of those (【大 中 小】): figures alone are no toolbar.
  const words = line.match(TOOLBAR_WORD) ?? [];
  return words.some((w) => !/^[大中小]$/.test(w)) || new Set(words).size >= 2;
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
  // Buttons inside a line of fields are no value's part: "来源：省政府办公厅 【字体：大 中 小】".
  const fields = /[【[〖]/.test(line) ? (pageFields(withoutToolbarSpans(line)) ?? pageFields(line)) : pageFields(line);
  if (fields) return metaOf(fields);
  // A field's label left without its value (主 题 词：): never a sentence, nothing to keep.
  const label = labelAlone(line);
  if ((label !== null && !AMBIGUOUS.has(label)) || isSpacedLabel(line)) return { kind: 'site-meta' };
  const tags = line.match(TAGS);
  if (tags) {
    const words = (tags[1] ?? '')
      .split(/[\s,，、;；|]+/)
      .map((w) => w.trim())
      .filter((w) => w.length > 0 && w !== title);
    return { kind: 'site-tags', tags: [...new Set(words)] };
  }
  // A page's timestamp alone (2024-03-05 10:21): a document dates itself, but never to the minute.
  const stamp = PAGE_TIMESTAMP.exec(line);
  if (stamp) return { kind: 'site-meta', publishedAt: formatDate(stamp).slice(0, 10) };
  if (SHORT_TIMESTAMP.test(line)) return { kind: 'site-meta' };
  const post = postLineOf(line);
  if (post) {
    const author = post.author !== null && namesSomebody(post.author) ? { author: post.author } : {};
    return { kind: 'site-meta', publishedAt: formatDate(post.date).slice(0, 10), ...author };
  }
  // A blog's byline with its follow button ("素材君 关注", "李文静 +关注"): the page's author, never a signature.
  const follow = FOLLOW_BYLINE.exec(line);
  if (follow) return { kind: 'site-meta', ...(namesSomebody(follow[1]!) ? { author: follow[1]! } : {}) };
  const furniture = furnitureOf(line);
  if (furniture) return { kind: furniture };
  const header = headerOf(line);
  if (RELATED.test(header) && (header.length <= 20 || (PREV_NEXT.test(header) && header.length <= 80))) {
    return { kind: 'site-related' };
  }
  if (isToolbar(line)) return { kind: 'site-toolbar' };
  if (breadcrumbSteps(line)) return { kind: 'site-breadcrumb' };
  // A download link dressed in arrows (">>>点击下载：….doc<<<") reads as one once its marks are off.
  if (DOWNLOAD.test(header) && (header.length <= 40 || DOWNLOAD_FILE.test(header))) return { kind: 'site-download' };
  if (CAPTION.test(line) && line.length <= 40) return { kind: 'site-caption' };
  if (ADDRESS_LINE.test(line) && line.length <= 300) return { kind: 'site-banner' };
  // A notice's 联系邮箱：…@….gov.cn is its own: an e-mail address is no site's domain.
  const addressed = DOMAIN.test(line.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ''));
  if (addressed && (PROMOTION.test(line) || (line.length <= 60 && !/[。；！？]/.test(line)))) {
    return { kind: 'site-banner' };
  }
  if (isDisclaimer(line)) return { kind: 'site-disclaimer' };
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
