import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type PageContext, type SiteTemplate } from './template.js';

/**
 * Text pages farther from the first eighteen: a title given only in a 标题： field or after a breadcrumb, a
 * site-first head line, a floating 目录, bar-labelled fields (来源丨…), unbracketed and spaced watermarks,
 * Windows files (CRLF, a BOM) and forum floors.
 */

const ORGANS = ['学习强国', '人民网', '新华网', '求是网', '中国政府网'];

/** A Windows-saved page: the title only in a 标题： field, a 剩余X字 paywall, a page strip and a disclaimer after. */
export const juanzong: SiteTemplate = {
  name: 'juanzong',
  site: '卷宗范文网',
  domain: 'www.juanzongfw.com',
  layout: { kind: 'txt', indent: '\u3000\u3000', blankLines: false, crlf: true, bom: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const fields = [`栏目：${k.columnOf(ctx.title)}`, `更新：${k.isoDay(date)}`, `阅读量：${k.views(ctx.rng)}`];
    return [
      chrome('banner', ['卷宗范文网——机关笔杆子的资料柜']),
      chrome('nav', [`首页 → 范文 → ${k.columnOf(ctx.title)}`]),
      chrome('top', [`标题：${ctx.title}`]),
      { ...chrome('top', [fields.join('\u3000')]), noise: fields, meta: { publishedAt: k.isoDay(date) } },
    ];
  },
  inside: {
    count: [1, 3],
    watermark: () => `［卷宗范文网${k.fullWidth('WWW.JUANZONGFW.COM')}］`,
    blocks: [
      () => chrome('body', ['【推广】卷宗VIP年卡限时五折，全站范文任意下载']),
      () => chrome('body', ['扫描上方二维码，添加小编微信领取Word版']),
    ],
  },
  paywall: { rate: 0.6, insideRate: 0.3, marker: (rng) => `剩余${rng.int(800, 9000)}字，开通VIP继续阅读` },
  after: (ctx) => [
    chrome('bottom', [`1 2 3 下一页 尾页`]),
    chrome('bottom', [`标签：${k.columnOf(ctx.title)} 范文 素材`]),
    chrome('footer', [
      '声明：本文内容由互联网用户自发贡献，本站不拥有所有权，不承担相关法律责任。',
      `卷宗范文网 ${ctx.year}`,
    ]),
  ],
};

