import { chrome } from '../page.js';
import type { Rng } from '../prng.js';
import * as k from './kit.js';
import { titleBlock, type PageContext, type SiteTemplate } from './template.js';

/**
 * More sites, each in forms the first twenty-seven do not use: titles dressed as list items, file names or
 * recommendations (【推荐】, .docx, (2), 1、), a title only in the <title> or at a breadcrumb's end, paywalls
 * of other wordings (未完, 当前为预览, 余下X字, 全文需付费, 仅限VIP会员阅读) between dots or dashes, and chrome
 * of 文库 and reposting pages: 上传者, 文档页数, 下载积分, 举报, 手机阅读, QQ群, 公众号 captions, 编辑/审核,
 * 原文链接, （来源：…）, 附件 lists with sizes, © lines.
 */

const ORGANS = ['人民日报', '新华社', '中国政府网', '光明日报', '学习时报'];

function dayStamp(ctx: PageContext): k.PageDate {
  return k.pageDate(ctx.rng, ctx.year);
}

/** A 文库 page: its h1 dressed as a recommendation, 上传者/文档页数/下载积分 fields, a dashed VIP notice. */
export const wenhai: SiteTemplate = {
  name: 'wenhai',
  site: '文海文库',
  domain: 'www.wenhaiwk.example',
  layout: {
    kind: 'html',
    skeleton: 'divs',
    headTitle: (ctx) => `${ctx.title} - ${k.columnOf(ctx.title)} - 文海文库`,
    chromeInArticle: true,
    paragraphs: 'p',
  },
  before: (ctx) => {
    const fields = [
      `上传者：${k.editor(ctx.rng)}`,
      `文档页数：${ctx.rng.int(2, 30)}页`,
      `下载积分：${ctx.rng.int(1, 20)}`,
    ];
    return [
      chrome('banner', ['文海文库 - 让每一份文档都有价值']),
      { kind: 'title', zone: 'top', text: `${ctx.rng.pick(['【推荐】', '【精品】', '【热门】'])}${ctx.title}` },
      { ...chrome('top', [fields.join('\u3000')]), noise: fields },
      chrome('top', [ctx.rng.pick(['点赞 / 收藏 / 分享 / 举报', '点赞 收藏 分享 举报', '点赞|收藏|分享|举报'])]),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `〔${k.dodge(rng, '文海文库独家', '❤✿')}〕`,
    blocks: [() => chrome('body', ['手机阅读']), () => chrome('body', ['扫一扫分享'])],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0,
    marker: (rng) => rng.pick(['--- 以下内容仅限VIP会员阅读 ---', '- - - 以下内容仅限VIP会员阅读 - - -']),
  },
  after: (ctx) => [
    chrome('bottom', [`本文关键词：${k.columnOf(ctx.title)}，范文，${ctx.year}年`]),
    chrome('footer', ['免责声明：本站文档均由用户上传，仅供学习参考，如有侵权请联系删除。', `© ${ctx.year} 文海文库`]),
  ],
};

/** A 公众号 article reposted as text: 字数/阅读, QR captions, a QQ group, a 未完 notice, 来源 and 编辑/审核 after. */
export const bizhen: SiteTemplate = {
  name: 'bizhen',
  site: '笔阵公文研习社',
  domain: 'mp.bizhen.example',
  layout: { kind: 'txt', indent: '', blankLines: true, markdown: true },
  before: (ctx) => [
    titleBlock(ctx),
    chrome('top', [`字数：${ctx.rng.int(1000, 9000)} 阅读：${k.views(ctx.rng)}`]),
    chrome('top', [ctx.rng.pick(['▲ 点击蓝字关注我们', '戳蓝字“笔阵公文研习社”关注我们哦！'])]),
  ],
  inside: {
    count: [1, 3],
    watermark: (rng) => `（${k.dodge(rng, '笔阵研习社原创', '♪♫')}）`,
    blocks: [
      () => chrome('body', ['▲ 长按识别二维码，关注公众号']),
      () => chrome('body', ['↑ 扫码关注“笔阵公文研习社”公众号，回复“素材”领取Word版']),
      ({ rng }) => chrome('body', [`公文写作交流QQ群：${k.digits(rng, 9)}`]),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.5,
    marker: (rng) => rng.pick(['……（未完，登录后查看全文）', '……(未完待续，登录后阅读全文)']),
  },
  after: (ctx) => [
    chrome('bottom', [`（来源：${ctx.rng.pick(ORGANS)}）`]),
    chrome('bottom', [`编辑：${k.editor(ctx.rng)}  审核：${k.editor(ctx.rng)}`]),
    chrome('bottom', [`原文链接：https://mp.bizhen.example/s/${k.digits(ctx.rng, 10)}`]),
    chrome('footer', ['点赞/收藏/分享', '公众号二维码', '（长按识别二维码）']),
  ],
};

/** A file name for a title: "标题.docx", "标题 (2).doc", as a download page or a shared folder shows it. */
function fileTitle(rng: Rng, title: string): string {
  return rng.pick([`${title}.docx`, `${title} (2).doc`, `${title}（1）.docx`, `${title}.wps`]);
}

/** A shared-document site copied as text: a file name as the title, its facts, a 当前为预览 notice. */
export const yunpan: SiteTemplate = {
  name: 'yunpan',
  site: '云盘文档',
  domain: 'doc.yunpanwd.example',
  layout: { kind: 'txt', indent: '\u3000\u3000', wrapAt: 38, blankLines: false, bom: true },
  before: (ctx) => {
    const date = dayStamp(ctx);
    const fields = [
      `文档页数：${ctx.rng.int(2, 30)}页`,
      `文件大小：${ctx.rng.int(20, 900)}KB`,
      `上传时间：${k.isoDay(date)}`,
    ];
    return [
      { kind: 'title', zone: 'top', text: fileTitle(ctx.rng, ctx.title) },
      { ...chrome('top', [fields.join('  ')]), noise: fields, meta: { publishedAt: k.isoDay(date) } },
      chrome('top', [`下载积分：${ctx.rng.int(1, 9)}\u3000举报`]),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `【${k.dodge(rng, '云盘文档首发', '▪◉')}】`,
    blocks: [({ rng }) => chrome('body', [`第${rng.int(2, 9)}页 / 共${rng.int(10, 30)}页`])],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0,
    marker: (rng) =>
      rng.pick([`本文共${rng.int(3, 30)}页，当前为预览`, `本文档共${rng.int(3, 30)}页，当前为预览页`, '[全文需付费]']),
  },
  after: (ctx) => [
    chrome('bottom', [`文章标签：${k.columnOf(ctx.title)} ${ctx.year}年`]),
    chrome('footer', [`版权声明：本文档由用户上传，版权归作者所有。`, `Copyright © 2016-${ctx.year} 云盘文档`]),
  ],
};

/** A page with no title element: the title only in the <title> as "标题|站名"; 余下X字 and 点击阅读全文. */
export const biaoti: SiteTemplate = {
  name: 'biaoti',
  site: '公文荟',
  domain: 'www.gongwenhui.example',
  layout: {
    kind: 'html',
    skeleton: 'semantic',
    headTitle: (ctx) => ctx.rng.pick([`${ctx.title}|公文荟`, `${ctx.title} | 公文荟`, `${ctx.title}丨公文荟`]),
    chromeInArticle: false,
    paragraphs: 'p',
    indent: '\u3000\u3000',
    logoH1: true,
  },
  before: (ctx) => {
    const date = dayStamp(ctx);
    const fields = [`${k.cnDay(date)}`, `字数：${ctx.rng.int(1000, 9000)}`, `阅读：${k.views(ctx.rng)}`];
    return [
      chrome('banner', ['公文荟']),
      chrome('nav', ['首页 > 公文 > 正文']),
      { ...chrome('top', [fields.join(' ')]), noise: fields.slice(1), meta: { publishedAt: k.isoDay(date) } },
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `﹝${k.dodge(rng, '公文荟原创', '☞☜')}﹞`,
    blocks: [() => chrome('body', ['（扫一扫，手机阅读更方便）'])],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.4,
    marker: (rng) => rng.pick([`……余下${rng.int(800, 9000)}字`, `余下${rng.int(800, 9000)}字，点击阅读全文`]),
  },
  after: (ctx) => [
    chrome('bottom', ['点击阅读全文']),
    chrome('footer', [`© ${ctx.year} 公文荟 gongwenhui.example`, `客服QQ：${k.digits(ctx.rng, 9)}`]),
  ],
};

/** A text page whose only title is the breadcrumb's last step, without a 位置 label, » between steps. */
export const luxian: SiteTemplate = {
  name: 'luxian',
  site: '路线公文网',
  domain: 'www.luxiangw.example',
  layout: { kind: 'txt', indent: '  ', blankLines: true },
  before: (ctx) => {
    const date = dayStamp(ctx);
    const fields = [`发布：${k.isoDay(date)}`, `字数：${ctx.rng.int(1000, 9000)}`, `阅读：${k.views(ctx.rng)}次`];
    return [
      chrome('banner', ['路线公文网']),
      chrome('nav', [`首页 » 公文范文 » ${k.columnOf(ctx.title)} » ${ctx.title}`]),
      { ...chrome('top', [fields.join('\u3000')]), noise: fields, meta: { publishedAt: k.isoDay(date) } },
      chrome('top', ['手机阅读 | 扫一扫分享']),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `[${k.dodge(rng, '路线公文网', '◎¤')}]`,
    blocks: [() => chrome('body', ['（本站QQ群：请搜索“路线公文网”）'])],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0,
    marker: (rng) => `${'·'.repeat(rng.int(6, 12))} 试读结束，开通会员阅读全文 ${'·'.repeat(rng.int(6, 12))}`,
  },
  after: (ctx) => [
    chrome('bottom', [`上一篇：${k.otherTitle(ctx.rng, ctx.year)}`, `下一篇：${k.otherTitle(ctx.rng, ctx.year)}`]),
    chrome('footer', ['路线公文网 版权所有', `${k.icp(ctx.rng, '鲁')}`]),
  ],
};

/** A 精选 page: its h1 a list item or a 精选X篇 heading over one document, a 试读结束 rule of dots. */
export const jingxuan: SiteTemplate = {
  name: 'jingxuan',
  site: '精选范文网',
  domain: 'www.jxfw.example',
  layout: {
    kind: 'html',
    skeleton: 'table',
    headTitle: (ctx) => `${ctx.title}_精选范文网`,
    chromeInArticle: true,
    paragraphs: 'br',
    gbk: 'gb2312',
    shortCharset: true,
  },
  before: (ctx) => {
    const decorated = ctx.rng.pick([
      `${ctx.title}（精选${ctx.rng.int(3, 9)}篇）`,
      `1、${ctx.title}`,
      `${ctx.title} (2)`,
      `${ctx.title}.docx`,
    ]);
    return [
      chrome('nav', [`当前位置：精选范文网 > ${k.columnOf(ctx.title)}`]),
      { kind: 'title', zone: 'top', text: decorated },
      chrome('top', [`时间：${k.isoDay(dayStamp(ctx))}\u3000上传者：${k.editor(ctx.rng)}\u3000举报`]),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `〘${k.dodge(rng, '精选范文网', '※✧')}〙`,
    blocks: [() => chrome('body', ['手机阅读本文'])],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.3,
    marker: (rng) =>
      rng.pick([
        '。。。。。。。。。。。。（试读结束，开通VIP查看全文）',
        '************ 试读结束 ************',
        '…………（未完，登录后查看全文）',
      ]),
  },
  after: (ctx) => [
    chrome('bottom', ['点赞(0)\u3000收藏\u3000分享']),
    chrome('footer', [
      `© 20${ctx.rng.int(10, 19)}-${ctx.year} jxfw.example 版权所有`,
      '联系QQ群：' + k.digits(ctx.rng, 9),
    ]),
  ],
};

/** A portal repost copied as text: （来源：…） and 编辑/审核 lines, an 附件 list of files with sizes. */
export const fujian: SiteTemplate = {
  name: 'fujian',
  site: '政策汇编网',
  domain: 'www.zchbw.example',
  layout: { kind: 'txt', indent: '\u3000\u3000', blankLines: false, crlf: true },
  before: (ctx) => {
    const date = dayStamp(ctx);
    return [
      chrome('banner', ['政策汇编网 — 权威政策文件一站查询']),
      titleBlock(ctx),
      chrome('top', [`${k.isoTime(date)}\u3000来源：${ctx.rng.pick(ORGANS)}`], {
        meta: { publishedAt: k.isoTime(date) },
      }),
      chrome('top', ['【字体：大 中 小】\u3000打印\u3000扫一扫分享']),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: (rng) => `《${k.dodge(rng, '政策汇编网整理', '¤§')}》`,
    blocks: [() => chrome('body', ['（图片来自网络）'])],
  },
  after: (ctx) => [
    chrome('bottom', [`（来源：${ctx.rng.pick(ORGANS)}）`]),
    chrome('bottom', [`责任编辑：${k.reporter(ctx.rng)}\u3000审核：${k.editor(ctx.rng)}`]),
    chrome('bottom', [
      '附件：',
      `1. ${ctx.title}.doc（${ctx.rng.int(20, 90)}KB）`,
      `2. 政策解读.pdf（${ctx.rng.int(100, 900)}KB）`,
    ]),
    chrome('footer', [`© ${ctx.year} 政策汇编网\u3000${k.icp(ctx.rng, '冀')}`]),
  ],
};

/** A 范文 site copied as text: a 【推荐】 title line, a star rule around a 全文需付费 notice, a 版权声明. */
export const tuijian: SiteTemplate = {
  name: 'tuijian',
  site: '文稿荟萃',
  domain: 'www.wghc.example',
  layout: { kind: 'txt', indent: '    ', wrapAt: 40, blankLines: false, crlf: true },
  before: (ctx) => {
    const date = dayStamp(ctx);
    return [
      chrome('banner', ['文稿荟萃 www.wghc.example']),
      { kind: 'title', zone: 'top', text: `【推荐】${ctx.title}` },
      chrome('top', [`上传者：${k.editor(ctx.rng)}\u3000时间：${k.isoDay(date)}\u3000阅读：${k.views(ctx.rng)}`], {
        meta: { publishedAt: k.isoDay(date) },
      }),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `【${k.dodge(rng, '文稿荟萃首发', '▲▼')}】`,
    blocks: [
      () => chrome('body', ['点击阅读全文']),
      ({ rng }) => chrome('body', [`关注公众号“文稿荟萃”，获取更多素材 QQ群：${k.digits(rng, 9)}`]),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.3,
    marker: (rng) =>
      rng.pick([
        '****** [全文需付费] ******',
        '*** 以下为付费内容，开通会员后阅读 ***',
        '……余下内容请开通会员后查看……',
      ]),
  },
  after: (ctx) => [
    chrome('bottom', ['点赞 收藏 分享 举报']),
    chrome('footer', [`版权声明：本文由用户上传，版权归原作者所有，如需转载请注明出处。`, `© ${ctx.year} 文稿荟萃`]),
  ],
};
