import { chrome } from '../page.js';
import * as k from './kit.js';
import { titleBlock, type SiteTemplate } from './template.js';

/**
 * HTML pages farther from the first eighteen: a 公众号 article whose <title> names only the platform (the
 * title in og:title and an <h2>), a blog with its name as <h1>, a GBK portal with <meta charset="gbk"> and a
 * 问答 page; their chrome in places and words the others do not use.
 */

/** A 公众号 article on the web: og:title, an <h2> title, a zero-width watermark, a ▼点击阅读全文 fold, 留言 after. */
export const bigan: SiteTemplate = {
  name: 'bigan',
  site: '笔杆公社',
  domain: 'mp.bigan.example',
  layout: {
    kind: 'html',
    skeleton: 'divs',
    headTitle: () => '微信公众平台',
    ogTitle: (ctx) => ctx.title,
    chromeInArticle: true,
    paragraphs: 'p',
    titleElement: 'h2',
    bom: true,
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.reporter(ctx.rng);
    return [
      titleBlock(ctx),
      chrome('top', [`作者 | ${author}`], { meta: { author } }),
      chrome('top', [`笔杆公社\u3000${k.cnDay(date)} ${date.hh}:${String(date.mm).padStart(2, '0')}`]),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: (rng) => `「${k.zeroWidth(rng, '笔杆公社原创')}」`,
    blocks: [() => chrome('body', ['（扫描上方二维码，关注“笔杆公社”）']), () => chrome('body', ['▼ 往期精彩回顾 ▼'])],
  },
  paywall: { rate: 0.5, insideRate: 0, marker: () => '▼点击阅读全文' },
  after: (ctx) => [
    chrome('bottom', ['赞 | 分享 | 推荐 | 写留言']),
    chrome('bottom', [
      '精选留言',
      `${k.editor(ctx.rng)}\u3000江苏\u3000${ctx.rng.int(1, 12)}月${ctx.rng.int(1, 28)}日`,
      '写得真好，收藏学习了！',
      '作者回复：谢谢支持',
    ]),
    chrome('footer', ['微信扫一扫关注该公众号', '继续滑动看下一个']),
  ],
};

/** A blog: its name the <h1>, the title an <h2>, a 已于…修改 line, 文章标签, 版权声明, 打赏, comments by date. */
export const bitan: SiteTemplate = {
  name: 'bitan',
  site: '笔谈博客',
  domain: 'blog.bitan.example',
  layout: {
    kind: 'html',
    skeleton: 'semantic',
    headTitle: (ctx) => `${ctx.title}_${k.editor(ctx.rng)}的博客-笔谈博客`,
    chromeInArticle: true,
    paragraphs: 'p',
    titleElement: 'h2',
    logoH1: true,
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const author = k.reporter(ctx.rng);
    return [
      chrome('banner', ['笔谈博客']),
      titleBlock(ctx),
      chrome('top', [
        `${author}\u3000已于\u3000${k.isoTime(date)}\u3000修改\u3000阅读量${k.views(ctx.rng)}\u3000收藏 ${ctx.rng.int(1, 99)}\u3000点赞数 ${ctx.rng.int(1, 99)}`,
      ]),
      chrome('top', [`文章标签：${k.columnOf(ctx.title)} 公文写作`]),
      chrome('top', ['版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。']),
      chrome('top', [`本文链接：https://blog.bitan.example/${author.length}x/article/details/${k.digits(ctx.rng, 9)}`]),
    ];
  },
  inside: {
    count: [1, 3],
    watermark: () => '〔笔谈博客［原创］〕',
    blocks: [
      ({ rng }) =>
        chrome('body', [
          `[外链图片转存失败,源站可能有防盗链机制,建议将图片保存下来直接上传(img-${k.digits(rng, 6)}-${k.digits(rng, 13)})]`,
        ]),
    ],
  },
  paywall: { rate: 0.5, insideRate: 0.3, marker: (rng) => `……余下全文${rng.int(2, 9)}千字…（订阅专栏解锁）` },
  after: (ctx) => [
    chrome('bottom', [
      '打赏作者',
      `点赞 ${ctx.rng.int(1, 99)}\u3000收藏 ${ctx.rng.int(1, 99)}\u3000觉得还不错? 一键收藏`,
    ]),
    chrome('bottom', [
      `评论 ${ctx.rng.int(1, 9)}`,
      `${k.editor(ctx.rng)}\u3000${ctx.year}.${ctx.rng.int(1, 12)}.${ctx.rng.int(1, 28)}\u3000写得很好，对我很有帮助，谢谢博主。`,
    ]),
    chrome('footer', [`©️${ctx.year} 笔谈博客 皮肤主题: 技术黑板 设计师:闪电 返回首页`]),
  ],
};

/** A GBK portal with <meta charset="gbk">: the title twice (an index field and the heading), 来源 alone, 解读 after. */
export const fagaiwei: SiteTemplate = {
  name: 'fagaiwei',
  site: '某某省发展和改革委员会',
  domain: 'fgw.moushen.gov.example',
  layout: {
    kind: 'html',
    skeleton: 'table',
    headTitle: (ctx) => `某某省发展和改革委员会--${ctx.title}`,
    chromeInArticle: true,
    paragraphs: 'p',
    indent: '\u3000\u3000',
    gbk: 'gbk',
    shortCharset: true,
    crlf: true,
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    const source = '省发展改革委';
    return [
      chrome('banner', ['某某省发展和改革委员会', '简体版 | 繁體版 | 无障碍']),
      chrome('top', [`标题：${ctx.title}`]),
      chrome('top', [`文号：某发改〔${ctx.year}〕${ctx.rng.int(10, 400)}号`]),
      titleBlock(ctx),
      chrome('top', [`来源：${source}`], { meta: { source } }),
      chrome('top', [`发布时间：${k.cnDay(date)}`], { meta: { publishedAt: k.isoDay(date) } }),
    ];
  },
  inside: { count: [1, 1], blocks: [() => chrome('body', ['【我要纠错】'])] },
  after: (ctx) => [
    chrome('bottom', ['相关解读：', ...k.otherTitles(ctx.rng, ctx.year, 2)], { list: true }),
    chrome('bottom', ['打印本页 | 关闭窗口']),
    chrome('footer', [
      '版权所有：某某省发展和改革委员会\u3000地址：某某市人民路1号\u3000邮编：310000',
      `网站标识码：33000000${k.digits(ctx.rng, 2)}`,
    ]),
  ],
};

/** A 问答 page: the answer is the document; answer counts, the answerer's line, 展开全部 and 评价 prompts. */
export const wenzhi: SiteTemplate = {
  name: 'wenzhi',
  site: '问知社区',
  domain: 'wenzhi.example',
  layout: {
    kind: 'html',
    skeleton: 'divs',
    headTitle: (ctx) => `${ctx.title} - 问知社区`,
    chromeInArticle: true,
    paragraphs: 'br',
  },
  before: (ctx) => {
    const date = k.pageDate(ctx.rng, ctx.year);
    return [
      chrome('banner', ['问知社区', '首页 | 问题 | 专栏 | 登录']),
      titleBlock(ctx),
      chrome('top', [`${ctx.rng.int(2, 30)}个回答`, '最佳答案']),
      chrome('top', [`${k.editor(ctx.rng)}\u3000${ctx.rng.int(3, 12)}级\u3000${k.isoDay(date)}`]),
    ];
  },
  inside: {
    count: [1, 2],
    watermark: () => `【问知社区${k.fullWidth('APP')}专享】`,
    blocks: [() => chrome('body', ['展开全部'])],
  },
  after: (ctx) => [
    chrome('bottom', [`本回答由网友推荐\u3000${ctx.rng.int(1, 900)}\u3000已赞过\u3000已踩过<`]),
    chrome('bottom', ['你对这个回答的评价是？', '评论\u3000收起']),
    chrome('bottom', [`其他${ctx.rng.int(2, 9)}条回答`]),
    chrome('bottom', ['为你推荐：', ...k.otherTitles(ctx.rng, ctx.year, 3)], { list: true }),
    chrome('footer', [`© ${ctx.year} 问知社区\u3000使用问知前必读\u3000意见反馈`]),
  ],
};
