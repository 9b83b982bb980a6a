import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type SiteTemplate } from './template.js';

/**
 * The first two held-out sites, held out until 2026-12-08 and tuned on since (two new sites took their place
 * in held-out.ts). Written in another style on purpose: wording, order, dodge symbols.
 */

const dotted = (d: k.PageDate): string => `${d.y}.${d.m}.${d.d}`;

/** A forum-style article page: 录入/审核/点击 line, 〔〕 watermarks dodged with ∷☆‖, a buy-the-full-text note. */
export const zhiwei: SiteTemplate = {
  name: 'zhiwei',
  site: '知微文档',
  domain: 'www.zhiweiwd.net',
  layout: { kind: 'txt', indent: '  ', wrapAt: 32, blankLines: false },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const fields = [
      `录入：${author}`,
      `审核：${k.editor(ctx.rng)}`,
      `点击：${k.views(ctx.rng)}次`,
      `更新：${dotted(date)}`,
    ];
    return [
      chrome('banner', ['┏━━ 知微文档 · 文章中心 ━━┓']),
      chrome('nav', [`位置：网站首页 - 文章中心 - ${k.columnOf(ctx.title)}`]),
      titleBlock(ctx),
      { ...chrome('top', [fields.join('  ')]), noise: fields, meta: { publishedAt: k.isoDay(date), author } },
      chrome('top', ['【打印本页】【关闭窗口】【返回顶部】']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `〔${k.dodge(rng, '知微文档网原创', '∷☆‖')}〕`,
    blocks: [
      () => chrome('body', ['扫码关注“知微文档”服务号，回复“范文”领取写作资料包']),
      ({ rng }) => chrome('body', [`微信号：${k.wechatId(rng, 'zhiwei_')}`]),
      ({ rng }) => chrome('body', [`（摄影：${k.reporter(rng)}）`]),
    ],
  },
  paywall: { rate: 0.6, insideRate: 0.5, marker: () => '本文为付费内容，完整版请扫码购买' },
  after: (ctx) => [
    chrome('bottom', [
      `◆ 上一篇文章：${k.otherTitle(ctx.rng, ctx.year)}`,
      `◆ 下一篇文章：${k.otherTitle(ctx.rng, ctx.year)}`,
    ]),
    chrome('bottom', ['【发表评论】【加入收藏】【告诉好友】']),
    chrome('footer', ['声明：本站部分内容来源于网络，版权归原作者所有', `备案号：${k.icp(ctx.rng, '沪')}`]),
  ],
};

/** An old table layout in GB2312: 发布者 line, {} watermarks dodged with +=|, an attachment-only remainder. */
export const xingcha: SiteTemplate = {
  name: 'xingcha',
  site: '星槎公文',
  domain: 'www.xingchagw.cn',
  layout: {
    kind: 'html',
    skeleton: 'table',
    headTitle: (ctx) => `星槎公文--${ctx.title}`,
    chromeInArticle: true,
    paragraphs: 'br',
    indent: '\u3000\u3000',
    gbk: 'gbk',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const fields = [
      `发布者：${author}`,
      `发布日期：${date.y}年${date.m}月${date.d}日`,
      `阅读次数：${k.views(ctx.rng)}`,
    ];
    return [
      chrome('banner', ['星槎公文网 欢迎您！ 设为首页 | 加入收藏']),
      chrome('nav', [`位置：网站首页 - 文章中心 - ${k.columnOf(ctx.title)}`]),
      chrome('aside', ['[栏目导航]', '总结报告', '讲话致辞', '计划方案'], { list: true }),
      chrome('top', fields, { meta: { publishedAt: k.isoDay(date), author } }),
      titleBlock(ctx),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `{${k.dodge(rng, '星槎公文网', '+=|')}}`,
    blocks: [
      () => chrome('body', ['欢迎转载，转载请注明出处：星槎公文网']),
      (ctx) => chrome('body', ['[相关链接]', ...k.otherTitles(ctx.rng, ctx.year, 3)]),
    ],
  },
  paywall: {
    rate: 0.5,
    insideRate: 0.3,
    marker: () => '>>>余下全文请下载附件阅读<<<',
  },
  after: (ctx) => [
    chrome('bottom', [`<<上一篇：${k.otherTitle(ctx.rng, ctx.year)}`, `下一篇：${k.otherTitle(ctx.rng, ctx.year)}>>`]),
    chrome('bottom', [`附件：${ctx.title}.doc（${ctx.rng.int(20, 90)}KB）`]),
    chrome('footer', ['主办单位：星槎公文网　技术支持：星槎网络', `ICP证：${k.icp(ctx.rng, '蜀')}`]),
  ],
};

export const RETIRED_HELD_OUT: readonly SiteTemplate[] = [zhiwei, xingcha];
