import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { splitRunOnParagraphs } from '../parse/run-on-paragraphs.js';
import { extractHtml } from '../read/extract-html.js';
import { NOTICE_BODY, NOTICE_TITLE, SPLIT_SENTENCE as SPLIT } from '../../testing/sample-text.js';
import { PAID_MARK } from './chars.js';
import { joinFieldCells } from './field-cells.js';
import { markPaywall } from './paywall.js';
import { matchChrome } from './site-chrome.js';

/**
 * Chrome and paywall forms real pages print (eval/real/SOURCES.md names where each was found), each beside
 * the content a rule for it must leave alone.
 */

describe('real chrome forms, line by line', () => {
  const chrome: Array<[string, string]> = [
    // Government portals: accessibility and toolbar buttons, the link-out prompt, field tables.
    ['网站无障碍关怀版', 'site-toolbar'],
    ['是否打开信息无障碍浏览', 'site-toolbar'],
    ['网站支持IPv6', 'site-toolbar'],
    ['视力保护色：', 'site-toolbar'],
    ['【我要打印】', 'site-toolbar'],
    ['打印本稿', 'site-toolbar'],
    ['【TOP】', 'site-toolbar'],
    ['字号:〖大 中 小〗', 'site-toolbar'],
    ['继续访问 放弃', 'site-toolbar'],
    ['X', 'site-toolbar'],
    ["您访问的链接即将离开'中国宜春网站'是否继续？", 'site-call'],
    ['手机扫码查看', 'site-call'],
    ['关联稿件：', 'site-related'],
    ['【我要纠错】 责任编辑：宋岩', 'site-meta'],
    ['来源： 访问量：199 发布日期：2017-05-15 10:49:00', 'site-meta'],
    ['日期：2026-09-08 访问次数： 42 字号：大', 'site-meta'],
    ['主 题 词：', 'site-meta'],
    ['索\u2002引\u2002号：014717475N/2023-0040295  发布机构：宜春市统计局  发文日期：2023-04-18', 'site-meta'],
    ['信息提供日期：2023-04-12', 'site-meta'],
    ['浏览器不支持嵌入式框架，或被配置为不显示嵌入式框架。', 'site-slot'],
    // 文库 pages: counters, buttons, uploader lines, file notes.
    ['2下载券  42人已下载', 'site-counter'],
    ['2000 积分', 'site-counter'],
    ['继续免费阅读全文', 'site-toolbar'],
    ['不看了，直接下载', 'site-toolbar'],
    ['此文档由 dd6eb70cbc052bdab255c6e4cf45b107 分享于 2015-04-05', 'site-meta'],
    ['上传于：2015-04-05', 'site-meta'],
    ['粉丝量：0', 'site-meta'],
    ['暂无目录', 'site-toolbar'],
    ['点击鼠标右键菜单,创建目录', 'site-note'],
    ['该文档贡献者很忙，什么也没留下。', 'site-note'],
    ['本文档为【关于开展安全生产检查的通知】，请使用软件OFFICE或WPS软件打开。', 'site-note'],
    ['作品中的文字与图均可以修改和编辑', 'site-note'],
    ['开通会员免费下载', 'site-download'],
    ['登录后免费下载', 'site-download'],
    ['购买后再下载', 'site-download'],
    ['原价：¥10.00', 'site-download'],
    ['共12页', 'site-pagenum'],
    // A text copy of a blog: icons' names in brackets beside the buttons.
    ['• [tobarThumb] [thumbUpWhi] 点赞 1', 'site-toolbar'],
    ['展开阅读全文', 'site-toolbar'],
    ['海报分享', 'site-toolbar'],
    // News portals copied as text (GeneralNewsExtractor's test pages): counters, share and comment boxes.
    ['跟贴8', 'site-counter'],
    ['1032人参与308评论', 'site-counter'],
    ['51条评论|1,307人参与网友评论', 'site-counter'],
    ['分享至好友和朋友圈', 'site-toolbar'],
    ['收藏  |  保存  |  打印  |  关闭', 'site-toolbar'],
    ['收藏成功 查看我的收藏', 'site-toolbar'],
    ['打印  字体： 放大 正常 缩小  分享', 'site-toolbar'],
    ['切換到繁體', 'site-toolbar'],
    ['匿名发表  登录账号', 'site-toolbar'],
    ['已输入0字', 'site-toolbar'],
    ['用微信扫码二维码', 'site-call'],
    ['关注人民网微信', 'site-call'],
    ['人民日报客户端下载手机人民网人民视频客户端下载', 'site-call'],
    ['热门搜索： 转型 综改 招商引资 旅游', 'site-call'],
    ['正文已结束，您可以按alt+4进行评论', 'site-end'],
    ['（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)', 'site-call'],
    ['【1】【2】【3】【4】', 'site-pagenum'],
    ['您的浏览器暂时无法播放此视频.', 'site-slot'],
    ['关键词 >> 共享充电宝', 'site-tags'],
    ['为您推荐了12篇文章', 'site-related'],
    ['本站推荐', 'site-related'],
  ];
  for (const [line, kind] of chrome) {
    it(`${kind}: ${line}`, () => assert.equal(matchChrome(line, null)?.kind, kind));
  }

  it('reads a page field whose neighbour is empty, and takes buttons out of a field value', () => {
    assert.equal(matchChrome('来源： 访问量：199 发布日期：2017-05-15 10:49:00', null)?.source, undefined);
    assert.equal(
      matchChrome('2016年09月27日 07:02 来源：省政府办公厅 【字体：大 中 小】', null)?.source,
      '省政府办公厅',
    );
  });

  const content = [
    '各位代表：',
    '现将有关情况报告如下：',
    '以上报告，请审议。',
    '全市累计发放积分2000分，兑换物资3.2万件。',
    '阅读已结束的读者可以在阅览室继续阅读。',
    '各地要推进IPv6规模部署，网站支持IPv6访问。',
    '还剩3个项目未完工，继续加快推进。',
    '各级政府要开启无障碍浏览服务，方便老年人使用。',
    '时间：3月5日上午9时',
    '主题词：安全生产 检查 通知',
    '附 件：',
    '联 系 人：',
    '万载县统计局    国家统计局万载调查队',
    '全市参与357人次，覆盖率达到90%。',
    '保存完好的历史建筑要加强保护。',
    '关注群众微信',
  ];
  for (const line of content) {
    it(`keeps content: ${line}`, () => assert.equal(matchChrome(line, null), null));
  }
});

