import { chrome } from '../page.js';
import type { Rng } from '../prng.js';
import * as k from './kit.js';
import { titleBlock, type PageContext, type SiteTemplate } from './template.js';

/**
 * The held-out sites: the eval prints them only as one summed row, and the rules were never tuned on them.
 * Their pages measure how well the rules carry over to a site nobody saw.
 */

const OWNERS = ['江南一叶', '听雨轩主', '老槐树下', '墨香斋', '秋水长天', '笔耕不辍', '山间明月'];
const ORIGINS = ['学习强国', '党建网', '中国组织人事报', '共产党员网', '求是网'];

const stamp = (ctx: PageContext): k.PageDate => k.pageDate(ctx.rng, ctx.year);
const two = (n: number): string => String(n).padStart(2, '0');

function shareTo(rng: Rng): string {
  return rng.pick(['分享到：微信 QQ 微博 QQ空间', '分享：微信 | 朋友圈 | QQ好友 | 新浪微博']);
}

/** A 个人图书馆-style collection page, saved as text from the browser. */
const heldC: SiteTemplate = {
  name: 'held-c',
  site: '拾页个人馆',
  domain: 'www.shiyeguan.example',
  layout: { kind: 'txt', indent: '    ', blankLines: true, crlf: true },
  before: (ctx) => {
    const { rng } = ctx;
    const date = stamp(ctx);
    const owner = rng.pick(OWNERS);
    const origin = rng.pick(ORIGINS);
    const fields = [`${owner}`, `${k.isoDay(date)} ${two(date.hh)}:${two(date.mm)}`, `来源：${origin}`];
    return [
      chrome('banner', ['拾页个人馆 —— 收藏你的知识，分享你的智慧']),
      chrome('nav', ['首页', '阅览室', '馆友', '我的馆', '登录', '注册']),
      chrome('nav', [`${owner}的馆 > ${k.columnOf(ctx.title)} > 正文`]),
      titleBlock(ctx),
      {
        ...chrome('top', [fields.join('  ')]),
        noise: fields,
        meta: { publishedAt: k.isoDay(date), source: origin },
      },
      chrome('top', [
        `阅读 ${k.views(rng)}  转藏 ${rng.int(0, 900)}  献花 ${rng.int(0, 60)}`,
        rng.pick(['字号：大 中 小', '【字体：大 中 小】 打印 收藏']),
      ]),
    ];
  },
  inside: {
    count: [2, 4],
    watermark: (rng) => `〖${k.dodge(rng, rng.pick(['拾页馆藏首发', '更多范文到拾页馆', '拾页个人馆整理']), '▫☆')}〗`,
    blocks: [
      () => chrome('body', [`转藏到我的馆`]),
      ({ rng }) => chrome('body', [rng.pick(['（图片来源于网络，侵删）', '▲ 图片来源：网络'])]),
      ({ rng, year }) => chrome('body', ['猜你喜欢：', ...k.otherTitles(rng, year, 3).map((t) => `· ${t}`)]),
      ({ rng }) => chrome('body', [`馆友交流群（微信）：${k.wechatId(rng, 'shiye')}，备注“资料”`]),
    ],
  },
  paywall: {
    rate: 0.55,
    insideRate: 0.3,
    marker: (rng) =>
      rng.pick([
        '～～ 余下内容为馆主付费收藏，开通馆VIP即可阅读 ～～',
        '…… 本文剩余部分仅对馆VIP开放 >> 立即开通',
        `【以下${rng.int(800, 6000)}字已隐藏，开通会员后可看】`,
      ]),
  },
  after: (ctx) => {
    const { rng, year } = ctx;
    const [prev, next, ...more] = k.otherTitles(rng, year, 6);
    return [
      chrome('bottom', [`上一篇：${prev!}`, `下一篇：${next!}`]),
      chrome('bottom', [`来自：${rng.pick(OWNERS)} > 《${k.columnOf(ctx.title)}》`]),
      chrome('bottom', [
        '本站是提供个人知识管理的网络存储空间，所有内容均由用户发布，不代表本站观点。' +
          '如发现有害或侵权内容，请点击一键举报。',
      ]),
      chrome('bottom', ['类似文章 更多', ...more]),
      chrome('footer', [
        `Copyright ©2009-${year} shiyeguan.example All Rights Reserved`,
        `${k.icp(rng, '沪')}  客服QQ：${k.digits(rng, 9)}`,
      ]),
    ];
  },
};

