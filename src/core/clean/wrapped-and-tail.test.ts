import assert from 'node:assert/strict';
import { it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { NOTICE_BODY, NOTICE_TITLE } from '../../testing/sample-text.js';
import { stripWatermarks } from './watermark.js';

const removedTexts = (page: string): Array<[string, string]> =>
  parseFile(page).documents[0]!.removed.map((r) => [r.rule, r.text]);

it('takes out a dodged watermark in round brackets that a hard wrap cut, the sentence around it whole', () => {
  const page = [
    NOTICE_TITLE,
    '',
    '利用产品等产品技术标准。（市场监管总局、工业和信息化部负责）推广（松烟写*作%首*发',
    '）一批先进适用技术装备，推动大宗工业固体废物综合利用产业规模化、高值化、集约化发展。',
    '',
    NOTICE_BODY,
  ].join('\n');
  const doc = parseFile(page).documents[0]!;
  const text = documentText(doc);
  assert.ok(text.includes('（市场监管总局、工业和信息化部负责）推广一批先进适用技术装备'), text.slice(0, 200));
  assert.ok(!text.includes('松烟'));
  assert.ok(removedTexts(page).some(([rule, t]) => rule === 'watermark' && t.includes('松烟写')));
  // A parenthesis a wrap cut that is no watermark: neither half is moved or removed.
  const plain = [
    NOTICE_TITLE,
    '',
    '落实生产者责任延伸制。（国家发展改革委、工业和信息化部',
    '指导）到2020年基本建成。',
    '',
    NOTICE_BODY,
  ];
  const kept = documentText(parseFile(plain.join('\n')).documents[0]!).replace(/\n/g, '');
  assert.ok(kept.includes('落实生产者责任延伸制。（国家发展改革委、工业和信息化部指导）到2020年基本建成。'), kept);
});

it('takes out a download link naming its file, however long the title in it', () => {
  const link = `附件下载：${NOTICE_TITLE}（二〇一九年修订稿）全文及解读材料.docx`;
  assert.ok(link.length > 40);
  const page = [NOTICE_TITLE, '', NOTICE_BODY, '', link, '', '版权所有 © 某某材料库'].join('\n');
  assert.ok(removedTexts(page).some(([rule, t]) => rule === 'site-download' && t === link));
  // A document's own attachment line is no download link.
  const own = [NOTICE_TITLE, '', NOTICE_BODY, '', '附件：城镇小区配套幼儿园治理工作台账（样表）'].join('\n');
  assert.ok(documentText(parseFile(own).documents[0]!).includes('附件：城镇小区配套幼儿园治理工作台账'));
});

it('keeps a document’s publication note a page printed under its related list', () => {
  const page = [
    NOTICE_TITLE,
    '',
    NOTICE_BODY,
    '',
    '国务院办公厅',
    '2019年1月22日',
    '',
    '相关阅读：',
    '市委办公室2019年优化营商环境工作汇报',
    '在全市人才工作会议上的讲话',
    '',
    '（此件公开发布）',
    '',
    '分享到：微信 微博 QQ空间',
    '推荐阅读',
    '镇党委2019年信访维稳调研报告',
    `【原文下载】${NOTICE_TITLE}.doc`,
  ].join('\n');
  const doc = parseFile(page).documents[0]!;
  const kept = [documentText(doc), doc.signature ?? '', doc.subtitle ?? ''].join('\n');
  assert.ok(kept.includes('（此件公开发布）'), kept.slice(-200));
  assert.ok(!kept.includes('在全市人才工作会议上的讲话'));
  assert.ok(!kept.includes('镇党委2019年信访维稳调研报告'));
});

it('takes a watermark out of content’s own brackets, leaving the brackets and their words', () => {
  const cases: Array<[string, string, string]> = [
    [
      '（2023年3月13日第十【竹*简^文库】四届全国人民代表大会第一次会议通过）',
      '（2023年3月13日第十四届全国人民代表大会第一次会议通过）',
      '【竹*简^文库】',
    ],
    ['（本文〔三@人@行@整理〕有删减）', '（本文有删减）', '〔三@人@行@整理〕'],
    ['五、强<<范*文#选网>>化保障措施', '五、强化保障措施', '<<范*文#选网>>'],
  ];
  for (const [line, kept, removed] of cases)
    assert.deepEqual(stripWatermarks(line), { line: kept, removed: [removed] });
  // Brackets in brackets that are content stay: a document's name with its number.
  const named = '（《国务院关于印发〈中华人民共和国促进科技成果转化法〉若干规定的通知》）';
  assert.deepEqual(stripWatermarks(named), { line: named, removed: [] });
});