describe('real paywall forms', () => {
  const notices = [
    '还剩3页未读，继续阅读',
    '还剩15页未读，继续阅读.',
    '还剩 56 页未读，是否继续阅读？',
    '全文阅读已结束，如果下载本文需要使用',
    '阅读已结束，如果下载本文需要使用 5积分',
    '免费预览已结束',
    '全文预览已结束',
    '试读已结束， 剩余0页未读',
    '(剩余内容已隐藏)',
    '试读范围到此结束，购买后可阅读全文',
    '购买后可阅读全文。',
    '本文共 12 页，前 3 页已免费试读。',
  ];
  for (const line of notices) {
    it(`marks the paid boundary: ${line}`, () => {
      const r = markPaywall(line, false);
      assert.equal(r.line.trim(), PAID_MARK);
      assert.ok(r.begins);
    });
  }

  for (const line of [
    '阅读已结束的读者可以在阅览室继续阅读。',
    '全文预览功能已上线，方便群众查询。',
    '还剩3个项目未完工，继续加快推进。',
    '试读结束后学生要继续阅读课外书。',
  ]) {
    it(`keeps content: ${line}`, () => assert.equal(markPaywall(line, false).line, line));
  }

  it('puts a 文库 copy’s boundary at its fold, its download box gone', () => {
    const [first, ...rest] = NOTICE_BODY.split('\n');
    const page = [
      NOTICE_TITLE,
      first,
      '下载文档到电脑，查找使用更方便',
      '2下载券  42人已下载',
      '下载',
      '还剩3页未读，继续阅读',
      ...rest,
    ].join('\n');
    const doc = parseFile(page).documents[0]!;
    const text = documentText(doc);
    assert.equal(text.slice(0, doc.freeChars ?? 0).trim(), first);
    assert.ok(!/下载券|人已下载|还剩/.test(text));
  });
});

