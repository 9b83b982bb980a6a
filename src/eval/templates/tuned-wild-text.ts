import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type SiteTemplate } from './template.js';

/** Text pages copied from places unlike 范文 sites: a 公众号 article, a converted Word file, a blog. */

/** A 公众号 article pasted as text: byline after the title, 合集 and 关注 lines, END and 往期推荐 after. */
export const gongzhonghao: SiteTemplate = {
  name: 'gongzhonghao',
  site: '笔耕公文圈',
  domain: 'mp.bigeng.example',
  layout: { kind: 'txt', indent: '', blankLines: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const byline = `原创 ${author} 笔耕公文圈 ${k.isoDay(date)} 0${ctx.rng.int(6, 9)}:${ctx.rng.int(10, 59)} 发表于江苏`;
    return [
      titleBlock(ctx),
      chrome('top', [byline], { meta: { publishedAt: k.isoDay(date), author } }),
      chrome('top', [`收录于合集 #公文写作 ${ctx.rng.int(12, 300)}个`]),
      chrome('top', ['点击上方蓝字，关注我们']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `「${k.dodge(rng, '笔耕公文圈原创', '@&')}」`,
    blocks: [
      () => chrome('body', ['▲点击图片查看大图']),
      () => chrome('body', ['（图片来源：网络）']),
      () => chrome('body', ['↓↓↓ 长按识别二维码，加入写作交流群 ↓↓↓']),
    ],
  },
  paywall: { rate: 0.5, insideRate: 0.3, marker: (rng) => `以下为付费内容，${rng.int(3, 19)}.9元解锁全文` },
  after: (ctx) => [
    chrome('bottom', ['— END —']),
    chrome('bottom', ['往期推荐', ...k.otherTitles(ctx.rng, ctx.year, 3)]),
    chrome('footer', [
      '声明：本文来源于网络，版权归原作者所有，如有侵权请联系删除。',
      `编辑：${k.editor(ctx.rng)} | 审核：${k.editor(ctx.rng)}`,
      '分享 收藏 点赞 在看',
    ]),
  ],
};

/** A Word file turned to text by a document site: its header and page numbers repeat between paragraphs. */
export const wendang: SiteTemplate = {
  name: 'wendang',
  site: '优选文档网',
  domain: 'www.youxuanwd.example',
  layout: { kind: 'txt', indent: '\u3000\u3000', blankLines: false },
  before: (ctx) => [
    chrome('banner', ['优选文档网 www.youxuanwd.example 整理']),
    titleBlock(ctx),
    chrome('top', ['（Word版，可编辑）']),
  ],
  inside: {
    count: [2, 4],
    watermark: (rng) => `﹝${k.dodge(rng, '优选文档网', '·-')}﹞`,
    blocks: [
      ({ rng }) => chrome('body', [`第 ${rng.int(2, 9)} 页 共 ${rng.int(9, 14)} 页`]),
      ({ rng }) => chrome('body', [`— ${rng.int(2, 12)} —`]),
      () => chrome('body', ['优选文档网 www.youxuanwd.example']),
    ],
  },
  paywall: { rate: 0.4, insideRate: 0, marker: () => '（本文档为付费文档，以下内容需下载后查看）' },
  after: () => [
    chrome('bottom', ['（本文档可编辑，下载后可直接使用）']),
    chrome('footer', ['更多范文请关注优选文档网']),
  ],
};

/** A markdown blog post: 字数/阅读 line, images, a repost notice quote, a tip jar and the site's sign-off. */
export const bokemd: SiteTemplate = {
  name: 'bokemd',
  site: '简笔记',
  domain: 'www.jianbiji.example',
  layout: { kind: 'txt', indent: '', blankLines: true, markdown: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    const dot = `${date.y}.${String(date.m).padStart(2, '0')}.${String(date.d).padStart(2, '0')}`;
    const line = `${dot} ${date.hh}:${String(date.mm).padStart(2, '0')} 字数 ${ctx.rng.int(1, 9)},${ctx.rng.int(100, 999)} 阅读 ${k.views(ctx.rng)}`;
    return [
      titleBlock(ctx),
      chrome('top', [`${author} 关注`], { meta: { author } }),
      chrome('top', [line], { meta: { publishedAt: k.isoDay(date) } }),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `(${k.dodge(rng, '简笔记首发', '_~')})`,
    blocks: [
      ({ rng }) => chrome('body', [`![图片](https://upload.jianbiji.example/${k.digits(rng, 8)}.png)`]),
      () => chrome('body', ['> 本文首发于公众号「简笔记」，转载请注明出处']),
    ],
  },
  paywall: { rate: 0.4, insideRate: 0.3, marker: (rng) => `**本文为付费文章，支付 ¥${rng.int(2, 9)} 后阅读剩余内容**` },
  after: (ctx) => [
    chrome('bottom', ['**喜欢的朋友记得点赞、收藏、关注哦！**']),
    chrome('bottom', ['“小礼物走一走，来简笔记关注我”', '赞赏支持', '还没有人赞赏，支持一下']),
    chrome('footer', [
      '© 著作权归作者所有，转载或内容合作请联系作者',
      '推荐阅读更多精彩内容',
      k.otherTitle(ctx.rng, ctx.year),
    ]),
  ],
};

/** A portal's head copied whole: welcome line, menu, login bar, hot searches; a title suffix of no site form. */
export const sanrenxing: SiteTemplate = {
  name: 'sanrenxing',
  site: '三人行',
  domain: 'www.sanrenxing.example',
  layout: { kind: 'txt', indent: '\u3000\u3000', blankLines: false },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    return [
      chrome('banner', [`欢迎来到三人行！今天是${k.cnDay(date)} 星期${'一二三四五六日'[ctx.rng.int(0, 6)]}`]),
      chrome('nav', ['首页 公文 总结 计划 讲话 心得 党建 范文 文库']),
      chrome('nav', ['登录 | 注册 | 设为首页 | 加入收藏']),
      chrome('nav', [`热门搜索：主题教育 述职报告 ${k.columnOf(ctx.title)}`]),
      chrome('head', [`${ctx.title} - 三人行`]),
      titleBlock(ctx),
      chrome('top', [`作者：${k.editor(ctx.rng)}\u3000时间：${k.isoDay(date)}`], {
        meta: { publishedAt: k.isoDay(date) },
      }),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `〔${k.dodge(rng, '三人行整理', '@')}〕`,
    blocks: [() => chrome('body', ['（本文来自三人行会员投稿，转载请注明）'])],
  },
  paywall: { rate: 0.5, insideRate: 0.4, marker: () => '==========以下内容登录后可见==========' },
  after: (ctx) => [
    chrome('bottom', ['【打印此文】【关闭窗口】【返回顶部】']),
    chrome('bottom', ['热门文章排行', ...k.otherTitles(ctx.rng, ctx.year, 3)]),
    chrome('footer', ['三人行 · 文秘人自己的家园', `备案号：${k.icp(ctx.rng, '豫')}`]),
  ],
};
