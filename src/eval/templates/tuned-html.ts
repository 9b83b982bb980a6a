import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type SiteTemplate } from './template.js';

/** Tuned HTML sites: clean semantic pages, sloppy ones with chrome inside the article, a GBK one. */

/** A tidy page: nav, header, sidebar and footer outside the article; the meta line under the <h1>. */
export const shibi: SiteTemplate = {
  name: 'shibi',
  site: '拾笔公文网',
  domain: 'www.shibigw.com',
  layout: {
    kind: 'html',
    skeleton: 'semantic',
    headTitle: (ctx) => `${ctx.title}_拾笔公文网`,
    chromeInArticle: false,
    paragraphs: 'p',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = k.sourceName(ctx.rng);
    const fields = [`时间：${k.isoTime(date)}`, `来源：${source}`, `阅读：${k.views(ctx.rng)}`];
    return [
      chrome('banner', ['拾笔公文网 —— 专业公文范文写作平台']),
      chrome('nav', ['首页 > 公文范文 > 政策文件 | 拾笔公文网']),
      chrome('aside', ['热门文章：', ...k.otherTitles(ctx.rng, ctx.year, 5)], { list: true }),
      titleBlock(ctx),
      { ...chrome('top', [fields.join(' ')]), noise: fields, meta: { publishedAt: k.isoTime(date), source } },
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `【${k.dodge(rng, '拾笔公文网', '^%')}】`,
    blocks: [
      ({ rng }) => chrome('body', [`本报记者 ${k.reporter(rng)} 摄`]),
      () => chrome('body', ['温馨提示：登录m.shibigw.com开通会员，下载Word原文']),
    ],
  },
  paywall: { rate: 0.6, insideRate: 0.2, marker: () => '——以下内容仅限VIP会员阅读——' },
  after: (ctx) => [
    chrome('bottom', [`上一篇：${k.otherTitle(ctx.rng, ctx.year)}`, `下一篇：${k.otherTitle(ctx.rng, ctx.year)}`]),
    chrome('bottom', ['相关推荐：', ...k.otherTitles(ctx.rng, ctx.year, 4)], { list: true }),
    chrome('footer', ['版权所有 © 2016-2025 拾笔公文网', `${k.icp(ctx.rng, '鲁')}-2`, '联系邮箱：service@shibigw.com']),
  ],
};

/** GBK with a gb2312 meta; breadcrumb, toolbar and share bar all inside the article div. */
export const yunjian: SiteTemplate = {
  name: 'yunjian',
  site: '云笺素材',
  domain: 'www.yunjiansc.cn',
  layout: {
    kind: 'html',
    skeleton: 'divs',
    headTitle: (ctx) => `【云笺素材】${ctx.title}`,
    chromeInArticle: true,
    paragraphs: 'p',
    indent: '\u3000\u3000',
    gbk: 'gb2312',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const source = '云笺素材整理';
    const fields = [`发布日期：${k.cnDay(date)}`, `作者：${author}`, `来源：${source}`];
    return [
      chrome('banner', ['云笺素材 · 机关文稿资料站']),
      chrome('nav', [`您现在的位置：云笺素材 > 公文 > ${k.columnOf(ctx.title)} > 正文`]),
      titleBlock(ctx),
      {
        ...chrome('top', [fields.join('\u3000\u3000')]),
        noise: fields,
        meta: { publishedAt: k.isoDay(date), source, author },
      },
      chrome('top', ['【字号：大 中 小】【打印】【关闭】']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `《${k.dodge(rng, '云笺素材网整理', '~·')}》`,
    blocks: [
      ({ rng }) => chrome('body', [`客服微信：${k.wechatId(rng, 'yunjian')}\u3000QQ：${k.digits(rng, 10)}`]),
      (ctx) => chrome('body', ['相关阅读：', ...k.otherTitles(ctx.rng, ctx.year, 3)], { list: true }),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.5,
    marker: (rng) => `【温馨提示：剩余${rng.int(800, 6000)}字，开通会员后可查看全文】`,
  },
  after: (ctx) => [
    chrome('bottom', ['分享到：微信 微博 QQ空间']),
    chrome('bottom', [`上一篇：${k.otherTitle(ctx.rng, ctx.year)}`, `下一篇：${k.otherTitle(ctx.rng, ctx.year)}`]),
    chrome('footer', ['Copyright © 云笺素材 版权所有', k.icp(ctx.rng, '苏')]),
  ],
};

/** Sloppy: paragraphs as <br> lines, a bare site name between paragraphs, toolbar words one a div. */
export const gezhi: SiteTemplate = {
  name: 'gezhi',
  site: '格致范文',
  domain: 'www.gezhifw.org',
  layout: {
    kind: 'html',
    skeleton: 'semantic',
    headTitle: (ctx) => `${ctx.title}-格致范文`,
    chromeInArticle: true,
    paragraphs: 'br',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const fields = [`编辑：${author}`, `时间：${k.isoDay(date)}`, `点击：${k.views(ctx.rng)}`];
    return [
      chrome('banner', ['格致范文网（www.gezhifw.org）—— 专注机关材料，每日更新']),
      titleBlock(ctx),
      { ...chrome('top', [fields.join('\u3000')]), noise: fields, meta: { publishedAt: k.isoDay(date), author } },
      chrome('top', ['下载', '打印', '收藏']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `[${k.dodge(rng, '格致范文网', '*#')}]`,
    blocks: [
      () => chrome('body', ['格致范文网']),
      () => chrome('body', ['开通会员即可免费下载本文Word版，详情登录www.gezhifw.org']),
    ],
  },
  paywall: { rate: 0.5, insideRate: 0.3, marker: () => '（VIP会员专享，以下内容需付费阅读）' },
  after: (ctx) => [
    chrome('bottom', ['推荐阅读：', ...k.otherTitles(ctx.rng, ctx.year, 4)], { list: true }),
    chrome('bottom', ['【原文下载】']),
    chrome('footer', ['版权所有 格致范文网', k.icp(ctx.rng, '京'), `本站访问量：${k.views(ctx.rng)}`]),
  ],
};

/** Divs with a sidebar of new pages; date and source under the title; prev/next on one line. */
export const lantai: SiteTemplate = {
  name: 'lantai',
  site: '兰台笔记',
  domain: 'lantaibj.com',
  layout: {
    kind: 'html',
    skeleton: 'divs',
    headTitle: (ctx) => `${ctx.title}_兰台笔记_免费阅读`,
    chromeInArticle: false,
    paragraphs: 'p',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = k.sourceName(ctx.rng);
    const fields = [k.isoTime(date), `来源：${source}`];
    return [
      chrome('banner', ['兰台笔记·公文素材库 | 每天更新 精选范文']),
      chrome('nav', [`当前位置：首页 » ${k.columnOf(ctx.title)}`]),
      chrome('aside', ['最新更新', ...k.otherTitles(ctx.rng, ctx.year, 6)], { list: true }),
      titleBlock(ctx),
      {
        ...chrome('top', [fields.join('\u3000\u3000')]),
        noise: fields,
        meta: { publishedAt: k.isoTime(date), source },
      },
      chrome('top', ['分享到：微信 微博 QQ空间']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `〖${k.dodge(rng, '兰台笔记独家', '^~')}〗`,
    blocks: [
      ({ rng }) => chrome('body', [`温馨提示：登录lantaibj.com开通会员，享每日${rng.int(10, 50)}篇下载`]),
      ({ rng }) => chrome('body', [`本报记者 ${k.reporter(rng)} 摄`]),
      (ctx) => chrome('body', ['相关报道：', ...k.otherTitles(ctx.rng, ctx.year, 2)], { list: true }),
    ],
  },
  paywall: { rate: 0.6, insideRate: 0.5, marker: () => '【以下内容为会员专享，开通会员立即查看】' },
  after: (ctx) => [
    chrome('bottom', [`上一篇：${k.otherTitle(ctx.rng, ctx.year)}\u3000下一篇：${k.otherTitle(ctx.rng, ctx.year)}`]),
    chrome('footer', ['版权所有 © 兰台笔记', '联系我们 | 关于我们 | 网站地图', k.icp(ctx.rng, '浙')]),
  ],
};
