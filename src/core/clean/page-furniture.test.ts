import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { furnitureOf, postLineOf, type FurnitureKind } from './page-furniture.js';
import { pageFields } from './page-fields.js';
import { stripWatermarks } from './watermark.js';

describe('page furniture of any kind of page', () => {
  const furniture: Array<[string, FurnitureKind]> = [
    ['第 3 页 共 12 页', 'site-pagenum'],
    ['— 7 —', 'site-pagenum'],
    ['- 12 -', 'site-pagenum'],
    ['— END —', 'site-end'],
    ['-THE END-', 'site-end'],
    ['点击上方蓝字，关注我们', 'site-call'],
    ['▲点击图片查看大图', 'site-call'],
    ['↓↓↓ 长按识别二维码，加入写作交流群 ↓↓↓', 'site-call'],
    ['扫一扫在手机打开当前页', 'site-call'],
    ['收录于合集 #公文写作 56个', 'site-call'],
    ['（Word版，可编辑）', 'site-note'],
    ['本文档共5页，下载后可编辑', 'site-note'],
    ['本文档由用户上传，仅供学习交流使用', 'site-note'],
    ['谢谢楼主分享！', 'site-comment'],
    ['【广告】', 'site-slot'],
    ['---', 'site-divider'],
    ['客服微信：sy4864（备注：范文）', 'site-contact'],
    ['QQ群：166232431（砚池写作交流群）', 'site-contact'],
    ['附件：某某通知.doc (25.6 KB, 下载次数: 12)', 'site-download'],
    ['↑↑↑ 收藏本站，下次更方便 ↑↑↑', 'site-call'],
    ['[图片]', 'site-slot'],
    ['本文共计3245字，预计阅读时间10分钟', 'site-call'],
    ['请先登录后发表评论', 'site-call'],
  ];
  for (const [line, kind] of furniture) {
    it(`${kind}: ${line}`, () => assert.equal(furnitureOf(line), kind));
  }

  const content = [
    '一、总体要求',
    '推行扫码亮证、扫码入场，方便群众办事。',
    '全年完成12个页岩气项目。',
    '2024年3月5日',
    '第三，要加强组织领导。',
    '文档资料要及时归档，做到应归尽归。',
    '联系电话：010-66668888',
    '附件：1.县安全生产委员会工作规则',
    '微信公众号：XX发布',
  ];
  for (const line of content) {
    it(`keeps content: ${line}`, () => assert.equal(furnitureOf(line), null));
  }

  it('reads a post line of any site: its date and who posted it', () => {
    const wechat = postLineOf('原创 李文静 笔耕公文圈 2024-03-05 07:57 发表于江苏');
    assert.equal(wechat?.date[0], '2024-03-05 07:57');
    assert.equal(wechat?.author, '李文静');
    assert.equal(postLineOf('王海 发表于 2024-3-5 10:21 | 只看该作者 | 倒序浏览')?.author, '王海');
    assert.equal(postLineOf('本帖最后由 周晓 于 2024-3-5 10:25 编辑')?.author, '周晓');
    assert.ok(postLineOf('2024.03.05 10:21 字数 3,245 阅读 1,234'));
    // A document's own date lines are no post lines.
    for (const line of ['2024年3月5日', 'XX县人民政府 2024年3月5日', '（2024年3月1日—3月15日）动员部署阶段']) {
      assert.equal(postLineOf(line), null, line);
    }
  });

  it('takes a page date that leads its fields unlabelled', () => {
    assert.deepEqual(pageFields('2023年11月07日　来源：网友投稿　编辑：编辑部'), [
      { label: 'date', value: '2023年11月07日' },
      { label: 'source', value: '网友投稿' },
      { label: 'editor', value: '编辑部' },
    ]);
    assert.equal(pageFields('2023年11月07日召开会议　时间：上午'), null);
  });

  it('takes watermarks out of the other bracket kinds, dodged by a dot or a dash', () => {
    for (const span of [
      '『知行文@库』',
      '﹝优选文档·网﹞',
      '〈文秘之家首=发〉',
      '「文·枢阁公文网」',
      '﹝优选-文档网﹞',
      '<<范文选*网>>',
      '〔三人@行整理〕',
    ]) {
      assert.equal(stripWatermarks(`加强组织领导${span}，压实工作责任。`).line, '加强组织领导，压实工作责任。', span);
    }
    for (const kept of ['〔2024〕', '（2021-2025年）', '《习近平谈治国理政》']) {
      assert.equal(stripWatermarks(`见${kept}。`).line, `见${kept}。`, kept);
    }
  });
});

describe('after the body, the page is the page', () => {
  const body = [
    'XX县人民政府办公室关于调整县安全生产委员会组成人员的通知',
    '各乡镇人民政府，县政府各部门：',
    '因人事变动和工作需要，县政府决定对县安全生产委员会组成人员进行调整，现将调整后的名单通知如下：',
    '主　任：张某某　　县长',
    '副主任：李某某　　副县长',
    '王某某　　县应急管理局局长',
    '赵某某　　县公安局副局长',
    '委员会办公室设在县应急管理局，办公室主任由县应急管理局局长王某某兼任，负责日常工作。',
    'XX县人民政府办公室',
    '2024年3月5日',
    '（此件公开发布）',
    '附件：1.县安全生产委员会工作规则',
  ];

  it('cuts the furniture after the closing, with the short lines among it', () => {
    const page = [
      ...body,
      '— END —',
      '往期推荐',
      'XX县2024年安全生产工作要点',
      '在全县安全生产工作会议上的讲话',
      '收藏0',
      '淘帖',
    ];
    const [doc] = parseFile(page.join('\n')).documents;
    assert.ok(doc);
    const text = documentText(doc);
    for (const line of ['— END —', '往期推荐', '工作要点', '收藏0', '淘帖']) assert.ok(!text.includes(line), line);
    for (const line of ['王某某　　县应急管理局局长', '（此件公开发布）', '附件：1.县安全生产委员会工作规则']) {
      assert.ok(text.includes(line) || doc.signature === line, line);
    }
  });

  it('keeps a list of short lines that ends the document when nothing of the page follows', () => {
    const [doc] = parseFile([...body.slice(0, 7)].join('\n')).documents;
    assert.ok(doc);
    for (const line of body.slice(3, 7)) assert.ok(documentText(doc).includes(line), line);
  });
});
