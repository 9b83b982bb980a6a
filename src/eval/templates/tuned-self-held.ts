import { chrome } from '../page.js';
import type { Rng } from '../prng.js';
import * as k from './kit.js';
import { titleBlock, type PageContext, type SiteTemplate } from './template.js';

/**
 * A second pair written as held-out sites on 2026-12-08 by the engineer who tunes the rules: held out for
 * one run only, then tuned on, since whoever wrote a site knows its forms. The held-out pair in held-out.ts
 * was written by another hand and is read by nobody who tunes.
 */

const PUNCT_DODGE = '·•';

function percent(rng: Rng): number {
  return rng.int(40, 85);
}

/** A GB2312 范文 portal in a table layout: a div title, <br> paragraphs, chrome inside the article. */
export const xiangyun: SiteTemplate = {
  name: 'xiangyun',
  site: '祥云范文网',
  domain: 'www.xiangyunfw.example',
  layout: {
    kind: 'html',
    skeleton: 'table',
    headTitle: (ctx) => `${ctx.title}_${k.columnOf(ctx.title)}范文_祥云范文网`,
    chromeInArticle: true,
    paragraphs: 'br',
    indent: '\u3000\u3000',
    titleElement: 'div',
    gbk: 'gb2312',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const source = k.sourceName(ctx.rng);
    const fields = [
      `发布时间：${k.cnDay(date)}`,
      `文章来源：${source}`,
      `作者：${author}`,
      `浏览：${k.views(ctx.rng)}`,
    ];
    return [
      chrome('banner', ['祥云范文网 - 您身边的公文写作助手', '设为首页 | 加入收藏 | 手机版']),
      chrome('nav', ['首页', '工作总结', '工作计划', '述职报告', '讲话稿', '心得体会', '党团范文', '会员中心'], {
        list: true,
      }),
      chrome('nav', [`当前位置：首页 → ${k.columnOf(ctx.title)} → ${ctx.title}`]),
      titleBlock(ctx),
      {
        ...chrome('top', [fields.join('\u3000')]),
        noise: fields,
        meta: { publishedAt: k.isoDay(date), source, author },
      },
      chrome('top', ['【字体：大 中 小】【打印此文】【关闭窗口】']),
      chrome('top', [`文章导读：本文是祥云范文网小编为大家整理的${ctx.title}，仅供参考，欢迎阅读。`]),
    ];
  },
  inside: {
    count: [2, 4],
    watermark: (rng) =>
      rng.pick([
        `〘${k.dodge(rng, '祥云范文网', PUNCT_DODGE)}〙`,
        `〔转载请注明：祥云范文网〕`,
        `⟦${k.fullWidth('XIANGYUNFW')}⟧`,
      ]),
    blocks: [
      ({ rng, year }) => chrome('body', [`>>>点击下载：${k.otherTitle(rng, year)}.doc<<<`]),
      ({ rng, year }) => chrome('body', ['推荐阅读：', ...k.otherTitles(rng, year, 3)], { list: true }),
      () => chrome('body', ['（图片来源于网络，如有侵权请联系删除）']),
      ({ rng }) => chrome('body', [`本文由祥云范文网会员“${k.editor(rng)}”上传分享`]),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.3,
    marker: (rng) =>
      rng.pick([
        `（本文为VIP专享，剩余${percent(rng)}%的内容请开通会员后阅读）`,
        `>>> 还剩${rng.int(900, 8000)}字，成为VIP会员即可查看完整版 <<<`,
        '▍温馨提示：余下内容为会员专享，登录后继续阅读',
      ]),
    endMarker: () => '【会员专享内容结束】',
  },
  after: (ctx) => [
    chrome('bottom', [`上一篇：${k.otherTitle(ctx.rng, ctx.year)}`, `下一篇：${k.otherTitle(ctx.rng, ctx.year)}`]),
    chrome('bottom', [`【责任编辑：${k.editor(ctx.rng)}】`]),
    chrome('bottom', [`与“${ctx.title.slice(0, 8)}”相关的范文：`, ...k.otherTitles(ctx.rng, ctx.year, 4)], {
      list: true,
    }),
    chrome('aside', ['热门排行', ...k.otherTitles(ctx.rng, ctx.year, 5)], { list: true }),
    chrome('footer', [
      '关于本站 | 网站声明 | 联系方式 | 网站地图',
      '本站部分内容来自网络，如有侵权请来信告知，我们将在24小时内删除。',
      `Copyright © 2012-${ctx.year} 祥云范文网 版权所有\u3000备案号：${k.icp(ctx.rng, '鄂')}`,
      '投稿邮箱：tougao@xiangyunfw.example',
    ]),
  ],
};

function pageCount(ctx: PageContext): number {
  return ctx.rng.int(4, 36);
}

/** A document-sharing page copied as CRLF text: menus one word a line, 页码 lines, a 试读 wall priced in 元. */
export const shuge: SiteTemplate = {
  name: 'shuge',
  site: '书阁文档',
  domain: 'www.shugewd.example',
  layout: { kind: 'txt', indent: '', blankLines: false, crlf: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const pages = pageCount(ctx);
    const stats = [`${k.views(ctx.rng)}阅读`, `${ctx.rng.int(3, 900)}下载`, `${pages}页`, `${ctx.rng.int(18, 640)}KB`];
    const fields = [`贡献者：${author}`, `上传于${k.cnDay(date)}`];
    return [
      chrome('banner', ['书阁文档', '首页', '分类', '上传', '会员', '登录', '注册']),
      titleBlock(ctx),
      { ...chrome('top', [stats.join(' ')]), noise: stats },
      { ...chrome('top', [fields.join(' ')]), noise: fields, meta: { publishedAt: k.isoDay(date), author } },
      chrome('top', ['下载', '收藏', '分享', '举报']),
    ];
  },
  inside: {
    count: [2, 5],
    watermark: (rng) => rng.pick([`「${k.dodge(rng, '书阁文档', '·')}」`, `『${k.spaced('shugewd')}』`]),
    blocks: [
      ({ rng }) =>
        chrome('body', [
          rng.pick([`— ${rng.int(2, 9)} —`, `第${rng.int(2, 9)}页`, `${rng.int(2, 9)}/${rng.int(10, 36)}`]),
        ]),
      () => chrome('body', ['书阁文档 - 海量文档免费下载 www.shugewd.example']),
      () => chrome('body', ['更多精品文档请访问：shugewd点example']),
      () => chrome('body', ['微信扫码，关注“书阁文档”小程序']),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0,
    marker: (rng) =>
      rng.pick([
        `试读结束，剩余${rng.int(2, 20)}页需下载后阅读`,
        `··· 本文档共${rng.int(6, 36)}页，剩余${rng.int(2, 20)}页可在下载后查看 ···`,
        `该文档为付费文档，下载后可查看全部内容（售价：${rng.int(2, 30)}元）`,
      ]),
  },
  after: (ctx) => [
    chrome('bottom', [`下载本文档需要${ctx.rng.int(1, 20)}书币`]),
    chrome('bottom', ['相关文档', ...k.otherTitles(ctx.rng, ctx.year, 3).map((t) => `${t}（${pageCount(ctx)}页）`)]),
    chrome('bottom', ['猜你喜欢', ...k.otherTitles(ctx.rng, ctx.year, 2)]),
    chrome('footer', [
      '用户协议 隐私政策 版权申诉 联系客服',
      '本站提供的所有文档均为网友上传分享，本站仅提供存储服务，不拥有所有权。',
      `客服热线：400-${k.digits(ctx.rng, 3)}-${k.digits(ctx.rng, 4)}  工作日 9:00-18:00`,
      `${k.icp(ctx.rng, '浙')}-2  浙公网安备 330106020${k.digits(ctx.rng, 5)}号`,
    ]),
  ],
};

export const WRITTEN_HELD_OUT: readonly SiteTemplate[] = [xiangyun, shuge];