/** A 目录 of the document's headings floated under its title, 丨-labelled fields, star-separated watermarks. */
export const gaoyuan: SiteTemplate = {
  name: 'gaoyuan',
  site: '稿源',
  domain: 'gaoyuan.example',
  layout: { kind: 'txt', indent: '  ', blankLines: true },
  before: (ctx) => {
    const source = ctx.rng.pick(ORGANS);
    const author = k.reporter(ctx.rng);
    const toc = ctx.headings.length >= 2 ? [chrome('top', ['目录', ...ctx.headings])] : [];
    return [
      titleBlock(ctx),
      { ...chrome('top', [`来源丨${source}\u3000作者丨${author}`]), meta: { source, author } },
      ...toc,
      titleBlock(ctx, 'top'),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: () => '★稿★源★网★首★发★',
    blocks: [
      () => chrome('body', ['▍稿源VIP：每天3毛钱，畅读全站10万篇精品范文']),
      () => chrome('body', ['（点击上方“稿源”可订阅哦）']),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0,
    marker: () => '—— 以下为付费内容 ——',
    endMarker: () => '—— 付费内容已结束 ——',
  },
  after: (ctx) => [
    chrome('bottom', [`打赏 | 点赞 ${ctx.rng.int(3, 300)} | 在看 ${ctx.rng.int(1, 90)} | 分享`]),
    chrome('footer', ['文章来源于网络，如有侵权请联系删除', '稿源 · 写材料的人都在这儿']),
  ],
};

/** A document site copied as text: the site first in the head line, a 本文共X页 paywall, a spaced domain watermark. */
export const diancang: SiteTemplate = {
  name: 'diancang',
  site: '典藏文档馆',
  domain: 'www.diancangwd.com',
  layout: { kind: 'txt', indent: '', blankLines: false },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.editor(ctx.rng);
    return [
      chrome('head', [`典藏文档馆 - ${ctx.title}`]),
      titleBlock(ctx),
      chrome('top', [`文档贡献者：${author}\u3000上传于${k.isoDay(date)}\u3000${ctx.rng.int(2, 19)}页`], {
        meta: { publishedAt: k.isoDay(date) },
      }),
      chrome('top', ['下载文档', '收藏', '分享']),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: () => `【${k.spaced('www.diancangwd.com')}】`,
    blocks: [
      ({ rng }) => chrome('body', [`- ${rng.int(2, 9)} / ${rng.int(10, 19)} -`]),
      () => chrome('body', ['>>>>>>点击下载Word完整版<<<<<<']),
    ],
  },
  paywall: {
    rate: 0.6,
    insideRate: 0,
    marker: (rng) => `本文共${rng.int(3, 19)}页，当前第1页，下载完整版`,
  },
  after: (ctx) => [
    chrome('bottom', [`上一页 1 2 3 … ${ctx.rng.int(5, 19)} 下一页`]),
    chrome('footer', ['本文由用户上传分享，如有侵权请联系我们删除', '典藏文档馆 版权所有']),
  ],
};

function stamp(ctx: PageContext): string {
  const d = k.pageDate(ctx.rng, ctx.year);
  return `${d.y}-${d.m}-${d.d} ${d.hh}:${String(d.mm).padStart(2, '0')}`;
}

/** A portal's repost copied as text: the title only at the breadcrumb's end, a page strip mid-text. */
export const zhengkuai: SiteTemplate = {
  name: 'zhengkuai',
  site: '政务快报',
  domain: 'www.zhengkuai.gov.example',
  layout: { kind: 'txt', indent: '\u3000\u3000', blankLines: true },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = '省政府办公厅';
    const fields = [`发布时间：${k.isoTime(date)}`, `来源：${source}`, `浏览次数：${k.views(ctx.rng)}`];
    return [
      chrome('banner', ['政务快报', '无障碍浏览 | 长者模式']),
      chrome('nav', [`您所在的位置：首页 > 政务公开 > 政策文件 > ${ctx.title}`]),
      {
        ...chrome('top', [`${fields.join('\u3000')}\u3000【大 中 小】`]),
        noise: [...fields, '【大 中 小】'],
        meta: { publishedAt: k.isoTime(date), source },
      },
    ];
  },
  inside: {
    count: [1, 2],
    watermark: () => '「政务快报整理］',
    blocks: [({ rng }) => chrome('body', [`共${rng.int(2, 4)}页：首页 上一页 1 2 下一页 尾页`])],
  },
  after: (ctx) => [
    chrome('bottom', ['【我要纠错】【打印本页】【关闭窗口】']),
    chrome('bottom', ['相关稿件', ...k.otherTitles(ctx.rng, ctx.year, 3)]),
    chrome('footer', [
      '网站地图 | 联系我们 | 使用帮助 | 隐私声明',
      `主办单位：某某省人民政府办公厅\u3000技术支持：某某省大数据中心\u3000${k.icp(ctx.rng, '皖')}`,
    ]),
  ],
};

/** A forum thread copied as text: 查看/回复 counts, a [复制链接] title, floors of replies with users and dates. */
export const wenmiba: SiteTemplate = {
  name: 'wenmiba',
  site: '文秘吧论坛',
  domain: 'bbs.wenmiba.example',
  layout: { kind: 'txt', indent: '', blankLines: false },
  before: (ctx) => {
    const author = k.editor(ctx.rng);
    const posted = stamp(ctx);
    return [
      chrome('nav', ['返回列表 发新帖']),
      chrome('top', [`查看: ${k.views(ctx.rng)}|回复: ${ctx.rng.int(2, 80)}`]),
      chrome('head', [`${ctx.title} [复制链接]`]),
      chrome('top', ['电梯直达 楼主']),
      chrome('top', [`${author} 发表于 ${posted}`], { meta: { author } }),
      chrome('top', [`[i=s] 本帖最后由 ${author} 于 ${posted} 编辑 [/i]`]),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: () => '（bbs.wenmiba.example文秘吧原创）',
    blocks: [
      ({ rng }) =>
        chrome('body', [
          `IMG_${k.digits(rng, 8)}_${k.digits(rng, 4)}.jpg (${rng.int(80, 900)}.${rng.int(1, 9)} KB, 下载次数: ${rng.int(1, 60)})`,
        ]),
      () => chrome('body', ['下载附件 保存到相册']),
    ],
  },
  paywall: { rate: 0.5, insideRate: 0, marker: () => '******此处内容需要回复后才能查看******' },
  after: (ctx) => [
    chrome('bottom', [`${k.editor(ctx.rng)} 发表于 ${stamp(ctx)}`, '感谢分享，学习了！', '回复 支持 反对']),
    chrome('bottom', [`${k.reporter(ctx.rng)} 发表于 ${stamp(ctx)}`, '正好需要，楼主好人一生平安。']),
    chrome('footer', [
      'Archiver|手机版|小黑屋|文秘吧论坛',
      `GMT+8, ${stamp(ctx)} , Processed in 0.0${ctx.rng.int(10, 99)} second(s)`,
    ]),
  ],
};
