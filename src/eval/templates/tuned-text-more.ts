import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type SiteTemplate } from './template.js';

/** More tuned text sites: ASCII indents, wrapped lines, metadata one field a line. */

/** The title repeated as `标题-站名`, one metadata field a line, a VIP span closed by an end marker. */
export const yanchi: SiteTemplate = {
  name: 'yanchi',
  site: '砚池文稿',
  domain: 'yanchiwg.net',
  layout: { kind: 'txt', indent: '    ', blankLines: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = k.sourceName(ctx.rng);
    const author = k.editor(ctx.rng);
    return [
      chrome('head', [`${ctx.title}-砚池文稿`]),
      chrome('banner', ['砚池文稿 | 笔杆子的素材仓库']),
      chrome('nav', [`首页 » 公文写作 » ${k.columnOf(ctx.title)} » 正文`]),
      titleBlock(ctx),
      chrome(
        'top',
        [`发布时间：${k.slashMinute(date)}`, `来源：${source}`, `作者：${author}`, `阅读：${k.views(ctx.rng)}次`],
        {
          meta: { publishedAt: k.isoDay(date), source, author },
        },
      ),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `[${k.dodge(rng, '砚池文稿版权所有', '#~')}]`,
    blocks: [
      ({ rng }) => chrome('body', [`QQ群：${k.digits(rng, 9)}（砚池写作交流群）`]),
      (ctx) => chrome('body', ['相关报道：', ...k.otherTitles(ctx.rng, ctx.year, 2)], { list: true }),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.4,
    marker: () => '[VIP专享]以下内容需开通会员查看',
    endMarker: () => '[VIP专享内容结束]',
  },
  after: (ctx) => [
    chrome('bottom', [`上一篇：${k.otherTitle(ctx.rng, ctx.year)}\u3000下一篇：${k.otherTitle(ctx.rng, ctx.year)}`]),
    chrome('bottom', [`附件下载：${ctx.title}.docx`]),
    chrome('footer', [
      `联系电话：0571-${k.digits(ctx.rng, 8)}`,
      `Copyright © ${ctx.year} yanchiwg.net All Rights Reserved`,
      k.icp(ctx.rng, '粤'),
    ]),
  ],
};

/** Wrapped at 42 without indents; author before date in a bar-separated line; a 猜你喜欢 list. */
export const songyan: SiteTemplate = {
  name: 'songyan',
  site: '松烟写作',
  domain: 'www.songyanxz.com',
  layout: { kind: 'txt', indent: '', wrapAt: 42, blankLines: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const fields = [`作者：${author}`, `发布于 ${k.isoDay(date)}`, `阅读 ${k.views(ctx.rng)}`];
    return [
      chrome('banner', [`松烟写作网 www.songyanxz.com 每日更新${ctx.rng.int(5, 12)}00+篇精品范文`]),
      chrome('nav', [`当前位置：首页 / 材料库 / ${k.columnOf(ctx.title)}`]),
      titleBlock(ctx),
      { ...chrome('top', [fields.join(' | ')]), noise: fields, meta: { publishedAt: k.isoDay(date), author } },
      chrome('top', ['分享到：微信 微博 QQ空间 复制链接']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `（${k.dodge(rng, '松烟写作首发', '*%')}）`,
    blocks: [
      () => chrome('body', ['更多精品范文请访问songyanxz.com，开通VIP享全站免费下载']),
      ({ rng }) => chrome('body', [`客服微信：${k.wechatId(rng, 'sy')}（备注：范文）`]),
    ],
  },
  paywall: { rate: 0.5, insideRate: 0.5, marker: () => '——试读结束，开通VIP阅读全文——' },
  after: (ctx) => [
    chrome('bottom', ['猜你喜欢：', ...k.otherTitles(ctx.rng, ctx.year, 5)]),
    chrome('footer', ['本站文章均来自网络，如有侵权请联系删除。', `ICP备案号：${k.icp(ctx.rng, '京')}`]),
  ],
};

/** A document-library page: upload facts one a line, the share bar one word a line, a 剩余页数 paywall. */
export const zhujian: SiteTemplate = {
  name: 'zhujian',
  site: '竹简文库',
  domain: 'www.zhujianwk.com',
  layout: { kind: 'txt', indent: '\u3000\u3000', blankLines: false },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    return [
      chrome('banner', ['竹简文库']),
      chrome('nav', [`首页 > 文库 > ${k.columnOf(ctx.title)}`]),
      titleBlock(ctx),
      chrome(
        'top',
        [
          `上传者：${author}`,
          `上传时间：${k.isoDay(date)}`,
          `文档页数：${ctx.rng.int(2, 14)}页`,
          `下载积分：${ctx.rng.int(1, 20)}`,
        ],
        { meta: { publishedAt: k.isoDay(date), author } },
      ),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `【${k.dodge(rng, '竹简文库', '*^')}】`,
    blocks: [
      ({ rng }) => chrome('body', [`客服微信：${k.wechatId(rng, 'zj')}`]),
      ({ rng }) => chrome('body', [`QQ群：${k.digits(rng, 9)}`]),
      () => chrome('body', ['温馨提示：登录m.zhujianwk.com开通会员，免费下载本文档']),
    ],
  },
  paywall: {
    rate: 0.7,
    insideRate: 0.3,
    marker: (rng) => `——剩余${rng.int(2, 9)}页未读，开通VIP继续阅读——`,
  },
  after: (ctx) => [
    chrome('bottom', ['分享', '微信', '微博', 'QQ空间']),
    chrome('bottom', ['相关推荐', ...k.otherTitles(ctx.rng, ctx.year, 3)]),
    chrome('footer', [`浏览次数：${k.views(ctx.rng)}`, '竹简文库 版权所有', k.icp(ctx.rng, '京')]),
  ],
};