describe('a field table copied one cell a line', () => {
  it('joins each label with the value under it, a run of them into one line', () => {
    const joined = joinFieldCells([
      '索 引 号：',
      '014717475N/2023-0040295',
      '发布机构：',
      '宜春市统计局',
      '分类：',
      '统计公报',
      '标题',
    ]);
    assert.deepEqual(joined, ['索 引 号：014717475N/2023-0040295  发布机构：宜春市统计局  分类：统计公报', '标题']);
  });

  it('leaves an ambiguous label alone over its value: a notice’s 时间：', () => {
    assert.deepEqual(joinFieldCells(['时间：', '3月5日上午9时']), ['时间：', '3月5日上午9时']);
  });

  it('takes the title from the 标题 cell and keeps the table’s values out of the title', () => {
    const page = ['分类：', '统计公报', '标　　题：', NOTICE_TITLE, '发布日期：', '2019年01月25日', NOTICE_BODY].join(
      '\n',
    );
    const doc = parseFile(page).documents[0]!;
    assert.equal(doc.title, NOTICE_TITLE);
    assert.ok(!documentText(doc).includes('统计公报'));
  });
});

describe('a portal page', () => {
  it('titles by the <h1> its declared title agrees with, not its organ’s <h1>', () => {
    const html = `<html><head><title>宜春市人民政府</title><meta name="ArticleTitle" content="${NOTICE_TITLE}"></head>
<body><h1 id="bm-name">宜春市人民政府</h1><div class="article"><h1 class="article-title">${NOTICE_TITLE}</h1>
${NOTICE_BODY.split('\n')
  .map((l) => `<p>${l}</p>`)
  .join('\n')}</div></body></html>`;
    assert.equal(parseFile(extractHtml(html)).documents[0]!.title, NOTICE_TITLE);
  });

  it('ends its body before a long ICP footer line, so the 主办 line above it goes too', () => {
    const footer = [
      '扫一扫在手机打开当前页',
      '主办：宜春市人民政府　承办：宜春市人民政府办公室',
      '赣ICP备06000141号　政府网站标识码：3609000002 赣公网安备 36090202000004号 赣公网安备 36090202000004号',
    ];
    const doc = parseFile([NOTICE_TITLE, NOTICE_BODY, ...footer].join('\n')).documents[0]!;
    assert.ok(!documentText(doc).includes('主办'));
  });

  it('ends a related list above the document at the document’s own organ line', () => {
    const page = [
      NOTICE_TITLE,
      '关联稿件：',
      '图文解读：《某某公报》 2023-07-12',
      '万载县统计局    国家统计局万载调查队',
      NOTICE_BODY,
    ];
    const parsed = parseFile(page.join('\n')).documents[0]!;
    const kept = [documentText(parsed), parsed.signature ?? '', parsed.subtitle ?? ''].join('\n');
    assert.ok(kept.includes('国家统计局万载调查队'));
    assert.ok(!kept.includes('图文解读'));
  });
});

describe('a whole page copied onto one line', () => {
  const line =
    '某某县关于做好防汛工作的通知            浏览器不支持嵌入式框架，或被配置为不显示嵌入式框架。   2016年09月27日 07:02 来源：县政府办公室 【字体：大 中 小】     \u3000\u3000各乡镇要压实防汛责任，落实巡查值守制度，确保人民群众生命财产安全，做到早发现、早报告、早处置，坚决防止发生重大人员伤亡。\u3000\u3000各部门要加强协同配合，完善应急预案，备足抢险物资，加强值班值守和信息报送，遇有重大汛情险情要第一时间报告。    责任编辑：某某';

  it('parts at its wide gaps', () => {
    const parts = splitRunOnParagraphs([line]).map((l) => l.trim());
    assert.equal(parts[0], '某某县关于做好防汛工作的通知');
    assert.ok(parts.includes('2016年09月27日 07:02 来源：县政府办公室 【字体：大 中 小】'));
  });

  it('keeps a short line’s gaps: a roster or two organs on a signature line', () => {
    assert.deepEqual(splitRunOnParagraphs(['万载县统计局    国家统计局万载调查队']), [
      '万载县统计局    国家统计局万载调查队',
    ]);
  });

  it('comes out as its title and text, the chrome gone', () => {
    const doc = parseFile(line).documents[0]!;
    assert.equal(doc.title, '某某县关于做好防汛工作的通知');
    assert.equal(doc.source, '县政府办公室');
    const text = documentText(doc);
    assert.ok(text.startsWith('各乡镇要压实防汛责任'));
    assert.ok(!/浏览器|字体|责任编辑/.test(text));
  });
});

