import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type SiteTemplate } from './template.js';

/** HTML pages unlike 范文 sites: a document library, a forum thread, a government portal's repost. */

/** A 文库 page: document facts in a bar-separated line, an app toolbar, a 下载券 paywall, 相关文档 after. */
export const wenku: SiteTemplate = {
  name: 'wenku',
  site: '知行文库',
  domain: 'wenku.zhixing.example',
  layout: {
    kind: 'html',
    skeleton: 'divs',
    headTitle: (ctx) => `${ctx.title} - 知行文库`,
    chromeInArticle: true,
    paragraphs: 'p',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const fields = [
      '文档格式：docx',
      `页数：${ctx.rng.int(2, 15)}`,
      `上传日期：${k.isoDay(date)}`,
      `浏览：${k.views(ctx.rng)}`,
      `下载：${ctx.rng.int(3, 900)}`,
    ];
    return [
      chrome('banner', ['知行文库 - 海量文档免费分享']),
      chrome('nav', [`知行文库 > 党政相关 > ${k.columnOf(ctx.title)}`]),
      titleBlock(ctx),
      { ...chrome('top', [fields.join(' | ')]), noise: fields, meta: { publishedAt: k.isoDay(date) } },
      chrome('top', ['立即下载', '用APP打开', '举报']),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `『${k.dodge(rng, '知行文库', '@$')}』`,
    blocks: [
      () => chrome('body', ['本文档由用户上传，仅供学习交流使用']),
      () => chrome('body', ['扫码关注公众号，获取更多资料']),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.3,
    marker: (rng) => `试读已结束，剩余${rng.int(2, 9)}页未读，继续阅读需消耗${rng.int(1, 5)}下载券`,
  },
  after: (ctx) => [
    chrome('bottom', [`本文档共${ctx.rng.int(3, 15)}页，下载后可编辑`]),
    chrome('bottom', ['相关文档', ...k.otherTitles(ctx.rng, ctx.year, 4)], { list: true }),
    chrome('footer', [
      '© 2025 知行文库 | 用户协议 | 隐私政策 | 版权投诉',
      `客服热线：400-${k.digits(ctx.rng, 3)}-${k.digits(ctx.rng, 4)}`,
    ]),
  ],
};

/** A forum thread: the post's header line, an edit note, a hidden-content paywall, replies after. */
export const luntan: SiteTemplate = {
  name: 'luntan',
  site: '文秘之家论坛',
  domain: 'bbs.wenmizj.example',
  layout: {
    kind: 'html',
    skeleton: 'table',
    headTitle: (ctx) => `${ctx.title} - 公文写作 - 文秘之家论坛 - Powered by Discuz!`,
    chromeInArticle: true,
    paragraphs: 'br',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const stamp = `${date.y}-${date.m}-${date.d} ${date.hh}:${String(date.mm).padStart(2, '0')}`;
    const author = k.editor(ctx.rng);
    return [
      chrome('nav', [`文秘之家论坛 › 公文写作 › ${k.columnOf(ctx.title)} › 查看内容`]),
      titleBlock(ctx),
      chrome('top', [`${author} 发表于 ${stamp} | 只看该作者 | 倒序浏览 | 阅读模式`], {
        meta: { publishedAt: k.isoDay(date), author },
      }),
      chrome('top', [`本帖最后由 ${author} 于 ${stamp} 编辑`]),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `〈${k.dodge(rng, '文秘之家首发', '+=')}〉`,
    blocks: [
      (ctx) =>
        chrome('body', [
          `附件：${ctx.title}.doc (${ctx.rng.int(20, 90)}.${ctx.rng.int(1, 9)} KB, 下载次数: ${ctx.rng.int(3, 99)})`,
        ]),
    ],
  },
  paywall: { rate: 0.5, insideRate: 0, marker: () => '游客，本帖隐藏的内容需要积分高于 10 才可浏览，您当前积分为 0' },
  after: (ctx) => [
    chrome('bottom', ['收藏0', '分享', '淘帖', '支持', '反对']),
    chrome('bottom', [
      `沙发 ${k.editor(ctx.rng)} 发表于 ${ctx.year}-${ctx.rng.int(1, 12)}-${ctx.rng.int(1, 28)}`,
      '谢谢楼主分享！',
      '回复 举报',
    ]),
    chrome('footer', ['手机版 | 小黑屋 | 文秘之家论坛', 'Powered by Discuz! X3.4 © 2001-2025 Comsenz Inc.']),
  ],
};

/** A government portal reposting the document: an index table of facts, font-size and print tools, a 网站标识码 footer. */
export const zhengwu: SiteTemplate = {
  name: 'zhengwu',
  site: '某某市人民政府门户网站',
  domain: 'www.moumou.gov.example',
  layout: {
    kind: 'html',
    skeleton: 'table',
    headTitle: (ctx) => `${ctx.title}--某某市人民政府门户网站`,
    chromeInArticle: false,
    paragraphs: 'p',
    indent: '\u3000\u3000',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = '市政府办公室';
    const index = [
      `索引号：11330100/${ctx.year}-${k.digits(ctx.rng, 5)}`,
      '主题分类：综合政务',
      `成文日期：${k.cnDay(date)}`,
    ];
    const fields = [`信息来源：${source}`, `发布日期：${k.isoDay(date)}`, `浏览次数：${k.views(ctx.rng)}`];
    return [
      chrome('banner', ['某某市人民政府门户网站', '无障碍 | 长者模式 | 繁體']),
      chrome('nav', ['首页 > 政务公开 > 政策文件 > 市政府文件']),
      { ...chrome('top', [index.join('\u3000')]), noise: index },
      titleBlock(ctx),
      { ...chrome('top', [fields.join('\u3000')]), noise: fields, meta: { publishedAt: k.isoDay(date), source } },
      chrome('top', ['【字体：大 中 小】 【打印本页】 【关闭窗口】']),
    ];
  },
  inside: { count: [1, 1], blocks: [() => chrome('body', ['扫一扫在手机打开当前页'])] },
  after: (ctx) => [
    chrome('bottom', ['【我要纠错】 【打印本页】 【关闭窗口】']),
    chrome('footer', [
      '主办：某某市人民政府办公室　承办：某某市大数据发展管理局',
      `网站标识码：33010000${k.digits(ctx.rng, 2)}\u3000${k.icp(ctx.rng, '浙')}\u3000浙公网安备 ${k.digits(ctx.rng, 14)}号`,
    ]),
  ],
};

/** The site's logo is the <h1>, the title a styled <div>; the page title puts the site first; a 付费 box. */
export const fanwenxuan: SiteTemplate = {
  name: 'fanwenxuan',
  site: '范文选',
  domain: 'www.fanwenxuan.example',
  layout: {
    kind: 'html',
    skeleton: 'semantic',
    headTitle: (ctx) => `范文选 - ${ctx.title}`,
    chromeInArticle: true,
    paragraphs: 'p',
    titleElement: 'div',
    logoH1: true,
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const fields = [`更新时间：${k.isoDay(date)}`, `字数：${ctx.rng.int(1000, 9000)}字`, `人气：${k.views(ctx.rng)}`];
    return [
      chrome('banner', ['范文选']),
      chrome('nav', [`范文选 > ${k.columnOf(ctx.title)} > 正文`]),
      titleBlock(ctx),
      { ...chrome('top', [fields.join(' ')]), noise: fields, meta: { publishedAt: k.isoDay(date) } },
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `<<${k.dodge(rng, '范文选网', '*#')}>>`,
    blocks: [
      () => chrome('body', ['（此处为广告位，会员免广告）']),
      () => chrome('body', ['↑↑↑ 收藏本站，下次更方便 ↑↑↑']),
    ],
  },
  paywall: { rate: 0.6, insideRate: 0.3, marker: () => '……余下全文需登录后查看完整版……' },
  after: (ctx) => [
    chrome('bottom', ['本文标签：', ...k.otherTitles(ctx.rng, ctx.year, 2)]),
    chrome('footer', ['范文选 版权所有 | 网站地图 | 联系我们', k.icp(ctx.rng, '沪')]),
  ],
};
