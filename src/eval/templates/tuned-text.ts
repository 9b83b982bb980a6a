import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type SiteTemplate } from './template.js';

/** Tuned text sites (.txt and .md): the tuner may look at their pages. */

/** A markdown export: breadcrumb with the site after a bar, `- **字段**：` metadata, a VIP divider. */
export const qingjian: SiteTemplate = {
  name: 'qingjian',
  site: '青简范文网',
  domain: 'www.qingjianfw.com',
  layout: { kind: 'txt', indent: '', blankLines: true, markdown: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    return [
      chrome('nav', [`首页 > 公文范文 > ${k.columnOf(ctx.title)} | 青简范文网`]),
      titleBlock(ctx),
      chrome(
        'top',
        [
          `- **文件名称**：${ctx.title}.docx`,
          `- **发布日期**：${k.isoDay(date)}`,
          '- **文档格式**：Word（可编辑）',
          `- **所属栏目**：${k.columnOf(ctx.title)}`,
        ],
        { meta: { publishedAt: k.isoDay(date) } },
      ),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `【${k.dodge(rng, '青简范文网原创首发', '*^%')}】`,
    blocks: [
      ({ rng }) => chrome('body', [`> 温馨提示：登录m.qingjianfw.com开通会员，全站${rng.int(20, 90)}万篇范文免费下载`]),
    ],
  },
  paywall: { rate: 0.6, insideRate: 0.2, marker: () => '——以下为VIP会员专享内容——' },
  after: (ctx) => [
    chrome('bottom', [
      '---',
      `上一篇：${k.otherTitle(ctx.rng, ctx.year)}`,
      `下一篇：${k.otherTitle(ctx.rng, ctx.year)}`,
    ]),
    chrome('footer', [`版权所有 © 2019-${ctx.year} 青简范文网 www.qingjianfw.com`, `${k.icp(ctx.rng, '京')}-1`]),
  ],
};

/** Copied from a fixed-width reader: paragraphs hard-wrapped at 36, full-width indents, one-line toolbar. */
export const moyan: SiteTemplate = {
  name: 'moyan',
  site: '墨言材料库',
  domain: 'www.moyancl.com',
  layout: { kind: 'txt', indent: '\u3000\u3000', wrapAt: 36, blankLines: false },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = k.sourceName(ctx.rng);
    const author = k.editor(ctx.rng);
    const fields = [
      `发布时间：${k.isoTime(date)}`,
      `来源：${source}`,
      `作者：${author}`,
      `浏览次数：${k.views(ctx.rng)}`,
    ];
    return [
      chrome('banner', ['墨言材料库（www.moyancl.com）—— 专注机关公文写作素材，每日更新']),
      chrome('nav', [`当前位置：墨言材料库 » ${k.columnOf(ctx.title)} » 正文`]),
      titleBlock(ctx),
      {
        ...chrome('top', [fields.join('\u3000')]),
        noise: fields,
        meta: { publishedAt: k.isoTime(date), source, author },
      },
      chrome('top', ['下载 / 打印 / 全屏 / 收藏 / 【字号：加大 还原 减小】']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `〖${k.dodge(rng, '墨言材料库独家整理', '*^%~')}〗`,
    blocks: [
      ({ rng }) => chrome('body', [`客服微信：${k.wechatId(rng, 'moyan')}`]),
      ({ rng }) => chrome('body', [`温馨提示：登录www.moyancl.com开通年卡会员，每日可下载${rng.int(20, 60)}篇`]),
    ],
  },
  paywall: { rate: 0.7, insideRate: 0.5, marker: () => '【剩余内容请开通会员后查看】' },
  after: (ctx) => [
    chrome('bottom', ['相关推荐：', ...k.otherTitles(ctx.rng, ctx.year, 4)]),
    chrome('footer', ['版权所有 © 墨言材料库', k.icp(ctx.rng, '沪'), `客服QQ：${k.digits(ctx.rng, 9)}`]),
  ],
};

/** An HTML-title line first, the toolbar one word a line, a 字数 paywall note at a paragraph's end. */
export const wenshu: SiteTemplate = {
  name: 'wenshu',
  site: '文枢阁',
  domain: 'www.wenshuge.cn',
  layout: { kind: 'txt', indent: '', blankLines: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = k.sourceName(ctx.rng);
    const author = k.editor(ctx.rng);
    const line = `${k.cnDay(date)}\u3000来源：${source}\u3000编辑：${author}`;
    return [
      chrome('head', [`【文枢阁】${ctx.title}_免费阅读_Word下载`]),
      chrome('nav', [`您现在的位置：首页 > 范文大全 > ${k.columnOf(ctx.title)}`]),
      chrome('top', ['下载', '打印', '全屏', '收藏', '【字号：加大', '还原', '减小】']),
      titleBlock(ctx),
      {
        ...chrome('top', [line]),
        noise: [k.cnDay(date), `来源：${source}`, `编辑：${author}`],
        meta: { publishedAt: k.isoDay(date), source, author },
      },
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `「${k.dodge(rng, '文枢阁公文网', '·')}」`,
    blocks: [
      (ctx) => chrome('body', ['相关阅读：', ...k.otherTitles(ctx.rng, ctx.year, 3)], { list: true }),
      ({ rng }) => chrome('body', [`本报记者 ${k.reporter(rng)} 摄`]),
    ],
  },
  paywall: {
    rate: 0.5,
    insideRate: 0,
    marker: (rng) => `……（本文共${rng.int(3, 9)}${rng.int(100, 999)}字，剩余内容需登录会员后阅读）`,
  },
  after: (ctx) => [
    chrome('bottom', ['分享到：微信 微博 QQ空间']),
    chrome('bottom', ['推荐阅读', ...k.otherTitles(ctx.rng, ctx.year, 3)], { list: true }),
    chrome('bottom', [`【原文下载】${ctx.title}.doc`]),
    chrome('footer', ['文枢阁 版权所有', k.icp(ctx.rng, '浙')]),
  ],
};
