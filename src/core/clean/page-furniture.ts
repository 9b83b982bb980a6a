/**
 * Furniture every kind of page carries, not only 范文 sites: page numbers of a converted Word file, calls to
 * follow, scan or click (公众号, portals), a document site's notes on its file, forum post headers and replies,
 * and a post's date line with its counters. Each is told by its form, whatever the site's name.
 */

export type FurnitureKind =
  | 'site-pagenum'
  | 'site-end'
  | 'site-slot'
  | 'site-divider'
  | 'site-contact'
  | 'site-download'
  | 'site-call'
  | 'site-note'
  | 'site-comment'
  | 'site-answer'
  | 'site-counter'
  | 'site-ad';

const PAGE_NUMBER =
  /^(?:[·•]\s*\d{1,4}\s*[·•]|页码\s*[:：]\s*\d{1,4}|第\s*\d{1,4}\s*页\s*[,，/／]?\s*共\s*\d{1,4}\s*页|[-—–－]{1,2}\s*\d{1,4}\s*(?:[/／]\s*\d{1,4}\s*)?[-—–－]{1,2}|\d{1,4}\s*[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页|第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** A strip of page links with its count: "共3页：首页 上一页 1 2 下一页 尾页", "当前第2页 [1] [2] 下一页". */
const PAGE_STRIP =
  /^(?:[【[]\s*\d{1,3}\s*[】\]]\s*){2,}$|^(?:共\s*\d{1,4}\s*页|当前第\s*\d{1,4}\s*页)[\s:：,，]*(?:(?:首页|上一页|下一页|尾页|末页|\[?\d{1,4}\]?|…|\.{3})[\s|｜]*)+$/;
/** A 问答 page's own words around an answer: counts of answers, the best answer, the prompt to rate it. */
const ANSWER =
  /^(?:最佳答案|推荐答案|优质答案|精选回答|满意答案|提问者采纳|已采纳|\d+\s*(?:个|条)回答|其他\s*\d+\s*(?:个|条)回答|查看全部\s*\d+\s*(?:个|条)回答|本回答由.{1,12}(?:推荐|提供|认证)|你对这个回答的评价是)/;
/** An ad's label opening its line: "【推广】…", "[广告]…". */
const AD_LABEL = /^[【[〔（(](?:广告|推广|赞助|AD|ad)[】\]〕）)]\s*\S/;
/** An image a page failed to carry over, left as text: "[外链图片转存失败,源站可能有防盗链机制…]". */
const BROKEN_IMAGE = /^[[【]?(?:外链)?图片(?:转存|上传|加载)失败/;
/** What a page shows where a frame, a player or a script would stand: "浏览器不支持嵌入式框架，…". */
const NO_SUPPORT = /^(?:您的|你的|当前)?浏览器(?:版本)?(?:太低|过低|不支持|暂不支持|暂时无法|无法)/;
/** A reader's rating in stars: "★★★★☆", "评分：★★★☆☆ 3.5分". */
const RATING = /^(?:(?:[\u4e00-\u9fff]{0,4}评分|推荐指数|星级)\s*[:：]?\s*)?[★☆]{3,5}\s*(?:\d(?:\.\d)?\s*分?)?$/;
/** A rule between parts of a page: ---, ***, ====, ————. */
const DIVIDER = /^[-—–=*_~#·•※]{3,}$/;
/** A contact id of the site's service: 客服, QQ and WeChat ids (a notice's own 联系电话 is not one). */
const CONTACT =
  /^(?:在线)?(?:客服|QQ群?|qq群?|微信号?|VX|vx|wx|WX)(?:热线|电话|微信|QQ)?\s*[:：]\s*[\w-]{4,}|^(?:投稿(?:邮箱|信箱)|欢迎投稿|商务合作|广告合作|合作洽谈)\s*[:：]\s*\S+@/;
/** A chat group offered to readers, however it is worded around: "公文写作交流QQ群：123…", "（本站QQ群：请搜索…）". */
const CHAT_GROUP = /(?:QQ|qq|微信|VX|vx)[\u4e00-\u9fff]{0,4}群(?:号)?\s*[:：]/;
/** An attached file offered for download, with its size or count: "附件：某某.doc (25.6 KB, 下载次数: 12)". */
const ATTACHED_FILE = /\.(?:docx?|pdf|wps|xlsx?|zip|rar|jpe?g|png|gif|bmp)\b.*(?:KB|MB|下载次数|下载)/i;
/** An ad slot's or a picture's place left in the text: 【广告】, [图片]. */
const SLOT = /^[[【(（<〔]?\s*(?:广告|推广|赞助商?链接|AD|图片|图|image|img|视频|音频)\s*[\]】)）>〕]?$/i;
/** The page's counters and reading time: "本文共计3245字，预计阅读时间10分钟". */
const READING_TIME =
  /(?:预计)?阅读(?:时间|时长|需要?)\s*[:：]?\s*\d+\s*分钟|全文共?计?\s*\d+\s*字|本文(?:共计?|约|大约)\s*\d+\s*字/;
/** A prompt to log in: the page speaks to its visitor. */
const LOGIN = /^(?:请先?登录|您还?未登录|登录后(?:可以|才能|方可|查看|阅读)|立即登录|注册账号|还没有账号)/;
/** The end mark a post puts under the article: "— END —", "-THE END-", "（全文完）". */
const END_MARK =
  /^[\s\-—–=~·•*（(]*(?:the\s*)?(?:end|全文完)[\s\-—–=~·•*）)]*$|^[（(【[]\s*完\s*[)）】\]]$|^[\s\-—–=~·•*]+完[\s\-—–=~·•*]+$/i;
/** A portal's note that the article is over: "正文已结束，您可以按alt+4进行评论". */
const TEXT_OVER = /^(?:正文|全文|本文)已结束[，,]?\s*(?:您可以|你可以|请|欢迎)/;
/** Calls to act on the page itself: follow the account, scan the code, click the picture, read the original. */
const CALL =
  /^(?:戳|点|点击)这里[!！]?$|关注[“"][^”"]{1,12}[”"](?:微信)?公众号|(?:添加|加)(?:客服)?(?:微信|VX|vx|QQ)|领取[^。]{0,8}(?:资料|素材|模板|范文)|(?:已)?收录于(?:合集|话题|专题|专栏)|被以下专栏收录|预览时标签不可点|^\S{1,12}\s*赞赏了$|(?:觉得|如果)[^。]{0,10}(?:有帮助|不错|有用)[^。]{0,10}(?:分享|点赞|收藏|转发)|收藏本站|加入收藏|设为首页|打开APP|APP内(?:打开|阅读)|下载(?:APP|App|app)|客户端(?:阅读|打开)|点击(?:上方|下方|图片|蓝字|关注|阅读原文|查看|进入|这里)|长按(?:识别|二维码|扫码|关注)|关注(?:我们的)?(?:微信)?公众号|戳蓝字|扫一扫|扫码(?:关注|加入|进群|添加|下载|阅读|分享|查看|打开|浏览|二维码)|微信扫码|客户端下载|下载[“"]?[^”"\s]{1,10}[”"]?APP|关注[^，。\s]{1,8}[网号报社台](?:官方)?(?:微信|微博|客户端)$|识别(?:图中)?二维码|关注我们|查看大图|阅读原文|点个?[“"]?在看|分享给更多|扫描(?:上方|下方|图中|左侧|右侧|上面|下面)?的?二维码|滑动看下一|继续滑动|点个赞|一键三连|更多(?:精彩|精品|优质|资讯|内容|范文|资料|好文|文档)[^。]{0,12}(?:关注|访问|登录|下载|搜索)/;
/** The prompt a portal shows on a link out: "您访问的链接即将离开'某某网站'是否继续？". */
const LEAVING = /即将离开.{1,24}(?:网站|本站|页面|平台).{0,4}是否继续/;
/** A price tag alone: "¥3.9", "原价：¥10.00", "限时特价 ¥5.00". */
const PRICE =
  /^(?:(?:原价|现价|售价|价格|特价|限时特价|优惠价|会员价)\s*[:：]?\s*)?[¥￥]\s*\d{1,5}(?:\.\d{1,2})?\s*元?$/;
/**
 * A document site's words about the file and its uploader: "本文档为【…】，请使用软件OFFICE或WPS软件打开",
 * "作品中的文字与图均可以修改和编辑", "该文档贡献者很忙，什么也没留下。", "点击鼠标右键菜单,创建目录".
 */
const FILE_SITE_NOTE =
  /为用户出售和定价|(?:用户|网友)上传(?:分享)?的文档|^本(?:文档|资料|作品)为【.{1,80}】[，,]?\s*请使用.{0,20}打开|(?:作品|文档)中的文字.{0,6}(?:可以)?修改和?编辑|右键图片并更换|文字修改请直接点击文字|^(?:该|此)?(?:文档|资料)?(?:贡献者|上传者)(?:很忙|太懒)|点击鼠标右键|鼠标右键菜单/;
/** A search box's hot words: "热门搜索： 转型 综改 招商引资 旅游". */
const HOT_SEARCH = /^(?:热门搜索|热搜词?|搜索热词|热门关键词)\s*[:：]/;
/** A document site's notes on the file: format, pages, editable, uploaded by a user. */
const FILE_WORD = /本文档|本资料|本篇文档|文档|word版|Word版|WORD版/;
const FILE_NOTE = /可编辑|下载|上传|共\s*\d+\s*页|仅供|格式/;
/** A forum thread's own words: the poster (楼主), reply places, the post (本帖). */
const FORUM = /楼主|本帖|沙发|板凳|地板|\d+\s*楼\b|只看该作者|倒序浏览|阅读模式/;

/** A page's counter: "阅读 1.2万", "浏览(3256)", "10万+阅读", "点赞 12"; a file's "22页", "43KB" beside them. */
const COUNTERS =
  /(?:阅读|浏览|点击|播放|人气|热度|评论|点赞|收藏|分享|转发|在看|赞)(?:量|数|次数)?\s*[:：]?\s*[（(]?\s*\d[\d,.]*\s*(?:万|w|W|k|K)?\+?\s*[)）]?\s*次?|(?:跟贴|跟帖|参与)\s*\d[\d,]*|\d[\d,.]*\s*万?\s*(?:人参与|条(?:评论|回复|跟帖))|\d{1,5}\s*(?:下载券|积分|金币|财富值)|\d[\d,.]*\s*(?:万|w|W|k|K)?\+?\s*(?:次|人)?已?(?:阅读|浏览|点击|看过|收藏|点赞|赞|评论|下载)|\d{1,4}\s*页(?![\u4e00-\u9fff])|\d[\d.]*\s*(?:KB|MB|kb|mb|K|M)\b/g;
/** A site's count of its visitors: "您是第12345位访客", "本站访问人次：1234567". */
const VISITORS = /^(?:您是(?:本站)?第\s*\d+\s*位访(?:客|问者)|本站(?:访问|浏览)(?:人次|量|次数)\s*[:：]?\s*\d+)$/;
/** A site's advice on how to view it: "建议使用1920*1080分辨率浏览本网站", "推荐使用IE9以上浏览器". */
const VIEWING_ADVICE = /^(?:建议|推荐)(?:您)?使用.{0,24}(?:浏览器|分辨率)/;
/** An offer to write for the reader ("专业代笔，加V：…", "本平台提供代写服务"): a 素材 site's trade, never content. */
const GHOSTWRITING = /代写|代笔|代做|原创稿件|写作培训|培训班/;
const GHOSTWRITING_OFFER = /联系|咨询|加\s*[VvＶ]|加微|微信|QQ|客服|报名|提供|服务|质量保证/;

/** A page's timestamp beside its counters: documents write 2024年3月5日, pages 2024-03-05 10:21. */
const TIMESTAMPS = /(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/g;

/** A line made of counters (and page timestamps) only, one or several: "阅读 1.2万 · 点赞 36". */
export function isCounterLine(line: string): boolean {
  if (line.length > 60) return false;
  let counters = 0;
  const rest = line
    .replace(COUNTERS, () => {
      counters++;
      return ' ';
    })
    .replace(TIMESTAMPS, ' ');
  // "51条评论|1,307人参与网友评论": the counters' own label may stand beside them.
  return counters > 0 && /^[\s|｜·•/⋅]*(?:网友评论)?[\s|｜·•/⋅]*$/.test(rest);
}

/** What kind of page furniture a trimmed line is, or null. */
export function furnitureOf(line: string): FurnitureKind | null {
  if (line.length <= 24 && PAGE_NUMBER.test(line)) return 'site-pagenum';
  if (isCounterLine(line) || RATING.test(line)) return 'site-counter';
  if (line.length <= 60 && PAGE_STRIP.test(line)) return 'site-pagenum';
  if (line.length <= 60 && ANSWER.test(line)) return 'site-answer';
  if (line.length <= 80 && AD_LABEL.test(line)) return 'site-ad';
  if (line.length <= 160 && BROKEN_IMAGE.test(line)) return 'site-slot';
  if (line.length <= 60 && NO_SUPPORT.test(line)) return 'site-slot';
  if (line.length <= 16 && END_MARK.test(line)) return 'site-end';
  if (line.length <= 40 && TEXT_OVER.test(line)) return 'site-end';
  if (line.length <= 12 && SLOT.test(line)) return 'site-slot';
  if (line.length <= 40 && DIVIDER.test(line)) return 'site-divider';
  if (line.length <= 50 && CONTACT.test(line)) return 'site-contact';
  if (line.length <= 60 && CHAT_GROUP.test(line) && !/。$/.test(line)) return 'site-contact';
  if (line.length <= 120 && ATTACHED_FILE.test(line)) return 'site-download';
  // "请登录…网站查询。" is a notice's instruction; a prompt to log in ends no sentence.
  if (line.length <= 40 && (READING_TIME.test(line) || (LOGIN.test(line) && !/。$/.test(line)))) return 'site-call';
  if (line.length <= 50 && CALL.test(line) && !/。$/.test(line)) return 'site-call';
  if (line.length <= 50 && LEAVING.test(line)) return 'site-call';
  if (line.length <= 60 && HOT_SEARCH.test(line)) return 'site-call';
  if (line.length <= 40 && FILE_WORD.test(line) && FILE_NOTE.test(line)) return 'site-note';
  if (line.length <= 200 && FILE_SITE_NOTE.test(line)) return 'site-note';
  if (line.length <= 24 && PRICE.test(line)) return 'site-download';
  if (line.length <= 40 && FORUM.test(line)) return 'site-comment';
  if (line.length <= 40 && VISITORS.test(line)) return 'site-counter';
  if (line.length <= 50 && VIEWING_ADVICE.test(line)) return 'site-note';
  if (line.length <= 50 && GHOSTWRITING.test(line) && GHOSTWRITING_OFFER.test(line) && !/。$/.test(line))
    return 'site-ad';
  return null;
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
const POSTED = /发表于|发布于|更新于|编辑于|分享于|上传于|于\s*\S+\s*编辑|发表|原创|(?:^|\s)\d{1,2}\s*级(?:\s|$)/;
const COUNTER = /(?:阅读|浏览|点击|字数|评论|点赞|收藏|下载)\s*[:：]?\s*\d/;

/** A post's date line: "原创 某某 某某号 2024-03-05 07:57 发表于江苏", "2024.03.05 10:21 字数 3,245 阅读 1,234". */
export interface PostLine {
  date: RegExpMatchArray;
  author: string | null;
}

/**
 * A short line of tokens (no sentence punctuation) holding a page date and a sign of posting: a time of
 * day, a dotted date, 发表于 and its kin, or a counter. A document's own date line (2024年3月5日) has none.
 */
export function postLineOf(line: string): PostLine | null {
  if (line.length > 80 || /[。，；！？、]/.test(line)) return null;
  const date = DATE.exec(line);
  if (!date) return null;
  const rest = line.replace(date[0], ' ').trim();
  if (rest.length === 0 || !/\s|[|｜]/.test(line.trim())) return null;
  const timed = date[4] !== undefined || /^\d{4}\.\d/.test(date[0]);
  if (!timed && !POSTED.test(rest) && !COUNTER.test(rest)) return null;
  const author =
    /(?:^|\s)([\w\u4e00-\u9fff]{2,8})\s+(?:发表于|于\s)/.exec(line)?.[1] ??
    /^(?:原创|作者[:：]?)\s*([\w\u4e00-\u9fff]{2,8})\s/.exec(line)?.[1] ??
    null;
  return { date, author: author === '原创' || author === '本帖最后由' ? null : author };
}