describe('a school portal’s page (博达 CMS)', () => {
  const nav = ['添加收藏夹 | 设为首页 | 关于我们', '首页', '机构职能', '校内制度', '学思践悟', '警钟长鸣', '宣传教育'];
  const strip = '省内外高校 ———————— 山西大学 太原理工大学 山西师范大学 山西财经大学 山西农业大学 中北大学';

  it('titles by the line its head prints twice, past a menu and a strip of links', () => {
    const page = [
      ...nav,
      strip,
      '■ 纪检监察',
      NOTICE_TITLE,
      '来源: | 发布时间: 2018-05-17 | 浏览次数: 2168',
      NOTICE_TITLE,
      NOTICE_BODY,
    ];
    assert.equal(parseFile(page.join('\n')).documents[0]!.title, NOTICE_TITLE);
  });

  it('keeps an article its CMS wrapped in a <form>, and drops a search form', () => {
    const body = NOTICE_BODY.split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('');
    const html = `<html><head><title>${NOTICE_TITLE}-纪检</title></head><body><table><tr><td>
<form name="search"><input name="q"> 搜索</form>${nav.map((n) => `<a href="#">${n}</a>`).join(' ')}</td></tr>
<tr><td><form name="_newscontent_fromname"><h2>${NOTICE_TITLE}</h2><div id="vsb_content">${body}</div></form></td></tr></table></body></html>`;
    const doc = parseFile(extractHtml(html)).documents[0]!;
    assert.equal(doc.title, NOTICE_TITLE);
    assert.ok(documentText(doc).includes(NOTICE_BODY.split('\n')[1]!));
    assert.ok(!documentText(doc).includes('搜索'));
  });
});

describe('a 文库 page’s paywall box', () => {
  const lines = NOTICE_BODY.split('\n');
  const ps = (part: readonly string[]): string => part.map((l) => `<p>${l}</p>`).join('\n');
  const page = (box: string): string =>
    `<html><head><title>${NOTICE_TITLE}_文库</title></head><body><div class="main"><h1>${NOTICE_TITLE}</h1>
<div class="content">${ps(lines.slice(0, 4))}${box}${ps(lines.slice(4))}</div></div></body></html>`;
  const boxes = [
    '<div class="fold-page"><span>还剩3页未读，</span><a href="#">继续阅读</a></div>',
    '<div class="surplus"><div class="surplus-inner"><p>还剩&nbsp;56&nbsp;页未读，是否继续阅读？</p></div></div>',
    '<div class="vip-mask"><p>试读已结束，开通VIP会员阅读全文</p><a class="btn">开通会员免费下载</a></div>',
  ];
  for (const box of boxes) {
    it(`keeps the free part’s end where the box stood: ${box.slice(0, 40)}…`, () => {
      const doc = parseFile(extractHtml(page(box))).documents[0]!;
      const text = documentText(doc);
      assert.ok(doc.freeChars !== null, 'a paid boundary');
      assert.ok(text.slice(0, doc.freeChars).trim().endsWith(lines[3]!));
      assert.ok(!/未读|试读|开通/.test(text));
    });
  }

  it('leaves a notice inside a paragraph’s running text where it is, its sentence joined', () => {
    const inline = `<p>${SPLIT[0]}<span>##paidbegin##</span>${SPLIT[1]}</p>`;
    const doc = parseFile(extractHtml(page(inline))).documents[0]!;
    assert.ok(documentText(doc).includes(SPLIT.join('')));
  });
});

describe('a news portal’s menu, one item a line', () => {
  // As a copy of a 网易 or 澎湃 page gives it (GeneralNewsExtractor's tests/163, tests/thepaper).
  const menu = ['时事', '财经', '澎湃号', '思想', '生活', '问吧', '订阅', '国内', '国际', '军事'];

  it('is read past for the title and removed', () => {
    const doc = parseFile(['报料 注册 登录', ...menu, NOTICE_TITLE, NOTICE_BODY].join('\n')).documents[0]!;
    assert.equal(doc.title, NOTICE_TITLE);
    assert.ok(!menu.some((item) => documentText(doc).split('\n').includes(item)));
  });

  it('keeps a list of names in the body and a document’s short headings', () => {
    const names = ['王小明', '李红', '张建国', '赵丽', '刘洋'];
    const body = [NOTICE_BODY, '获奖人员名单：', ...names].join('\n');
    const doc = parseFile(`${NOTICE_TITLE}\n${body}`).documents[0]!;
    for (const name of names) assert.ok(documentText(doc).includes(name), name);
  });
});