/** A 文库 document-sharing page in GBK HTML, the document shown as a preview. */
const heldD: SiteTemplate = {
  name: 'held-d',
  site: '道远文库',
  domain: 'www.daoyuanwk.example',
  layout: {
    kind: 'html',
    skeleton: 'table',
    headTitle: (ctx) => `${ctx.title} - 道远文库`,
    chromeInArticle: false,
    paragraphs: 'p',
    titleElement: 'h2',
    logoH1: true,
    gbk: 'gbk',
  },
  before: (ctx) => {
    const { rng } = ctx;
    const date = stamp(ctx);
    const fields = [
      `上传人：${k.editor(rng)}`,
      `上传时间：${k.isoDay(date)}`,
      `格式：${rng.pick(['DOCX', 'DOC', 'PDF'])}`,
      `页数：${rng.int(3, 28)}`,
      `大小：${rng.int(18, 760)}KB`,
    ];
    const title = rng.pick([ctx.title, ctx.title, `${ctx.title}.docx`]);
    return [
      chrome('banner', ['道远文库']),
      chrome('nav', ['首页', '文档分类', '精品专区', 'VIP专享', '上传赚钱'], { list: true }),
      chrome('nav', [`您的位置：首页 » 公文文库 » ${k.columnOf(ctx.title)}`]),
      { kind: 'title', zone: 'top', text: title },
      { ...chrome('top', [fields.join(' | ')]), noise: fields, meta: { publishedAt: k.isoDay(date) } },
      chrome('top', [`下载文档  收藏  ${shareTo(rng)}  举报`]),
      chrome('top', [`${rng.pick(['★★★★★', '★★★★☆'])} ${rng.int(3, 5)}.${rng.int(0, 9)}分  ${k.views(rng)}人已阅读`]),
    ];
  },
  inside: {
    count: [2, 4],
    watermark: (rng) => `『${k.dodge(rng, rng.pick(['道远文库原创', '本文档来自道远文库', 'daoyuanwk']), '∵﹏')}』`,
    blocks: [
      ({ rng }) => chrome('body', [`— ${rng.int(2, 15)} —`]),
      ({ rng }) => chrome('body', [`下载原文档到电脑，编辑打印更方便（${rng.int(2, 20)}积分）`]),
      () => chrome('body', ['侵权举报邮箱：jubao@daoyuanwk.example']),
      ({ rng, year }) => chrome('body', ['相关文档：', ...k.otherTitles(rng, year, 3)], { list: true }),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0.5,
    marker: (rng) =>
      rng.pick([
        `试读已结束，剩余${rng.int(2, 20)}页未读 >> 继续阅读`,
        `本文档剩余 ${rng.int(2, 20)} 页未读，下载后查看完整内容`,
        '〓 免费预览已结束，开通VIP畅读全文 〓',
      ]),
    endMarker: (rng) => rng.pick([`阅读已结束，下载本文需要${rng.int(2, 30)}积分`, '—— 预览结束，下载获取完整版 ——']),
  },
  after: (ctx) => {
    const { rng, year } = ctx;
    const [prev, next, ...more] = k.otherTitles(rng, year, 7);
    return [
      chrome('bottom', [`上一篇：${prev!}`, `下一篇：${next!}`]),
      chrome('bottom', [`标签：${k.columnOf(ctx.title)} 范文 ${year}年 word模板`]),
      chrome('bottom', ['本文档由用户上传，仅供学习交流，如有侵犯您的版权，请联系客服删除。']),
      chrome('aside', ['相关推荐：', ...more], { list: true }),
      chrome('aside', ['热门标签：', '工作总结', '述职报告', '心得体会', '讲话稿'], { list: true }),
      chrome('footer', [
        '关于我们 | 联系我们 | 用户协议 | 隐私政策 | 网站地图',
        `Copyright © 2012-${year} daoyuanwk.example 版权所有`,
        `${k.icp(rng, '浙')}  浙公网安备 ${k.digits(rng, 14)}号`,
      ]),
    ];
  },
};

export const HELD_OUT_TEMPLATES: readonly SiteTemplate[] = [heldC, heldD];
